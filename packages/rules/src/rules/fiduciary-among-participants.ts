import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'fiduciary-among-participants',
  meta: {
    criterion: 'participants',
    docs: {
      fr: 'Exactement un participant est désigné organisme fiduciaire, et c’est celui que nomme le plan s’il en nomme un.',
      en: 'Exactly one participant is flagged as the fiduciary organisation, and it is the one the plan names if it names one.',
    },
    serves: { fr: 'Cohérence : le fiduciaire fait partie des participants.', en: 'Coherence: the fiduciary is among the participants.' },
    messages: {
      none: { fr: 'Aucun participant n’est désigné organisme fiduciaire.', en: 'No participant is flagged as the fiduciary organisation.' },
      several: { fr: 'Plusieurs participants sont désignés fiduciaires : {names}.', en: 'Several participants are flagged as fiduciary: {names}.' },
      'not-a-participant': {
        fr: 'Le fiduciaire « {name} » ne figure pas parmi les participants.',
        en: 'The fiduciary "{name}" is not among the participants.',
      },
      mismatch: {
        fr: 'Le plan nomme « {name} » comme fiduciaire, mais c’est « {flagged} » qui est désigné dans la liste des participants.',
        en: 'The plan names "{name}" as fiduciary, but "{flagged}" is the one flagged in the list of participants.',
      },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, names, examine, report }) {
    if (profile.sections.participants.presence === 'absent' || (plan.participants?.entries ?? []).length === 0) return
    examine('/participants')
    const flagged = (plan.participants?.entries ?? []).filter((entry) => entry.fiduciary)
    const declared = plan.metadata.chantier?.fiduciary
    const declaredRef = declared ? names.resolve(declared) : undefined
    if (declared && !(declaredRef && 'participant' in declaredRef)) {
      report('not-a-participant', { pointer: '/metadata/chantier/fiduciary', subject: '/participants', data: { name: declared } })
      return
    }
    if (flagged.length === 0) report('none', { pointer: '/participants' })
    else if (flagged.length > 1) report('several', { pointer: '/participants', data: { names: flagged.map((entry) => entry.name).join(' ; ') } })
    else if (declaredRef && 'participant' in declaredRef && declaredRef.participant !== flagged[0]!.id)
      report('mismatch', { pointer: '/metadata/chantier/fiduciary', subject: '/participants', data: { name: declared!, flagged: flagged[0]!.name } })
  },
})

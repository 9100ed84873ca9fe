import { foldText } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'complementarity-local-and-regional',
  meta: {
    criterion: 'complementarity',
    docs: {
      fr: 'La description de la complémentarité traite à la fois du local et du régional.',
      en: 'The description of complementarity addresses both the local and the regional levels.',
    },
    serves: { fr: 'Question du formulaire 2026 : « (local et au régional) ».', en: '2026 form question: "(local and regional)".' },
    messages: {
      'one-level': {
        fr: 'La complémentarité ne traite que du niveau {present} : le formulaire demande le local et le régional.',
        en: 'Complementarity only addresses the {present} level: the form asks for local and regional.',
      },
      'no-level': {
        fr: 'La complémentarité ne dit pas comment les travaux s’arriment au local et au régional.',
        en: 'Complementarity does not say how the work fits with the local and regional levels.',
      },
    },
    defaultSeverity: 'warning',
  },
  check({ plan, profile, examine, report }) {
    if (profile.sections.complementarity.presence === 'absent' || (plan.complementarity?.points ?? []).length === 0) return
    examine('/complementarity')
    const text = foldText((plan.complementarity?.points ?? []).map((point) => point.text).join(' '))
    const local = /\bloca(?:l|le|les|ux)\b/.test(text)
    const regional = /\bregiona(?:l|le|les|ux)\b/.test(text)
    if (!local && !regional) report('no-level', { pointer: '/complementarity' })
    else if (!local || !regional)
      report('one-level', { pointer: '/complementarity', data: { present: local ? { fr: 'local', en: 'local' } : { fr: 'régional', en: 'regional' } } })
  },
})

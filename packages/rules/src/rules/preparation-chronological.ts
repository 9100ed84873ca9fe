import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'preparation-chronological',
  meta: {
    criterion: 'preparation',
    docs: { fr: 'Les étapes datées se suivent dans l’ordre chronologique et leurs dates se lisent.', en: 'Dated steps follow each other in chronological order and their dates can be read.' },
    serves: { fr: 'Cohérence : les étapes datées sont chronologiques.', en: 'Coherence: dated steps are chronological.' },
    messages: {
      'out-of-order': {
        fr: 'L’étape {step} ({date}) est datée avant l’étape qui la précède ({previous}).',
        en: 'Step {step} ({date}) is dated before the step before it ({previous}).',
      },
      unreadable: { fr: 'La date « {raw} » ne se lit pas.', en: 'The date "{raw}" cannot be read.' },
    },
    defaultSeverity: 'warning',
  },
  check({ plan, examine, report }) {
    let previous: string | undefined
    for (const [i, step] of (plan.preparation?.steps ?? []).entries()) {
      if (!step.date) continue
      const pointer = `/preparation/steps/${i}/date`
      examine(pointer)
      if (step.date.unparsed) report('unreadable', { pointer, data: { raw: step.date.raw } })
      const date = step.date.value
      if (!date) continue
      if (previous !== undefined && date < previous) report('out-of-order', { pointer, data: { step: step.number ?? i + 1, date, previous } })
      previous = date
    }
  },
})

import { defineRule } from '../engine/rule.js'
import { missingAt } from './kit.js'

export default defineRule({
  id: 'preparation-ends-with-deposit',
  meta: {
    criterion: 'preparation',
    docs: {
      fr: 'Les étapes se terminent par le dépôt officiel, aucune étape datée ne le suit, et sa date est celle du plan.',
      en: 'The steps end with the official deposit, no dated step comes after it, and its date is the plan’s deposit date.',
    },
    serves: { fr: 'Cohérence : les étapes mènent au dépôt et aucune n’est postérieure.', en: 'Coherence: the steps lead to the deposit and none comes after it.' },
    messages: {
      'no-deposit': { fr: 'Les étapes ne mentionnent pas le dépôt officiel du plan.', en: 'The steps do not mention the official deposit of the plan.' },
      'not-last': { fr: 'Le dépôt officiel n’est pas la dernière étape présentée.', en: 'The official deposit is not the last step presented.' },
      'after-deposit': {
        fr: 'L’étape {step} est datée du {date}, après le dépôt du {deposit}.',
        en: 'Step {step} is dated {date}, after the deposit on {deposit}.',
      },
      'date-mismatch': {
        fr: 'Le dépôt est daté du {step} dans les étapes, mais du {metadata} dans les renseignements du plan.',
        en: 'The deposit is dated {step} in the steps but {metadata} in the plan information.',
      },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    const steps = (plan.preparation?.steps ?? [])
    if (profile.sections.preparation.presence === 'absent' || steps.length === 0) return
    examine('/preparation/steps')
    const depositIndex = steps.findLastIndex((step) => step.kind === 'official-deposit')
    if (depositIndex < 0) {
      report('no-deposit', { ...missingAt(plan, '/preparation/steps', '/preparation/steps'), subject: '/preparation/steps' })
      return
    }
    const deposit = steps[depositIndex]!
    const pointer = `/preparation/steps/${depositIndex}`
    if (depositIndex !== steps.length - 1) report('not-last', { pointer, subject: '/preparation/steps' })
    const depositDate = deposit.date?.value
    if (!depositDate) return
    for (const [i, step] of steps.entries()) {
      const date = step.date?.value
      if (date && date > depositDate)
        report('after-deposit', { pointer: `/preparation/steps/${i}/date`, subject: '/preparation/steps', data: { step: step.number ?? i + 1, date, deposit: depositDate } })
    }
    const declared = plan.metadata.depositDate
    if (declared && declared !== depositDate)
      report('date-mismatch', { pointer: '/metadata/depositDate', subject: '/preparation/steps', data: { step: depositDate, metadata: declared } })
  },
})

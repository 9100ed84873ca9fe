import { fiscalYearOf } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { listEn, listFr } from './kit.js'

export default defineRule({
  id: 'budget-amount-per-year',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Une cellule Budget qui donne des montants par année financière en donne un pour chaque année du plan.',
      en: 'A Budget cell that gives amounts per fiscal year gives one for each year of the plan.',
    },
    serves: { fr: 'Cohérence : un montant pour chaque année du plan.', en: 'Coherence: an amount for every plan year.' },
    messages: {
      'missing-year': {
        fr: 'Aucun montant pour {years} : la cellule ne donne que {given}.',
        en: 'No amount for {years}: the cell only gives {given}.',
      },
    },
    defaultSeverity: 'warning',
  },
  create({ plan, profile, examine, report }) {
    const period = plan.metadata.period
    if (!period || profile.columns.budget.presence === 'absent') return {}
    const planYears: string[] = []
    for (let year = period.firstYear; year <= period.lastYear; year++) planYears.push(fiscalYearOf(year, profile.yearScheme).label)
    return {
      row({ row, pointer }) {
        const parts = row.budget?.value?.parts
        if (!parts) return
        const at = `${pointer}/budget`
        const amounts = parts.flatMap((part) => (part.kind === 'amount' ? [part.amount] : []))
        const given = [...new Set(amounts.flatMap((amount) => (amount.fiscalYear ? [amount.fiscalYear] : [])))]
        if (given.length === 0) return
        examine(at)
        const missing = planYears.filter((year) => !given.includes(year))
        if (missing.length > 0)
          report('missing-year', { pointer: at, data: { years: { fr: listFr(missing), en: listEn(missing) }, given: { fr: listFr(given), en: listEn(given) } } })
      },
    }
  },
})

import { fiscalYearOf } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { listEn, listFr } from './kit.js'

export default defineRule({
  id: 'budget-amount-per-year',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Chaque cellule Budget donne un montant pour chaque année du plan, dans la cellule ou au montage financier auquel elle renvoie : joint au plan, le montage est vérifié pour les lignes nommées; absent, le plan reçoit une seule remarque pour toutes les cellules qui s’en remettent à lui.',
      en: 'Each Budget cell gives an amount for every plan year, in the cell or in the financial plan it refers to: when the financial plan comes with the plan, the lines named are checked; when it does not, the plan gets one note for all the cells that rely on it.',
    },
    serves: { fr: 'Cohérence : un montant pour chaque année du plan.', en: 'Coherence: an amount for every plan year.' },
    messages: {
      'missing-year': {
        fr: 'Aucun montant pour {years} : la cellule ne donne que {given}.',
        en: 'No amount for {years}: the cell only gives {given}.',
      },
      'missing-in-montage': {
        fr: 'Aucun montant pour {years} : la cellule renvoie à la ligne {line} du montage financier, qui n’en prévoit pas.',
        en: 'No amount for {years}: the cell refers to line {line} of the financial plan, which has none.',
      },
      'montage-not-attached': {
        fr: '{cells} au montage financier pour {years}; le montage n’est pas joint au plan : ces montants se vérifient avec lui.',
        en: '{cells} to the financial plan for {years}; it is not attached to the plan: those amounts are checked against it.',
      },
    },
    defaultSeverity: 'warning',
  },
  create({ plan, profile, examine, report }) {
    const period = plan.metadata.period
    if (!period || profile.columns.budget.presence === 'absent') return {}
    const planYears: string[] = []
    for (let year = period.firstYear; year <= period.lastYear; year++) planYears.push(fiscalYearOf(year, profile.yearScheme).label)
    const montage = plan.financialPlan
    // Without the montage, the cells that leave years to it are counted here and named once, at the end.
    let leftToMontage = 0
    const yearsLeftToMontage = new Set<string>()
    const bilingualList = (years: readonly string[]) => ({ fr: listFr(years), en: listEn(years) })
    return {
      row({ row, pointer }) {
        const parts = row.budget?.value?.parts
        if (!parts) return
        const at = `${pointer}/budget`
        const lines = parts.flatMap((part) => (part.kind === 'line-ref' ? [part.line] : []))
        const given = [...new Set(parts.flatMap((part) => (part.kind === 'amount' && part.amount.fiscalYear ? [part.amount.fiscalYear] : [])))]
        // A cell with neither a reference nor a dated amount says nothing per year (amounts-have-currency-and-year names undated amounts).
        if (lines.length === 0 && given.length === 0) return
        examine(at)
        const missing = planYears.filter((year) => !given.includes(year))
        if (missing.length === 0) return
        if (lines.length === 0) {
          report('missing-year', { pointer: at, data: { years: bilingualList(missing), given: bilingualList(given) } })
          return
        }
        if (!montage) {
          leftToMontage++
          for (const year of missing) yearsLeftToMontage.add(year)
          return
        }
        for (const line of new Set(lines)) {
          const amounts = montage.lines.find((candidate) => candidate.line === line)?.amounts ?? []
          const absent = missing.filter((year) => !amounts.some((amount) => amount.fiscalYear === year))
          if (absent.length > 0) report('missing-in-montage', { pointer: at, data: { years: bilingualList(absent), line } })
        }
      },
      end() {
        if (leftToMontage === 0) return
        const subject = '/axes#montage'
        examine(subject)
        const years = planYears.filter((year) => yearsLeftToMontage.has(year))
        report('montage-not-attached', { pointer: '/axes', subject, data: { cells: cellsReferring(leftToMontage), years: bilingualList(years) } })
      },
    }
  },
})

function cellsReferring(count: number) {
  return count === 1
    ? { fr: 'Une cellule Budget renvoie', en: 'One Budget cell refers' }
    : { fr: `${count} cellules Budget renvoient`, en: `${count} Budget cells refer` }
}

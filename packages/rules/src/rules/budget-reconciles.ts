import { budgetCellAmounts, formatMoney, type YearAmount } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'budget-reconciles',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Quand le montage financier accompagne le plan : chaque année, les ressources (sources et contributions en nature) égalent les dépenses, et les montants écrits au tableau pour une ligne égalent cette ligne du montage.',
      en: 'When the financial plan comes with the plan: each year, resources (sources and in-kind contributions) equal expenses, and the amounts written in the table for a line equal that line of the financial plan.',
    },
    serves: { fr: 'Cohérence : les totaux concordent avec le montage par année financière.', en: 'Coherence: totals reconcile with the financial plan per fiscal year.' },
    messages: {
      unbalanced: {
        fr: 'En {year}, les ressources ({resources}) ne couvrent pas exactement les dépenses ({expenses}).',
        en: 'In {year}, resources ({resources}) do not exactly match expenses ({expenses}).',
      },
      'line-mismatch': {
        fr: 'Ligne {line}, {year} : le tableau du plan totalise {rows}, le montage prévoit {montage}.',
        en: 'Line {line}, {year}: the plan table adds up to {rows}, the financial plan has {montage}.',
      },
    },
    defaultSeverity: 'error',
  },
  create({ plan, examine, report }) {
    const montage = plan.financialPlan
    if (!montage) return {}
    const money = (cents: number) => ({ fr: formatMoney(cents, 'fr'), en: formatMoney(cents, 'en') })
    const sum = (amounts: readonly YearAmount[], year: string) => amounts.filter((amount) => amount.fiscalYear === year).reduce((total, amount) => total + amount.cents, 0)
    for (const year of montage.fiscalYears) {
      const subject = `/financialPlan#${year}`
      examine(subject)
      const expenses = montage.lines.reduce((total, line) => total + sum(line.amounts, year), 0)
      const resources = [...montage.sources, ...montage.inKind].reduce((total, source) => total + sum(source.amounts, year), 0)
      if (expenses !== resources) report('unbalanced', { pointer: '/financialPlan', subject, data: { year, resources: money(resources), expenses: money(expenses) } })
    }
    // What the table writes for each montage line and fiscal year (amounts count against a line only when their cell names exactly one).
    const written = new Map<string, number>()
    return {
      row({ row }) {
        for (const amount of budgetCellAmounts(row.budget))
          if (amount.line !== undefined && amount.fiscalYear) {
            const key = `${amount.line}|${amount.fiscalYear}`
            written.set(key, (written.get(key) ?? 0) + amount.cents)
          }
      },
      end() {
        for (const [index, line] of montage.lines.entries())
          for (const year of montage.fiscalYears) {
            const rows = written.get(`${line.line}|${year}`)
            if (rows === undefined) continue
            const subject = `/financialPlan/lines/${index}#${year}`
            examine(subject)
            const expected = sum(line.amounts, year)
            if (rows !== expected)
              report('line-mismatch', { pointer: `/financialPlan/lines/${index}`, subject, data: { line: line.line, year, rows: money(rows), montage: money(expected) } })
          }
      },
    }
  },
})

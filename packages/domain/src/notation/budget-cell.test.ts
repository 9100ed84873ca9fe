import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { examplePlans } from '../examples.js'
import { formatMoney } from '../money.js'
import { type BudgetCell, budgetCellAmounts, parseBudgetCell } from './budget-cell.js'

/** Every budget cell of the real plans that has amounts. */
const realCells = Object.values(examplePlans).flatMap((load) =>
  load().axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows.flatMap((row) => (row.budget ? [parseBudgetCell(row.budget.raw)] : [])))),
).filter((cell) => budgetCellAmounts(cell).length > 0)

/** The cell as the toolkit's documents show it (labels, fiscal year in full, figures in the locale's money format), one line per part. */
function shown(cell: BudgetCell, language: 'fr' | 'en'): string {
  return cell.value!.parts
    .map((part) => {
      if (part.kind !== 'amount') return part.raw
      const figures = part.amount.terms.map((cents) => (part.amount.hasCurrency ? formatMoney(cents, language) : formatMoney(cents, language).replace(/\u00a0?\$/, '').replace(/^\$/, '')))
      const label = [part.amount.label, part.amount.fiscalYear].filter(Boolean).join(' ')
      return label ? `${label}${language === 'fr' ? ' : ' : ': '}${figures.join(' + ')}` : figures.join(' + ')
    })
    .join('\n')
}

describe('parseBudgetCell', () => {
  it('reads a line reference and a yearly total, even when the line break was lost', () => {
    const cell = parseBudgetCell("Voir onglet Budget ligne 12 - déploiement d'actions Total 26-27 10 500$")
    expect(cell.value?.parts).toEqual([
      { kind: 'line-ref', raw: "Voir onglet Budget ligne 12 - déploiement d'actions", sheet: 'Budget', line: 12, label: "déploiement d'actions" },
      {
        kind: 'amount',
        raw: 'Total 26-27 10 500$',
        amount: { label: 'Total', fiscalYear: '2026-2027', terms: [1_050_000], total: 1_050_000, hasCurrency: true },
      },
    ])
  })

  it('reads the cells as the toolkit shows them, in French and English, to the same amounts (real plans)', () => {
    expect(realCells.length).toBeGreaterThanOrEqual(4)
    for (const cell of realCells)
      for (const language of ['fr', 'en'] as const) {
        const again = parseBudgetCell(shown(cell, language))
        expect(again.value?.parts.map((part) => part.kind), shown(cell, language)).toEqual(cell.value!.parts.map((part) => part.kind))
        expect(budgetCellAmounts(again)).toEqual(budgetCellAmounts(cell))
      }
    expect(parseBudgetCell('Total 2026-2027 : 10\u00a0500\u00a0$ + 7\u00a0000\u00a0$').value?.parts[0]).toMatchObject({ amount: { label: 'Total', fiscalYear: '2026-2027', terms: [1_050_000, 700_000], hasCurrency: true } })
    expect(parseBudgetCell('Total 2026-2027: $10,500 + $7,000').value?.parts[0]).toMatchObject({ amount: { label: 'Total', fiscalYear: '2026-2027', terms: [1_050_000, 700_000], hasCurrency: true } })
    expect(parseBudgetCell('2026-2027 : 5 000 $').value?.parts[0]).toMatchObject({ amount: { fiscalYear: '2026-2027', terms: [500_000] } })
  })

  it('keeps unreadable lines as text parts beside readable ones', () => {
    const cell = parseBudgetCell('0 $\nselon le montage')
    expect(cell.value?.parts.map((part) => part.kind)).toEqual(['amount', 'text'])
  })

  it('marks a cell with nothing readable as unparsed', () => {
    expect(parseBudgetCell('à venir')).toEqual({ raw: 'à venir', unparsed: true })
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (raw) => {
      expect(parseBudgetCell(raw).raw).toBe(raw)
    }), { numRuns: 2000 })
  })
})

describe('budgetCellAmounts', () => {
  it('counts amounts against the line a cell names when it names exactly one', () => {
    const one = parseBudgetCell("Voir onglet Budget ligne 12 - déploiement d'actions\nTotal 26-27 5 000$\nTotal 27-28 2 500$")
    expect(budgetCellAmounts(one)).toEqual([
      { line: 12, fiscalYear: '2026-2027', cents: 500_000, hasCurrency: true },
      { line: 12, fiscalYear: '2027-2028', cents: 250_000, hasCurrency: true },
    ])
  })

  it('counts them against no line when the cell names none or several', () => {
    const two = parseBudgetCell('Voir onglet Budget ligne 12\nVoir onglet Budget ligne 14\nTotal 26-27 5 000$')
    expect(budgetCellAmounts(two)).toEqual([{ fiscalYear: '2026-2027', cents: 500_000, hasCurrency: true }])
    expect(budgetCellAmounts(parseBudgetCell('135 493'))).toEqual([{ cents: 13_549_300, hasCurrency: false }])
    expect(budgetCellAmounts(undefined)).toEqual([])
  })
})

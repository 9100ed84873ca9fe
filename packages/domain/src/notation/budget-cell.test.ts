import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { budgetCellAmounts, parseBudgetCell } from './budget-cell.js'

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

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBudgetCell } from './budget-cell.js'

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

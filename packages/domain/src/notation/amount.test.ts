import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '../money.js'
import { parseAmount } from './amount.js'

describe('parseAmount', () => {
  it('reads a labelled sum for a fiscal year', () => {
    expect(parseAmount('Total 26-27 10 500$ + 7 000$').value).toEqual({
      label: 'Total',
      fiscalYear: '2026-2027',
      terms: [1_050_000, 700_000],
      total: 1_750_000,
      hasCurrency: true,
    })
  })

  it('reads a bare figure with no currency or year', () => {
    expect(parseAmount('135 493').value).toEqual({ terms: [13_549_300], total: 13_549_300, hasCurrency: false })
  })

  it.each([
    ['0 $', 0],
    ['5 000 $', 500_000],
    ['5\u00a0000,50\u00a0$', 500_050],
    ['$5,000', 500_000],
    ['12.5 $', 1_250],
  ])('reads %j as %i cents', (raw, cents) => {
    expect(parseAmount(raw).value?.total).toBe(cents)
  })

  it.each(['Voir onglet Budget', 'Total 26-28 5 000$', '5 000 $ + ', 'cinq mille dollars'])('keeps %j unparsed', (raw) => {
    expect(parseAmount(raw)).toEqual({ raw, unparsed: true })
  })

  it('reads back every amount formatMoney writes, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom('fr' as const, 'en' as const), (cents, locale) => {
        expect(parseAmount(formatMoney(cents, locale)).value?.total).toBe(cents)
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const amount = parseAmount(raw)
        expect(amount.raw).toBe(raw)
        if (amount.value) expect(amount.value.total).toBe(amount.value.terms.reduce((a, b) => a + b, 0))
      }),
      { numRuns: 2000 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInteger, formatMoney, parseMoney } from './money.js'

describe('formatMoney', () => {
  it('writes amounts as the OQLF recommends, with non-breaking spaces', () => {
    expect(formatMoney(500_000)).toBe('5\u00a0000\u00a0$')
    expect(formatMoney(13_549_300)).toBe('135\u00a0493\u00a0$')
    expect(formatMoney(1_750_050)).toBe('17\u00a0500,50\u00a0$')
    expect(formatMoney(0)).toBe('0\u00a0$')
    expect(formatMoney(-1_000)).toBe('-10\u00a0$')
    expect(formatMoney(500_000, 'fr', { alwaysShowCents: true })).toBe('5\u00a0000,00\u00a0$')
  })

  it('writes en-CA amounts', () => {
    expect(formatMoney(500_000, 'en')).toBe('$5,000')
    expect(formatMoney(123_456_789, 'en')).toBe('$1,234,567.89')
  })

  it('refuses what is not a whole number of cents', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError)
  })

  it('round-trips every amount in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('fr' as const, 'en' as const), (cents, locale) => {
        expect(parseMoney(formatMoney(cents, locale))).toBe(cents)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('formatInteger', () => {
  it('groups thousands as formatMoney does, without ICU', () => {
    expect(formatInteger(2_000_000, 'fr')).toBe('2\u00a0000\u00a0000')
    expect(formatInteger(100_000, 'en')).toBe('100,000')
    expect(formatInteger(-1234)).toBe('-1\u00a0234')
    expect(formatInteger(999)).toBe('999')
    expect(() => formatInteger(1.5)).toThrow(RangeError)
  })
})

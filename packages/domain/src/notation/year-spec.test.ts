import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseYearSpec } from './year-spec.js'

describe('parseYearSpec', () => {
  it.each([
    ['An 6', [6], 'all'],
    ['An 6 et 7', [6, 7], 'all'],
    ['An 6-7', [6, 7], 'all'],
    ['An 6-7 et 8', [6, 7, 8], 'all'],
    ['1', [1], 'all'],
    ['1 et 2', [1, 2], 'all'],
    ['1 2', [1, 2], 'all'],
    ['1 ou 2', [1, 2], 'any'],
    ['Year 3 and 4', [3, 4], 'all'],
    ['années 2, 3', [2, 3], 'all'],
  ])('reads %j', (raw, years, mode) => {
    expect(parseYearSpec(raw)).toEqual({ raw, value: { years, mode } })
  })

  it.each(['juin 2021', 'An', 'An 7-6', 'Year 0', '2026-2027', 'An 6 et demi'])('keeps %j raw and unparsed', (raw) => {
    expect(parseYearSpec(raw)).toEqual({ raw, unparsed: true })
  })

  const calendar = { notation: 'calendar-year' as const, originYear: 2007, startMonth: 1, label: { fr: '{n}' } }
  const fiscal = { notation: 'fiscal-year' as const, originYear: 2020, startMonth: 4, label: { fr: 'An {n}' } }
  it.each([
    ['2008-2012', calendar, [1, 2, 3, 4, 5], 'all'],
    ['2009 et 2010', calendar, [2, 3], 'all'],
    ['2009 ou 2011', calendar, [2, 4], 'any'],
    ['2026-2027', fiscal, [6], 'all'],
    ['2026-2027 et 2027-2028', fiscal, [6, 7], 'all'],
    ['2026 - 2027, 27-28', fiscal, [6, 7], 'all'],
  ])('reads %j in the profile’s notation, counted from its origin', (raw, scheme, years, mode) => {
    expect(parseYearSpec(raw, scheme)).toEqual({ raw, value: { years, mode } })
  })

  it.each([
    ['An 6', calendar],
    ['2006', calendar],
    ['2008-2012', fiscal],
    ['2026', fiscal],
  ])('keeps %j unparsed when it is not in the profile’s notation', (raw, scheme) => {
    expect(parseYearSpec(raw, scheme)).toEqual({ raw, unparsed: true })
  })

  it('treats a blank cell as nothing to parse', () => {
    expect(parseYearSpec('  ')).toEqual({ raw: '  ' })
  })

  it('never throws, always keeps the raw text, and marks what it cannot read', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const spec = parseYearSpec(raw)
        expect(spec.raw).toBe(raw)
        if (raw.trim() !== '') expect(Boolean(spec.value) !== Boolean(spec.unparsed)).toBe(true)
        for (const year of spec.value?.years ?? []) expect(Number.isInteger(year) && year >= 1).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

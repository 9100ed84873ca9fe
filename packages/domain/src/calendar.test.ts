import { describe, expect, it } from 'vitest'
import { fiscalYearOf, formatPlanYear, planYearOfDate, planYearOfFiscalYear, planYearOfText } from './calendar.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'

const scheme = lanaudiere2026.yearScheme

describe('the year scheme', () => {
  it('maps An N to its fiscal year and back', () => {
    expect(fiscalYearOf(6, scheme)).toEqual({ label: '2026-2027', startYear: 2026, endYear: 2027, start: '2026-04-01', end: '2027-03-31' })
    expect(fiscalYearOf(1, scheme).label).toBe('2021-2022')
    expect(planYearOfFiscalYear('2027-2028', scheme)).toBe(7)
    expect(planYearOfFiscalYear('26-27', scheme)).toBe(6)
    expect(planYearOfFiscalYear('2026-2028', scheme)).toBeUndefined()
  })

  it('reads a year as a reviewer writes it: An N, a fiscal year, or a calendar year opening or closing a period', () => {
    for (const text of ['An 6', 'an 6', '6', 'Year 6', '2026-2027', '26-27', '2026']) expect(planYearOfText(text, scheme, 'first'), text).toBe(6)
    // The 2026-2028 plan closes with An 7, the fiscal year 2027-2028 that ends in 2028.
    expect(planYearOfText('2028', scheme, 'last')).toBe(7)
    expect(planYearOfText('2027-2028', scheme, 'last')).toBe(7)
    // A fiscal year that is the calendar year: the same year either way.
    const calendar = { ...scheme, startMonth: 1 }
    expect(planYearOfText('2028', calendar, 'last')).toBe(8)
    for (const text of ['0', '2019', 'An 0', '2026-2028', 'soon', '']) expect(planYearOfText(text, scheme, 'first'), text).toBeUndefined()
  })

  it('places dates in plan years by the start month', () => {
    expect(planYearOfDate('2026-02-26', scheme)).toBe(5)
    expect(planYearOfDate('2026-04-01', scheme)).toBe(6)
    const july = { ...scheme, startMonth: 7 }
    expect(planYearOfDate('2026-06-30', july)).toBe(5)
    expect(fiscalYearOf(6, july)).toMatchObject({ start: '2026-07-01', end: '2027-06-30' })
    const calendar = { ...scheme, startMonth: 1 }
    expect(fiscalYearOf(6, calendar)).toMatchObject({ start: '2026-01-01', end: '2026-12-31' })
  })

  it('names plan years in both languages', () => {
    expect(formatPlanYear(6, scheme)).toBe('An 6')
    expect(formatPlanYear(6, scheme, 'en')).toBe('Year 6')
  })
})

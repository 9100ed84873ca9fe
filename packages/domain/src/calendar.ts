import type { Locale } from './locale.js'
import type { YearScheme } from './profile/profile.js'

export interface FiscalYearSpan {
  /** "2026-2027" */
  label: string
  startYear: number
  endYear: number
  /** First and last day, ISO 8601. */
  start: string
  end: string
}

/** "An N" → its fiscal year under the profile's scheme (An 6 → 2026-2027 with origin 2020). */
export function fiscalYearOf(planYear: number, scheme: YearScheme): FiscalYearSpan {
  const startYear = scheme.originYear + planYear
  const crossesYear = scheme.startMonth > 1
  const endYear = crossesYear ? startYear + 1 : startYear
  const start = `${startYear}-${pad(scheme.startMonth)}-01`
  const lastMonth = crossesYear ? scheme.startMonth - 1 : 12
  const end = `${endYear}-${pad(lastMonth)}-${pad(daysIn(endYear, lastMonth))}`
  return { label: `${startYear}-${startYear + 1}`, startYear, endYear, start, end }
}

/** "2026-2027" (or "26-27") → An N; undefined when the label is not a fiscal year. */
export function planYearOfFiscalYear(label: string, scheme: YearScheme): number | undefined {
  const match = /^(\d{2}|\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(label.trim())
  if (!match?.[1] || !match[2]) return undefined
  const start = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1])
  const end = match[2].length === 2 ? Math.floor(start / 100) * 100 + Number(match[2]) : Number(match[2])
  if (end !== start + 1) return undefined
  const year = start - scheme.originYear
  return year >= 1 ? year : undefined
}

/** The plan year in which an ISO date falls; undefined before An 1. */
export function planYearOfDate(isoDate: string, scheme: YearScheme): number | undefined {
  const [year = NaN, month = NaN] = isoDate.split('-').map(Number)
  const fiscalStart = month >= scheme.startMonth ? year : year - 1
  const planYear = fiscalStart - scheme.originYear
  return Number.isInteger(planYear) && planYear >= 1 ? planYear : undefined
}

/** "An 6" / "Year 6"; in a profile that writes calendar or fiscal years, the year as it writes them ("2010", "2026-2027"). */
export function formatPlanYear(planYear: number, scheme: YearScheme, locale: Locale = 'fr'): string {
  if (scheme.notation === 'calendar-year') return String(scheme.originYear + planYear)
  if (scheme.notation === 'fiscal-year') return fiscalYearOf(planYear, scheme).label
  const template = locale === 'en' ? (scheme.label.en ?? scheme.label.fr) : scheme.label.fr
  return template.replace('{n}', String(planYear))
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * A year as a reviewer writes it, as the plan year it means: "An 6" or "6" (the chantier's count),
 * "2026-2027" (a fiscal year), or "2026" (a calendar year). A calendar year names the fiscal year that
 * starts in it when it opens a period (`bound: 'first'`), and the one that ends in it when it closes one
 * (`'last'`): the 2026-2028 plan runs from An 6 (2026-2027) to An 7 (2027-2028). Undefined when the text
 * is none of these, or falls before An 1.
 */
export function planYearOfText(text: string, scheme: YearScheme, bound: 'first' | 'last'): number | undefined {
  const written = text.trim()
  const counted = /^(?:an|year)?\s*(\d{1,2})$/i.exec(written)
  if (counted?.[1]) return Number(counted[1]) >= 1 ? Number(counted[1]) : undefined
  if (/^\d{4}$/.test(written)) {
    const year = Number(written)
    const crossesYear = scheme.startMonth > 1
    const fiscalStart = bound === 'last' && crossesYear ? year - 1 : year
    const planYear = fiscalStart - scheme.originYear
    return planYear >= 1 ? planYear : undefined
  }
  return planYearOfFiscalYear(written, scheme)
}

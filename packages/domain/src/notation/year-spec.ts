import Type, { type Static } from 'typebox'
import { planYearOfFiscalYear } from '../calendar.js'
import { Notation, type NotationOf } from '../common.js'
import type { YearScheme } from '../profile/profile.js'

/** Years named by a schedule cell; `any` when the chantier wrote an alternative ("1 ou 2"). */
export const YearSpecValue = Type.Object(
  {
    years: Type.Array(Type.Integer({ minimum: 1, maximum: 99 })),
    mode: Type.Union([Type.Literal('all'), Type.Literal('any')]),
  },
  { additionalProperties: false },
)
export type YearSpecValue = Static<typeof YearSpecValue>
export const YearSpec = Notation(YearSpecValue, 'Schedule years as written ("An 6-7 et 8", "1 ou 2", "2008-2012", "2026-2027"), read in the profile’s notation')
export type YearSpec = NotationOf<YearSpecValue>

const PREFIX = /^(?:an(?:n[ée]e)?s?|years?)\s*/i
const NUMBER_OR_RANGE = /^(\d{1,2})(?:\s*[-–à]\s*(\d{1,2}))?$/
const CALENDAR = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/
/** Between calendar or fiscal years the dash belongs to the year, so only words and punctuation separate them. */
const WORD_SEPARATOR = /\s*(?:,|;|\bet\b|\band\b|\bou\b|\bor\b)\s*|(?<=\d)\s+(?=\d)/i
const SEPARATOR = /\s*(?:,|;|\bet\b|\band\b|\bou\b|\bor\b|\s)\s*/i

/**
 * Reads a schedule cell in the profile's notation: plan years ("An 6", "An 6 et 7", "An 6-7 et 8", "1 ou 2",
 * "1 2"), calendar years ("2008-2012", "2009 et 2010") or fiscal years ("2026-2027", "2026-2027 et 2027-2028").
 * The value counts years from the scheme's origin whatever the notation, so that rules compare them alike.
 * Never throws.
 */
export function parseYearSpec(raw: string, scheme?: YearScheme): YearSpec {
  const text = raw.trim()
  if (text === '') return { raw }
  const notation = scheme?.notation ?? 'plan-year'
  const body = notation === 'plan-year' ? text.replace(PREFIX, '') : text
  const mode = /\b(?:ou|or)\b/i.test(body) ? 'any' : 'all'
  const years: number[] = []
  for (const token of body.split(notation === 'plan-year' ? SEPARATOR : WORD_SEPARATOR).filter(Boolean)) {
    const span = notation === 'plan-year' ? planYearSpan(token) : notation === 'calendar-year' ? calendarSpan(token, scheme!) : fiscalSpan(token, scheme!)
    if (!span) return { raw, unparsed: true }
    const [from, to] = span
    if (from < 1 || to < from || to - from > 20 || to > 99) return { raw, unparsed: true }
    for (let year = from; year <= to; year++) if (!years.includes(year)) years.push(year)
  }
  if (years.length === 0) return { raw, unparsed: true }
  return { raw, value: { years, mode } }
}

function planYearSpan(token: string): [number, number] | undefined {
  const match = NUMBER_OR_RANGE.exec(token.replace(PREFIX, ''))
  if (!match) return undefined
  const from = Number(match[1])
  return [from, match[2] === undefined ? from : Number(match[2])]
}

/** "2008" or "2008-2012", counted from the origin (2007 → 2008 is year 1). */
function calendarSpan(token: string, scheme: YearScheme): [number, number] | undefined {
  const match = CALENDAR.exec(token)
  if (!match) return undefined
  const from = Number(match[1])
  const to = match[2] === undefined ? from : Number(match[2])
  return [from - scheme.originYear, to - scheme.originYear]
}

/** "2026-2027" (or "26-27"): one fiscal year, as its number in the count. */
function fiscalSpan(token: string, scheme: YearScheme): [number, number] | undefined {
  const year = planYearOfFiscalYear(token, scheme)
  return year === undefined ? undefined : [year, year]
}

import Type, { type Static } from 'typebox'
import { Notation, type NotationOf } from '../common.js'

/** Years named by a schedule cell; `any` when the chantier wrote an alternative ("1 ou 2"). */
export const YearSpecValue = Type.Object(
  {
    years: Type.Array(Type.Integer({ minimum: 1, maximum: 99 })),
    mode: Type.Union([Type.Literal('all'), Type.Literal('any')]),
  },
  { additionalProperties: false },
)
export type YearSpecValue = Static<typeof YearSpecValue>
export const YearSpec = Notation(YearSpecValue, 'Plan years as written, e.g. "An 6-7 et 8" or "1 ou 2"')
export type YearSpec = NotationOf<YearSpecValue>

const PREFIX = /^(?:an(?:n[ée]e)?s?|years?)\s*/i
const NUMBER_OR_RANGE = /^(\d{1,2})(?:\s*[-–à]\s*(\d{1,2}))?$/
const SEPARATOR = /\s*(?:,|;|\bet\b|\band\b|\bou\b|\bor\b|\s)\s*/i

/** Reads "An 6", "An 6 et 7", "An 6-7 et 8", "1 ou 2", "1 2". Never throws. */
export function parseYearSpec(raw: string): YearSpec {
  const text = raw.trim()
  if (text === '') return { raw }
  const body = text.replace(PREFIX, '')
  const mode = /\b(?:ou|or)\b/i.test(body) ? 'any' : 'all'
  const years: number[] = []
  for (const token of body.split(SEPARATOR).filter(Boolean)) {
    const match = NUMBER_OR_RANGE.exec(token.replace(PREFIX, ''))
    if (!match) return { raw, unparsed: true }
    const from = Number(match[1])
    const to = match[2] === undefined ? from : Number(match[2])
    if (from < 1 || to < from || to - from > 20) return { raw, unparsed: true }
    for (let year = from; year <= to; year++) if (!years.includes(year)) years.push(year)
  }
  if (years.length === 0) return { raw, unparsed: true }
  return { raw, value: { years, mode } }
}

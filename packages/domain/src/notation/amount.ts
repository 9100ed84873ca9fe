import Type, { type Static } from 'typebox'
import { Cents, Notation, type NotationOf } from '../common.js'

export const AmountValue = Type.Object(
  {
    /** A word written before the figures, e.g. "Total". */
    label: Type.Optional(Type.String()),
    /** Fiscal year the amount is for, when written ("26-27" → 2026-2027). */
    fiscalYear: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{4}$' })),
    /** Each figure of a sum such as "10 500$ + 7 000$". */
    terms: Type.Array(Cents),
    total: Cents,
    /** True when a currency sign or code was written. */
    hasCurrency: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type AmountValue = Static<typeof AmountValue>
export const Amount = Notation(AmountValue, 'An amount as written, e.g. "Total 26-27 10 500$ + 7 000$"')
export type Amount = NotationOf<AmountValue>

const SPACE = '[\\s\\u00a0\\u202f]'
const FIGURE = `\\d{1,3}(?:${SPACE}\\d{3})+(?:[.,]\\d{1,2})?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?`
const CURRENCY = `(?:\\$|CAD|dollars?)`
const TERM = new RegExp(`^(?:(${CURRENCY})${SPACE}*)?(${FIGURE})${SPACE}*(${CURRENCY})?$`, 'i')
/** Between the label or fiscal year and the figures: spaces, or a colon as the toolkit writes it ("Total 2026-2027 : 5 000 $", "Total 2026-2027: $5,000"). */
const GAP = `(?:${SPACE}*:${SPACE}*|${SPACE}+)`
const LEADING = new RegExp(`^(?:([A-Za-zÀ-ÿ]+)${GAP})?(?:(\\d{2}|\\d{4})${SPACE}*[-–/]${SPACE}*(\\d{2}|\\d{4})${GAP})?`)

/**
 * Reads an amount in Québec notation ("Total 26-27 10 500$ + 7 000$"), or as the toolkit's documents show one
 * ("Total 2026-2027 : 10 500 $ + 7 000 $", "Total 2026-2027: $10,500 + $7,000"). Never throws; what it cannot read stays raw and unparsed. */
export function parseAmount(raw: string): Amount {
  const text = raw.trim()
  if (text === '') return { raw }
  const leading = LEADING.exec(text)
  const label = leading?.[1]
  const fiscalYear = leading?.[2] && leading[3] ? fiscalYearOf(leading[2], leading[3]) : undefined
  if (leading?.[2] && !fiscalYear) return { raw, unparsed: true }
  const rest = text.slice(leading?.[0].length ?? 0)
  const terms: number[] = []
  let hasCurrency = false
  for (const term of rest.split(/\s*\+\s*/)) {
    const match = TERM.exec(term)
    if (!match?.[2]) return { raw, unparsed: true }
    hasCurrency ||= Boolean(match[1] ?? match[3])
    terms.push(centsOf(match[2]))
  }
  const value: AmountValue = { terms, total: terms.reduce((sum, cents) => sum + cents, 0), hasCurrency }
  if (label) value.label = label
  if (fiscalYear) value.fiscalYear = fiscalYear
  return { raw, value }
}

/** "10 500", "5,000", "5 000,50" or "1,234.56" → cents: a separator followed by one or two final digits is decimal. */
export function centsOf(figure: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(figure)
  const units = (decimal ? figure.slice(0, decimal.index) : figure).replace(/\D/g, '')
  return Number(units || '0') * 100 + Number((decimal?.[1] ?? '').padEnd(2, '0'))
}

function fiscalYearOf(first: string, second: string): string | undefined {
  const start = first.length === 2 ? 2000 + Number(first) : Number(first)
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second)
  return end === start + 1 ? `${start}-${end}` : undefined
}

import type { Locale } from './locale.js'
import { centsOf } from './notation/amount.js'

const NBSP = '\u00a0'

export interface MoneyFormat {
  /** Show cents even for whole dollars ("5 000,00 $"). */
  alwaysShowCents?: boolean
}

/**
 * Formats cents as the OQLF (fr: "5 000 $", non-breaking spaces) or en-CA ("$5,000") writes them.
 * Written by hand rather than through Intl so that output does not change with the ICU version.
 */
export function formatMoney(cents: number, locale: Locale = 'fr', format: MoneyFormat = {}): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in cents: ${cents}`)
  const negative = cents < 0
  const absolute = Math.abs(cents)
  const dollars = Math.floor(absolute / 100)
  const remainder = absolute % 100
  const showCents = format.alwaysShowCents === true || remainder !== 0
  const grouped = group(String(dollars), locale === 'fr' ? NBSP : ',')
  const decimals = showCents ? (locale === 'fr' ? ',' : '.') + String(remainder).padStart(2, '0') : ''
  const sign = negative ? '-' : ''
  return locale === 'fr' ? `${sign}${grouped}${decimals}${NBSP}$` : `${sign}$${grouped}${decimals}`
}

/** A whole number with its thousands grouped as formatMoney groups them ("2 000 000", "2,000,000"), ICU-free. */
export function formatInteger(value: number, locale: Locale = 'fr'): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`)
  return (value < 0 ? '-' : '') + group(String(Math.abs(value)), locale === 'fr' ? NBSP : ',')
}

/** Parses the output of formatMoney (and plain figures) back to cents; undefined when unreadable. */
export function parseMoney(text: string): number | undefined {
  const match = /^(-)?\s*\$?\s*(\d[\d\s\u00a0\u202f.,]*?)\s*\$?$/.exec(text.trim())
  if (!match?.[2]) return undefined
  const cents = centsOf(match[2])
  return match[1] ? -cents : cents
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

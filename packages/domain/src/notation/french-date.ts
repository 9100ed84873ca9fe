import { IsoDate, Notation, type NotationOf } from '../common.js'

export const DateNotation = Notation(IsoDate, 'A date as written, e.g. "22 mai 2025" or "1er mars 2026"')
export type DateNotation = NotationOf<string>

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
}
const FRENCH = /^(?:le\s+)?(\d{1,2})(?:er|re)?\s+([a-zéèûô]+)\s+(\d{4})$/i
const ENGLISH = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** Reads "22 mai 2025", "1er mars 2026", "March 1, 2026" or "2026-03-01". Never throws. */
export function parseDate(raw: string): DateNotation {
  const text = raw.trim()
  if (text === '') return { raw }
  const iso = ISO.exec(text)
  if (iso) return dated(raw, Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const french = FRENCH.exec(text)
  if (french) return dated(raw, Number(french[3]), monthOf(french[2]), Number(french[1]))
  const english = ENGLISH.exec(text)
  if (english) return dated(raw, Number(english[3]), monthOf(english[1]), Number(english[2]))
  return { raw, unparsed: true }
}

/** Finds the first date written inside a sentence ("Rencontre du Chantier le 22 mai 2025"). */
export function findDate(sentence: string): DateNotation | undefined {
  const match = /(\d{1,2}(?:er|re)?\s+[a-zA-Zéèûô]+\s+\d{4})/.exec(sentence)
  if (!match?.[1]) return undefined
  const found = parseDate(match[1])
  return found.value ? found : undefined
}

function monthOf(name: string | undefined): number {
  const folded = (name ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  return MONTHS[folded] ?? 0
}

function dated(raw: string, year: number, month: number, day: number): DateNotation {
  const date = new Date(Date.UTC(year, month - 1, day))
  const valid = month >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  if (!valid) return { raw, unparsed: true }
  return { raw, value: date.toISOString().slice(0, 10) }
}

import type { Typography } from './context.js'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

/**
 * French typography of the Office québécois de la langue française: a no-break space before ":" and inside
 * « », straight double quotes turned into « », and the chosen spacing before ";", "!" and "?".
 * English text is returned unchanged. Idempotent: typesetting twice changes nothing.
 */
export function typeset(text: string, french: boolean, typography: Typography = { highPunctuation: 'none' }): string {
  if (!french || text === '') return text
  let out = text
  if (out.includes('"')) out = out.replace(/"([^"\n]+)"/g, '«$1»')
  if (out.includes(':')) out = out.replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/gu, `$1${NBSP}:`)
  if (out.includes('«') || out.includes('»')) out = out.replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`).replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
  if (/[;!?]/.test(out)) {
    const space = typography.highPunctuation === 'narrow' ? NNBSP : ''
    out = out.replace(/(\S)[ \u00a0\u202f]*([;!?])(?=\s|$)/gu, `$1${space}$2`)
  }
  return out
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "26 février 2026", "1er mars 2026" (fr-CA); "February 26, 2026" (en-CA). From an ISO date or a Date (UTC). */
export function formatDate(date: string | Date, french: boolean): string {
  const iso = typeof date === 'string' ? date : date.toISOString().slice(0, 10)
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  if (french) return `${day === 1 ? '1er' : day}${NBSP}${MONTHS_FR[month - 1]}${NBSP}${year}`
  return `${MONTHS_EN[month - 1]}${NBSP}${day}, ${year}`
}

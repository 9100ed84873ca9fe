import { AppError } from './errors.js'

/**
 * The list's position: the creation time and id of the last plan of a page, as opaque base64url. The time
 * is the database's own text (microseconds), not a JavaScript date (milliseconds): two plans created in the
 * same millisecond must still be told apart, or the next page would skip one.
 */
export interface Cursor {
  createdAt: string
  id: string
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url')
}

/** PostgreSQL's text of a timestamptz: date, time with up to microseconds, offset. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text)
  if (!match) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
}

/**
 * The cursor sent back by a client; `invalid-cursor` when it is not one this service made: exactly the
 * base64url of a PostgreSQL timestamp and a plan id, so that nothing else ever reaches the SQL.
 */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined
  const parts = /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, 'base64url').toString('utf8').split('|') : []
  const [createdAt, id] = parts
  if (parts.length !== 2 || !createdAt || !id || !isTimestamp(createdAt) || !ID.test(id)) throw new AppError('invalid-cursor', { fr: 'Curseur de pagination invalide.', en: 'Invalid pagination cursor.' })
  return { createdAt, id }
}

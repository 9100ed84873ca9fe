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

/** The cursor sent back by a client; `invalid-cursor` when it is not one this service made. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined
  const [createdAt, id] = Buffer.from(text, 'base64url').toString('utf8').split('|')
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt))) throw new AppError('invalid-cursor', { fr: 'Curseur de pagination invalide.', en: 'Invalid pagination cursor.' })
  return { createdAt, id }
}

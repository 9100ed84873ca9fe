import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.js'
import { AppError } from './errors.js'

describe('the list cursor', () => {
  it('gives back the database time it was made from, to the microsecond', () => {
    const cursor = { createdAt: '2026-11-28 02:47:35.123456+00', id: 'plan-a' }
    const text = encodeCursor(cursor)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(text)).toEqual(cursor)
    expect(decodeCursor(undefined)).toBeUndefined()
    expect(decodeCursor('')).toBeUndefined()
  })

  it('refuses a cursor it did not make with invalid-cursor', () => {
    for (const bad of ['bm90aGluZw', Buffer.from('not a date|x').toString('base64url'), Buffer.from('2026-01-01|').toString('base64url')]) {
      let caught: unknown
      try {
        decodeCursor(bad)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(AppError)
      expect((caught as AppError).code).toBe('invalid-cursor')
    }
  })
})

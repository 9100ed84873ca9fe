import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDate, parseDate } from './french-date.js'

describe('parseDate', () => {
  it.each([
    ['22 mai 2025', '2025-05-22'],
    ['1er mars 2026', '2026-03-01'],
    ['le 26 février 2026', '2026-02-26'],
    ['16 Decembre 2025', '2025-12-16'],
    ['March 1, 2026', '2026-03-01'],
    ['2026-02-26', '2026-02-26'],
  ])('reads %j', (raw, value) => {
    expect(parseDate(raw)).toEqual({ raw, value })
  })

  it.each(['31 février 2026', '2026-02-30', 'juin 2021', '22 brumaire 2025'])('keeps %j unparsed', (raw) => {
    expect(parseDate(raw)).toEqual({ raw, unparsed: true })
  })

  it('finds the date in a step title', () => {
    expect(findDate('Rencontre régulière du Chantier le 30 octobre 2025')?.value).toBe('2025-10-30')
    expect(findDate('Rencontre 1')).toBeUndefined()
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (raw) => {
      expect(parseDate(raw).raw).toBe(raw)
    }), { numRuns: 2000 })
  })
})

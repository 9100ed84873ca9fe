import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { headingKey, SAME_HEADING, similarity } from './fuzzy.js'

/** The textbook distance, to check the bounded one against. */
function slowDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
  return table[a.length]![b.length]!
}

describe('heading similarity', () => {
  it('is exact without a floor, and exact at or above a floor (below, at most 0 instead)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', ' '), maxLength: 40 })
    fc.assert(
      fc.property(word, word, fc.constantFrom(0.5, 0.6, SAME_HEADING, 0.9), (a, b, floor) => {
        const longer = Math.max(a.length, b.length)
        const exact = a === b || longer === 0 ? 1 : Math.abs(a.length - b.length) / longer > 0.4 ? 0 : 1 - slowDistance(a, b) / longer
        expect(similarity(a, b)).toBeCloseTo(exact, 12)
        const floored = similarity(a, b, floor)
        if (exact >= floor) expect(floored).toBeCloseTo(exact, 12)
        else expect(floored).toBeLessThan(floor)
      }),
      { numRuns: 2000 },
    )
  })

  it('matches the form’s headings through typos, accents and « (optionnel) »', () => {
    const label = headingKey('Mécanismes de suivi (optionnel)')
    expect(similarity(headingKey('2. MECANISMES DE SUIVIS'), label, SAME_HEADING)).toBeGreaterThanOrEqual(SAME_HEADING)
    expect(similarity(headingKey('Complémentarité'), label, SAME_HEADING)).toBeLessThan(SAME_HEADING)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparePointers } from './order.js'

/** The order as first written: split into segments, indexes as numbers, keys by rank. A reference, not fast. */
const KEY_ORDER = [
  'schemaVersion', 'id', 'profile', 'metadata', 'regionalPriority', 'participants', 'raw', 'entries', 'preparation', 'intro', 'steps',
  'followUp', 'complementarity', 'points', 'priorityResponses', 'narrative', 'axes', 'number', 'heading', 'title', 'description',
  'objectives', 'details', 'rows', 'actions', 'label', 'text', 'content', 'responsible', 'partners', 'results', 'indicators',
  'schedule', 'years', 'budget', 'financialPlan',
]
function reference(a: string, b: string): number {
  const key = (pointer: string) => pointer.split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
  const left = key(a)
  const right = key(b)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!
    const y = right[i]!
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    const rank = (segment: string | number) => (typeof segment === 'number' ? -1 : KEY_ORDER.includes(segment) ? KEY_ORDER.indexOf(segment) : KEY_ORDER.length)
    if (rank(x) !== rank(y)) return rank(x) - rank(y)
    return String(x) < String(y) ? -1 : 1
  }
  return left.length - right.length
}

const segment = fc.oneof(fc.constantFrom(...KEY_ORDER, '', '0', '01', '1', '2', '10', '9', 'x', 'x~1y'), fc.nat({ max: 120 }).map(String), fc.string({ maxLength: 4 }))
const pointer = fc.array(segment, { maxLength: 6 }).map((segments) => segments.map((s) => `/${s.replaceAll('/', '')}`).join(''))

describe('comparePointers', () => {
  it('orders pointers as the segment-by-segment reference does', () => {
    fc.assert(
      fc.property(pointer, pointer, (a, b) => {
        const sign = (order: number) => (order < 0 ? -1 : order > 0 ? 1 : 0)
        expect(sign(comparePointers(a, b))).toBe(sign(reference(a, b)))
        expect(sign(comparePointers(b, a))).toBe(-sign(comparePointers(a, b)) || 0)
      }),
      { numRuns: 5000 },
    )
  })

  it('puts a plan in reading order', () => {
    const pointers = [
      '/axes/10/objectives/0',
      '/axes/2/objectives/0/rows/0/budget',
      '/participants/entries/3',
      '',
      '/axes/2/objectives/0/rows/0/responsible',
      '/axes/2/objectives/0/rows/0',
      '/axes/2/objectives/0/title',
      '/financialPlan/lines/0',
    ]
    expect([...pointers].sort(comparePointers)).toEqual([
      '',
      '/participants/entries/3',
      '/axes/2/objectives/0/title',
      '/axes/2/objectives/0/rows/0',
      '/axes/2/objectives/0/rows/0/responsible',
      '/axes/2/objectives/0/rows/0/budget',
      '/axes/10/objectives/0',
      '/financialPlan/lines/0',
    ])
  })
})

import { keyRank } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparePointers } from './order.js'

/** The hand-written key order the schema's order replaced: one rank per key whatever its parent. */
const KEY_ORDER = [
  'schemaVersion', 'id', 'profile', 'metadata', 'regionalPriority', 'participants', 'raw', 'entries', 'preparation', 'intro', 'steps',
  'followUp', 'complementarity', 'points', 'priorityResponses', 'narrative', 'axes', 'number', 'heading', 'title', 'description',
  'objectives', 'details', 'rows', 'actions', 'label', 'text', 'content', 'responsible', 'partners', 'results', 'indicators',
  'schedule', 'years', 'budget', 'financialPlan',
]
function handRank(key: string): number {
  return KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length
}

/** The order written plainly: split into segments, indexes as numbers, keys by rank under their parent key. A reference, not fast. */
function reference(a: string, b: string): number {
  const key = (pointer: string) => pointer.split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
  const left = key(a)
  const right = key(b)
  let parent = ''
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!
    const y = right[i]!
    if (x === y) {
      if (typeof x === 'string') parent = x
      continue
    }
    if (typeof x === 'number' && typeof y === 'number') return x - y
    const rank = (segment: string | number) => (typeof segment === 'number' ? -1 : (keyRank(parent, segment) ?? Number.MAX_SAFE_INTEGER))
    if (rank(x) !== rank(y)) return rank(x) - rank(y)
    return String(x) < String(y) ? -1 : 1
  }
  return left.length - right.length
}

/** Every pair of keys that are siblings somewhere in a seed plan, with their parent key. */
function siblingKeys(): Map<string, { parent: string; x: string; y: string }> {
  const pairs = new Map<string, { parent: string; x: string; y: string }>()
  const visit = (value: unknown, parent: string): void => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, parent))
    else if (value && typeof value === 'object') {
      const keys = Object.keys(value)
      for (const x of keys) for (const y of keys) if (x < y) pairs.set(`${parent}/${x}/${y}`, { parent, x, y })
      for (const [key, child] of Object.entries(value)) visit(child, key)
    }
  }
  for (const plan of [examplePlans.crevale2026(), examplePlans.crevale2021(), examplePlans.crevaleServiceOffer()]) visit(plan, '')
  return pairs
}

const segment = fc.oneof(fc.constantFrom(...KEY_ORDER, '', '0', '01', '1', '2', '10', '9', 'x', 'x~1y'), fc.nat({ max: 120 }).map(String), fc.string({ maxLength: 4 }))
const pointer = fc.array(segment, { maxLength: 6 }).map((segments) => segments.map((s) => `/${s.replaceAll('/', '')}`).join(''))

describe('comparePointers', () => {
  it('orders the sibling keys of the seed plans as the hand-written list did, where that list ranked both', () => {
    const changed: string[] = []
    for (const { parent, x, y } of siblingKeys().values()) {
      // Keys the hand list did not know fell back to alphabetical order; the schema gives them the form's order.
      if (!KEY_ORDER.includes(x) || !KEY_ORDER.includes(y)) continue
      const base = parent === '' ? '' : `/${parent}/0`
      const now = Math.sign(comparePointers(`${base}/${x}`, `${base}/${y}`))
      const before = Math.sign(handRank(x) - handRank(y))
      if (now !== before) changed.push(`${parent}: ${x} ${before < 0 ? '<' : '>'} ${y} before, ${now < 0 ? '<' : '>'} now`)
    }
    // The one change: the hand list put a schedule block's steps before its years; the form writes the years first.
    expect(changed).toEqual(['schedule: steps < years before, > now'])
  })

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

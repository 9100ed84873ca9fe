import { createHash } from 'node:crypto'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunkedContentHash, contentHash, contentHashWith, nativeSha256, portableSha256, type Sha256 } from './canonical.js'

/** The definition the chunked hash must keep: SHA-256 of JSON.stringify's UTF-8 text. */
const reference = (value: unknown) => `sha256:${createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex')}`

describe('the SHA-256 implementations', () => {
  it('are both there on Node, and contentHash uses the native one', () => {
    expect(nativeSha256).toBeTypeOf('function')
    expect(contentHash({ a: 1 })).toBe(contentHashWith({ a: 1 }, nativeSha256!))
  })

  it.each<[string, () => Sha256]>([
    ['native', () => nativeSha256!()],
    ['portable', portableSha256],
  ])('the %s one gives the reference digests on any text, lone surrogates and pieces included', (_, createSha256) => {
    const digest = (pieces: string[]) => {
      const hash = createSha256()
      for (const piece of pieces) hash.update(piece)
      return hash.digest()
    }
    const node = (text: string) => createHash('sha256').update(text).digest('hex')
    expect(digest([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(digest(['a', '\ud800', 'é', '\udc00b'])).toBe(node('a\ud800é\udc00b'))
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' })), (pieces) => digest(pieces) === node(pieces.join(''))), { numRuns: 500 })
  })
})

describe.each<[string, (value: unknown) => string, (value: unknown) => string]>([
  ['contentHash (native SHA-256)', contentHash, (value) => chunkedContentHash(value)],
  ['contentHash (portable SHA-256)', (value) => contentHashWith(value, portableSha256), (value) => chunkedContentHash(value, portableSha256)],
])('%s', (_, contentHash, chunkedContentHash) => {
  it('is the SHA-256 of the JSON text of each seed plan (hashed whole) and of large generated plans (hashed in pieces)', () => {
    for (const plan of [examplePlans.crevale2026(), examplePlans.crevale2021(), generatedPlan(300), generatedPlan(1000)]) {
      expect(contentHash(plan)).toBe(reference(plan))
      expect(chunkedContentHash(plan)).toBe(reference(plan))
    }
  })

  it('follows JSON.stringify on members it leaves out or changes: undefined, functions, toJSON, Dates, holes', () => {
    const odd = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 2, Symbol('s'), new Date(0), { toJSON: (key: string) => `key:${key}` }],
      d: { toJSON: () => undefined },
      e: new Map([[1, 2]]),
      f: Object.assign(Object.create(null) as object, { x: [1, , 3] }),
      g: { deep: { deeper: { deepest: { bottom: { below: [{ toJSON: (key: string) => key }] } } } } },
      'é"\\': 'clé à échapper',
    }
    for (const hash of [contentHash, chunkedContentHash]) {
      expect(hash(odd)).toBe(reference(odd))
      for (const value of [undefined, null, 0, 'texte', [], {}, new Date(0)]) expect(hash(value)).toBe(reference(value))
    }
  })

  it('matches the reference on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 9 }), (value) => contentHash(value) === reference(value) && chunkedContentHash(value) === reference(value)), { numRuns: 2000 })
  })

  it('changes when any text of the plan changes', () => {
    const plan = generatedPlan(50)
    const before = contentHash(plan)
    plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text += ' '
    expect(contentHash(plan)).not.toBe(before)
  })
})

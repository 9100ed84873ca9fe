import { examplePlans } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import type { AppError } from './errors.js'
import { applyJsonPatch } from './json-patch.js'

describe('applyJsonPatch', () => {
  it('applies to a copy, and refuses a patch that does not apply with invalid-patch', () => {
    const plan = examplePlans.crevale2026()
    const title = plan.metadata.title
    const patched = applyJsonPatch(plan, [{ op: 'replace', path: '/metadata/title', value: 'Autre titre' }], 5_000_000)
    expect(patched.metadata.title).toBe('Autre titre')
    expect(plan.metadata.title).toBe(title)
    let caught: AppError | undefined
    try {
      applyJsonPatch(plan, [{ op: 'test', path: '/metadata/title', value: 'pas le titre' }], 5_000_000)
    } catch (error) {
      caught = error as AppError
    }
    expect(caught?.code).toBe('invalid-patch')
    // What failed, in words of ours, located: never the library's message.
    expect(caught?.extra.errors).toEqual([{ in: 'body', pointer: '/0', code: 'test-operation-failed', message: { fr: expect.any(String), en: expect.any(String) } }])
    expect(caught?.extra.detail).toBeUndefined()
  })

  it('measures what a copy brings before copying it: 16 self-copies stop at the bound, quickly', () => {
    const plan = examplePlans.crevale2026()
    const started = performance.now()
    let caught: AppError | undefined
    try {
      applyJsonPatch(plan, Array.from({ length: 16 }, () => ({ op: 'copy' as const, from: '/axes', path: '/axes/-' })), 1_000_000)
    } catch (error) {
      caught = error as AppError
    }
    expect(caught?.code).toBe('patch-too-large')
    expect(performance.now() - started).toBeLessThan(1_000)
    // Copies that stay within the bound apply.
    const twice = applyJsonPatch(plan, [{ op: 'copy', from: '/axes/0', path: '/axes/-' }], 1_000_000)
    expect(twice.axes).toHaveLength(plan.axes.length + 1)
  })
})

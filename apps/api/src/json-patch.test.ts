import { examplePlans } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import type { AppError } from './errors.js'
import { applyJsonPatch } from './json-patch.js'

describe('applyJsonPatch', () => {
  it('applies to a copy, and refuses a patch that does not apply with invalid-patch', () => {
    const plan = examplePlans.crevale2026()
    const title = plan.metadata.title
    const patched = applyJsonPatch(plan, [{ op: 'replace', path: '/metadata/title', value: 'Autre titre' }])
    expect(patched.metadata.title).toBe('Autre titre')
    expect(plan.metadata.title).toBe(title)
    let caught: AppError | undefined
    try {
      applyJsonPatch(plan, [{ op: 'test', path: '/metadata/title', value: 'pas le titre' }])
    } catch (error) {
      caught = error as AppError
    }
    expect(caught?.code).toBe('invalid-patch')
    expect(caught?.extra.detail).toEqual(expect.any(String))
  })
})

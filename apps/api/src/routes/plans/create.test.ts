import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`createPlan (${DATABASE})`, () => {
  it('422 for a document that is not a valid plan of its profile, located in the body', async () => {
    const body = draftOf('bad-budget')
    ;(body.document.axes[0]!.objectives[0]!.rows[0] as Record<string, unknown>).budget = { raw: 'Total 27-28 1 000$' }
    const response = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: body })
    expect(response.statusCode).toBe(422)
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/document/axes/0/objectives/0/rows/0/budget', code: 'stale-notation' })])
  })
})

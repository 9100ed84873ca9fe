import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan } from '@demarche/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`evaluateDocument (${DATABASE})`, () => {
  it('evaluates any JSON statelessly', async () => {
    const { app } = t
    const report = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: examplePlans.crevale2021() })
    expect(report.json()).toMatchObject({ score: 92.4, ruleSet: { id: 'lanaudiere-2021' } })
    const garbage = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { hello: 'world' } })
    expect(garbage.json()).toMatchObject({ valid: false, score: 0 })
    const draft = await app.inject({ method: 'POST', url: '/v1/evaluate?stage=draft', payload: examplePlans.crevale2021() })
    expect(draft.json().summary.errors).toBe(0)
  })
  it('sends a report already made for the same body and options again, byte for byte, and says so', async () => {
    const { app } = t
    const body = JSON.stringify({ ...examplePlans.crevale2026(), id: 'cache-probe' })
    const evaluate = (url: string, payload: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload })
    const first = await evaluate('/v1/evaluate', body)
    const again = await evaluate('/v1/evaluate', body)
    expect([first.headers['cache-status'], again.headers['cache-status']]).toEqual(['demarche-api; fwd=miss; stored', 'demarche-api; hit'])
    expect(again.body).toBe(first.body)
    expect(first.json()).toEqual(evaluatePlan(JSON.parse(body)))
    // Other options, or one changed character, are other evaluations.
    const draft = await evaluate('/v1/evaluate?stage=draft', body)
    expect(draft.headers['cache-status']).toContain('miss')
    expect(draft.json().stage).toBe('draft')
    const changed = await evaluate('/v1/evaluate', body.replace('cache-probe', 'cache-probf'))
    expect(changed.headers['cache-status']).toContain('miss')
    expect(changed.json().plan.id).toBe('cache-probf')
    // The body is still parsed as JSON is everywhere else: malformed text and prototype poisoning are refused.
    for (const bad of ['{"id":', '{"__proto__":{"polluted":true}}']) {
      const refused = await evaluate('/v1/evaluate', bad)
      expect(refused.statusCode).toBe(400)
      expect(refused.headers['content-type']).toContain('application/problem+json')
    }
  })
})

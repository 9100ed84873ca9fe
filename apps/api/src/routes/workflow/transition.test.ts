import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`workflow steps (${DATABASE})`, () => {
  it('refuses to deposit a plan whose submission evaluation has errors, with the report', async () => {
    const { app, keys } = t
    const body = draftOf('draft-with-errors')
    body.document.followUp = []
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: body })
    expect(created.statusCode).toBe(201)
    const planId = created.json().id as string
    const deposit = await app.inject({ method: 'POST', url: `/v1/plans/${planId}/deposit`, headers: bearer(keys.coordinator) })
    expect(deposit.statusCode).toBe(422)
    expect(deposit.json()).toMatchObject({ code: 'submission-has-errors', report: { summary: { errors: 1 } } })
    const audit = await app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(keys.admin) })
    expect(audit.json().some((entry: { action: string; target: string }) => entry.action === 'plan.create' && entry.target === `plans/${planId}`)).toBe(true)
  })
})

import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE, testApp, type TestApp } from './test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`the OpenAPI description (${DATABASE})`, () => {
  it('is a valid OpenAPI 3.1 document with named components and an operation id everywhere', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['PlanDocument', 'Plan', 'Problem', 'Evaluation']))
    expect(JSON.stringify(document)).not.toContain('def-0')
    expect(document.components.schemas.CreatePlan.examples[0].document.participants.entries).toHaveLength(35)
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>).flatMap((path) => Object.values(path))
    expect(operations.length).toBeGreaterThan(25)
    for (const operation of operations) expect(operation.operationId).toBeTruthy()
  })
})

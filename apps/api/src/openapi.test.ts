import { createConfig, lintDocument, makeDocumentFromString } from '@redocly/openapi-core'
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

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).body
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintDocument({ document: makeDocumentFromString(text, '/openapi.json'), config, externalRefResolver: undefined as never })
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`)).toEqual([])
  })

  it('says what the service does: optional bodies and defaulted parameters are not required, and a body left out is read as {}', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const operations = Object.entries(document.paths as Record<string, Record<string, { requestBody?: { required?: boolean }; parameters?: { in: string; name: string; required?: boolean; schema?: { default?: unknown } }[] }>>)
    for (const [path, item] of operations)
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of operation.parameters ?? []) if (parameter.schema?.default !== undefined) expect(parameter.required, `${method} ${path} ${parameter.name}`).toBe(false)
      }
    expect(document.paths['/v1/plans/{planId}/accept'].post.requestBody.required).toBe(false)
    expect(document.paths['/v1/plans'].post.requestBody.required).toBe(true)
    // The README's walk sends no body to a workflow step; the document now says it may not.
    const evaluated = await t.app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/evaluations', headers: { authorization: `Bearer ${t.keys.reviewer}` } })
    expect(evaluated.statusCode, evaluated.body).toBe(201)
    const chantier = await t.app.inject({ method: 'POST', url: '/v1/chantiers', headers: { authorization: `Bearer ${t.keys.admin}` } })
    expect(chantier.statusCode).toBe(400)
    expect(chantier.json().code).toBe('invalid-request')
  })
})

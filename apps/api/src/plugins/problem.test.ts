import { DomainError } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { RuleSetError } from '@demarche/rules'
import type { FastifyError } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../test-support.js'
import { AppError } from '../errors.js'
import { problemOf, STATUS } from './problem.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`errors are RFC 9457 problems (${DATABASE})`, () => {
  it('404, 405, 401 and 415 with a stable code', async () => {
    const { app } = t
    const unknown = await app.inject({ method: 'GET', url: '/v1/nothing-here' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(unknown.json()).toMatchObject({ status: 404, code: 'not-found', type: expect.stringContaining('not-found') })
    const method = await app.inject({ method: 'DELETE', url: '/v1/plans/crevale-2021' })
    expect(method.statusCode).toBe(405)
    expect(method.headers.allow).toContain('GET')
    expect((await app.inject({ method: 'GET', url: '/v1/plans', headers: bearer('dmk_not-a-key') })).json()).toMatchObject({ status: 401, code: 'unauthorized' })
    const media = await app.inject({ method: 'POST', url: '/v1/plans', headers: { ...bearer(t.keys.coordinator), 'content-type': 'text/plain' }, payload: 'plan' })
    expect(media.json()).toMatchObject({ status: 415, code: 'unsupported-media-type' })
  })

  it('names its type with a page of the service itself that says what the code means, in both languages', async () => {
    const { app } = t
    const problem = (await app.inject({ method: 'GET', url: '/v1/plans/no-such-plan', headers: bearer(t.keys.reviewer) })).json()
    // A relative reference, resolved against the address of the request that met the problem.
    const type = new URL(problem.type, 'http://service.test/v1/plans/no-such-plan')
    expect(type.href).toBe('http://service.test/problems/not-found')
    const page = await app.inject({ method: 'GET', url: type.pathname })
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ code: 'not-found', status: 404, title: { fr: expect.stringContaining('n’existe pas'), en: expect.stringContaining('does not exist') } })
    for (const code of Object.keys(STATUS)) {
      const each = await app.inject({ method: 'GET', url: `/problems/${code}` })
      expect(each.json(), code).toMatchObject({ type: `/problems/${code}`, code, status: STATUS[code as keyof typeof STATUS] })
      expect(each.json().title.fr, code).toMatch(/\S.*[.]$/)
    }
    expect((await app.inject({ method: 'GET', url: '/problems/nope' })).json()).toMatchObject({ status: 404, code: 'not-found' })
  })
  it('400 lists each problem of an invalid body with a JSON Pointer, in French and English', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: { ...bearer(t.keys.coordinator), 'accept-language': 'fr-CA' }, payload: { chantierId: 'reussite-educative' } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      code: 'invalid-request',
      title: 'La requête ne respecte pas le schéma attendu.',
      errors: [{ in: 'body', pointer: '/document', code: 'required', message: { fr: 'La propriété « document » est obligatoire.', en: 'Property "document" is required.' } }],
    })
  })
  it('413 past the body limit and 429 past the rate limit', async () => {
    const small = await testApp({ BODY_LIMIT_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '3' })
    try {
      const big = await small.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'x'.repeat(5000) }) })
      expect(big.json()).toMatchObject({ status: 413, code: 'payload-too-large' })
      const codes = []
      // /healthz is never limited: the limit is spent on a reference read.
      for (let i = 0; i < 4; i++) codes.push((await small.app.inject({ method: 'GET', url: '/v1/programmes' })).statusCode)
      expect(codes.slice(0, 2)).toEqual([200, 200])
      const limited = await small.app.inject({ method: 'GET', url: '/v1/plans' })
      expect(limited.statusCode).toBe(429)
      expect(limited.json()).toMatchObject({ code: 'too-many-requests' })
    } finally {
      await small.close()
    }
  }, 60_000)
  it('never answers 5xx to malformed bodies, paths or headers, and always with problem+json', async () => {
    const json = fc.jsonValue({ maxDepth: 3 })
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      path: fc.oneof(
        fc.constantFrom('/v1/plans', '/v1/plans/crevale-2026-2028', '/v1/plans/crevale-2026-2028/comments', '/v1/plans/crevale-2026-2028/return', '/v1/evaluate', '/v1/organisations', '/v1/chantiers'),
        fc.string({ maxLength: 30 }).map((tail) => `/v1/plans/${encodeURIComponent(tail)}`),
      ),
      body: json,
      key: fc.constantFrom(undefined, t.keys.admin, t.keys.coordinator, 'dmk_wrong'),
      ifMatch: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      contentType: fc.constantFrom('application/json', 'application/json-patch+json', 'text/plain'),
    })
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = { 'content-type': r.contentType }
        if (r.key) headers.authorization = `Bearer ${r.key}`
        if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch.replace(/[^\x20-\x7e]/g, '')
        const response = await t.app.inject({ method: r.method as 'GET', url: r.path, headers, ...(r.method !== 'GET' && { payload: JSON.stringify(r.body) }) })
        expect(response.statusCode, `${r.method} ${r.path}: ${response.body.slice(0, 200)}`).toBeLessThan(500)
        if (response.statusCode >= 400) expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('answers an unknown rule set with 422 invalid-rule-set, on the stateless and the stored evaluation', async () => {
    for (const [url, key, payload] of [
      ['/v1/evaluate?ruleSet=no-such-set', undefined, examplePlans.crevale2021()],
      ['/v1/evaluate?ruleSet=lanaudiere-2026@9', undefined, examplePlans.crevale2021()],
      ['/v1/plans/crevale-2021/evaluations', t.keys.reviewer, { ruleSet: 'no-such-set' }],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url, headers: key ? bearer(key) : {}, payload })
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(422)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(response.json()).toMatchObject({ code: 'invalid-rule-set', errors: [expect.objectContaining({ in: 'querystring', pointer: '/ruleSet' })] })
    }
  })
})

describe('the code → status table', () => {
  it('gives each coded error its status, whoever threw it', () => {
    const error = (value: unknown) => value as FastifyError
    expect(problemOf(error(new AppError('chantier-exists', { fr: 'x', en: 'x' })))).toMatchObject({ code: 'chantier-exists' })
    expect(STATUS['chantier-exists']).toBe(409)
    const domain = problemOf(error(new DomainError('unknown-profile', [{ code: 'unknown-profile', pointer: '/profile/id', message: { fr: 'Profil inconnu.', en: 'Unknown profile.' } }])))
    expect(domain).toMatchObject({ code: 'invalid-document', extra: { errors: [{ in: 'body', pointer: '/profile/id', code: 'unknown-profile' }] } })
    expect(STATUS['invalid-document']).toBe(422)
    const rules = problemOf(error(new RuleSetError([{ ruleSet: 'x', message: { fr: 'Jeu de règles inconnu.', en: 'Unknown rule set.' } }])))
    expect(rules).toMatchObject({ code: 'invalid-rule-set', extra: { errors: [{ message: { en: 'Unknown rule set.' } }] } })
    expect(STATUS['invalid-rule-set']).toBe(422)
    expect(problemOf(error(Object.assign(new Error('parse'), { statusCode: 400 })))).toMatchObject({ code: 'bad-request' })
    expect(problemOf(error(Object.assign(new Error('gone'), { statusCode: 410 })))).toMatchObject({ code: 'client-error', status: 410 })
    expect(problemOf(error(new TypeError('boom')))).toMatchObject({ code: 'internal-error' })
  })

  it('lists every code docs/api.md names, each with the status it says', async () => {
    const { readFile } = await import('node:fs/promises')
    const docs = await readFile(new URL('../../../../docs/api.md', import.meta.url), 'utf8')
    const section = docs.slice(docs.indexOf('## Errors'), docs.indexOf('\n## ', docs.indexOf('## Errors') + 3))
    const documented = new Map<string, number>()
    for (const [, codes, status] of section.matchAll(/((?:`[a-z-]+`(?:,\s*)?)+)\s*\((\d{3})/g)) for (const [, code] of codes!.matchAll(/`([a-z-]+)`/g)) documented.set(code!, Number(status))
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(Object.entries(STATUS)))
  })
})

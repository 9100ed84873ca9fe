// Issue 10, item 4: no input answers 5xx. Each case below answered 500 (or a non-problem body) before the
// edge checks of `limits.ts` and the problem plugin's framework handlers; each is now a 4xx problem+json
// with a specific code and a title that says what is wrong.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from './cursor.js'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from './test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

type Inject = InjectOptions & { method: string; url: string }

async function expectProblem(request: Inject, status: number, code: string) {
  const response = await t.app.inject(request)
  const what = `${request.method} ${request.url}: ${response.statusCode} ${response.body.slice(0, 300)}`
  expect(response.statusCode, what).toBe(status)
  expect(response.headers['content-type'], what).toBe('application/problem+json; charset=utf-8')
  const body = response.json()
  expect(body, what).toMatchObject({ status, code })
  expect(body.title, what).toEqual(expect.any(String))
  expect(body.title_fr, what).toEqual(expect.any(String))
  // No JavaScript error text leaks into what the client reads.
  expect(response.body, what).not.toMatch(/Cannot (set|read) properties|undefined \(|TypeError|RangeError|at [A-Za-z.]+ \(/)
  return body
}

const json = (key?: string) => ({ 'content-type': 'application/json', ...(key && bearer(key)) })

describe(`NUL characters and lone surrogates are refused at the edge (${DATABASE})`, () => {
  it('in a path id', async () => {
    await expectProblem({ method: 'GET', url: '/v1/plans/crevale%00-2021' }, 400, 'invalid-characters')
    await expectProblem({ method: 'GET', url: '/v1/plans/crevale%00-2021/versions', headers: bearer(t.keys.admin) }, 400, 'invalid-characters')
  })
  it('in a query string', async () => {
    await expectProblem({ method: 'GET', url: '/v1/organisations?q=ab%00c' }, 400, 'invalid-characters')
    await expectProblem({ method: 'GET', url: '/v1/plans?chantierId=a%00b', headers: bearer(t.keys.admin) }, 400, 'invalid-characters')
  })
  it('in names, comments, reasons and plan texts', async () => {
    const body = await expectProblem({ method: 'POST', url: '/v1/organisations', headers: json(t.keys.coordinator), payload: JSON.stringify({ name: 'Org\u0000anisme' }) }, 400, 'invalid-characters')
    expect(body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/name', code: 'nul-character' })])
    await expectProblem({ method: 'POST', url: '/v1/chantiers', headers: json(t.keys.admin), payload: JSON.stringify({ name: 'C\u0000', programmeId: 'x' }) }, 400, 'invalid-characters')
    await expectProblem({ method: 'POST', url: '/v1/plans/crevale-2026-2028/comments', headers: json(t.keys.reviewer), payload: JSON.stringify({ pointer: '/metadata', body: 'avis\u0000' }) }, 400, 'invalid-characters')
    await expectProblem({ method: 'POST', url: '/v1/plans/crevale-2026-2028/return', headers: json(t.keys.reviewer), payload: JSON.stringify({ reason: 'raison\u0000' }) }, 400, 'invalid-characters')
    const draft = draftOf('nul-in-title')
    draft.document.metadata.title = 'Plan\u0000'
    const plan = await expectProblem({ method: 'POST', url: '/v1/plans', headers: json(t.keys.coordinator), payload: JSON.stringify(draft) }, 400, 'invalid-characters')
    expect(plan.errors[0]).toMatchObject({ in: 'body', pointer: '/document/metadata/title', code: 'nul-character' })
    // In a key as well as in a value.
    await expectProblem({ method: 'POST', url: '/v1/evaluate', headers: json(), payload: '{"a\\u0000":1}' }, 400, 'invalid-characters')
  })
  it('a lone surrogate in a stored text, a name or an evaluated document', async () => {
    const draft = draftOf('surrogate-in-title')
    const payload = JSON.stringify(draft).replace(/"title":"[^"]*"/, '"title":"Plan \\ud800"')
    const plan = await expectProblem({ method: 'POST', url: '/v1/plans', headers: json(t.keys.coordinator), payload }, 400, 'invalid-characters')
    expect(plan.errors[0]).toMatchObject({ pointer: '/document/metadata/title', code: 'lone-surrogate' })
    await expectProblem({ method: 'POST', url: '/v1/organisations', headers: json(t.keys.coordinator), payload: '{"name":"x\\udc00y"}' }, 400, 'invalid-characters')
    await expectProblem({ method: 'POST', url: '/v1/evaluate', headers: json(), payload: '{"id":"\\ud800"}' }, 400, 'invalid-characters')
    // A well-formed pair is text like any other.
    const pair = await t.app.inject({ method: 'POST', url: '/v1/organisations', headers: json(t.keys.reviewer), payload: '{"name":"Emoji \\ud83d\\ude00 inc."}' })
    expect(pair.statusCode, pair.body).toBe(201)
  })
  it('stores nothing when a NUL is refused', async () => {
    const orgs = await t.app.inject({ method: 'GET', url: '/v1/organisations?q=anisme' })
    expect(orgs.json()).toEqual([])
  })
})

describe(`numbers out of range and malformed cursors (${DATABASE})`, () => {
  it('?limit=Infinity, ?lastYear=1e309 and other non-finite numbers', async () => {
    for (const query of ['limit=Infinity', 'limit=-Infinity', 'limit=1e309', 'lastYear=1e309', 'firstYear=-1e309', 'limit=NaN'])
      await expectProblem({ method: 'GET', url: `/v1/plans?${query}`, headers: bearer(t.keys.admin) }, 400, 'invalid-request')
    await expectProblem({ method: 'GET', url: '/v1/organisations?limit=Infinity' }, 400, 'invalid-request')
    // JSON.parse reads 1e309 as Infinity: in a body it is refused the same.
    const body = await expectProblem({ method: 'POST', url: '/v1/evaluate', headers: json(), payload: '{"metadata":{"period":{"firstYear":1e309}}}' }, 400, 'invalid-request')
    expect(body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/metadata/period/firstYear', code: 'not-finite' })])
  })
  it('a version out of the int4 range', async () => {
    for (const version of ['2147483648', '99999999999999999999', '1e309'])
      await expectProblem({ method: 'GET', url: `/v1/plans/crevale-2021/versions/${version}`, headers: bearer(t.keys.admin) }, 400, 'invalid-request')
    const last = await t.app.inject({ method: 'GET', url: '/v1/plans/crevale-2021/versions/2147483647', headers: bearer(t.keys.admin) })
    expect(last.json()).toMatchObject({ status: 404, code: 'not-found' })
  })
  it('a malformed cursor', async () => {
    const cursors = [
      '!!!',
      encodeCursor({ createdAt: '1', id: 'x' }),
      encodeCursor({ createdAt: 'Infinity', id: 'x' }),
      encodeCursor({ createdAt: '2026-01-01 00:00:00+00', id: 'a\u0000b' }),
      encodeCursor({ createdAt: '2026-02-30 25:61:00+00', id: 'x' }),
      encodeCursor({ createdAt: '10000-01-01 00:00:00+00', id: 'x' }),
      Buffer.from('2026-01-01 00:00:00+00|x|y').toString('base64url'),
      Buffer.from([0xff, 0xfe, 0x7c, 0x78]).toString('base64url'),
    ]
    for (const cursor of cursors) await expectProblem({ method: 'GET', url: `/v1/plans?cursor=${encodeURIComponent(cursor)}`, headers: bearer(t.keys.admin) }, 400, 'invalid-cursor')
    // The cursor the service makes still reads.
    const first = await t.app.inject({ method: 'GET', url: '/v1/plans?limit=1', headers: bearer(t.keys.admin) })
    const next = await t.app.inject({ method: 'GET', url: `/v1/plans?limit=1&cursor=${first.json().nextCursor}`, headers: bearer(t.keys.admin) })
    expect(next.statusCode, next.body).toBe(200)
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id)
  })
  it('an unknown rule set is 422 invalid-rule-set', async () => {
    await expectProblem({ method: 'POST', url: '/v1/evaluate?ruleSet=nope', headers: json(), payload: '{}' }, 422, 'invalid-rule-set')
    await expectProblem({ method: 'POST', url: '/v1/plans/crevale-2021/evaluations', headers: json(t.keys.reviewer), payload: '{"ruleSet":"nope@2"}' }, 422, 'invalid-rule-set')
  })
})

describe(`patches of the root (${DATABASE})`, () => {
  it('remove or replace the whole document: 422 invalid-patch saying so, no JavaScript error text', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('root-patch') })
    const planId = created.json().id as string
    expect(created.statusCode, created.body).toBe(201)
    const headers = { ...bearer(t.keys.coordinator), 'content-type': 'application/json-patch+json', 'if-match': created.headers.etag as string }
    for (const operations of [[{ op: 'remove', path: '' }], [{ op: 'replace', path: '', value: 5 }], [{ op: 'replace', path: '', value: null }], [{ op: 'move', from: '', path: '/axes/0' }], [{ op: 'add', path: '/nowhere/deep/0', value: 1 }]]) {
      const body = await expectProblem({ method: 'PATCH', url: `/v1/plans/${planId}`, headers, payload: JSON.stringify(operations) }, 422, 'invalid-patch')
      expect(body.errors, JSON.stringify(operations)).toEqual([expect.objectContaining({ in: 'body', pointer: '/0', code: expect.any(String), message: { fr: expect.any(String), en: expect.any(String) } })])
    }
    // Replacing the root by a whole plan is a PUT: allowed and validated like one.
    const whole = created.json().document
    whole.metadata.title = 'Remplacé par la racine'
    const replaced = await t.app.inject({ method: 'PATCH', url: `/v1/plans/${planId}`, headers, payload: JSON.stringify([{ op: 'replace', path: '', value: whole }]) })
    expect(replaced.statusCode, replaced.body).toBe(200)
    expect(replaced.json().document.metadata.title).toBe('Remplacé par la racine')
  })
})

describe(`Fastify's own client errors are problems (${DATABASE})`, () => {
  it('a URL with bad percent-encoding', async () => {
    await expectProblem({ method: 'GET', url: '/v1/plans/%E0%A4%A' }, 400, 'bad-url')
  })
  it('a path parameter longer than the router takes', async () => {
    await expectProblem({ method: 'GET', url: `/v1/plans/${'p'.repeat(101)}` }, 414, 'uri-too-long')
  })
  it('a malformed JSON body, without the parser’s message', async () => {
    const body = await expectProblem({ method: 'POST', url: '/v1/plans', headers: json(t.keys.coordinator), payload: '{"chantierId":' }, 400, 'bad-request')
    expect(body.detail).toBeUndefined()
  })
  it('431 when the headers are too large, on a real socket', async () => {
    // The app's own server, closed with the app after the suite.
    const app = t.app
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address() as AddressInfo
    {
      const response = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port: address.port, path: '/healthz', headers: { 'x-padding': 'x'.repeat(20_000) } }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }))
        })
        request.on('error', reject)
        request.end()
      })
      expect(response.status).toBe(431)
      expect(response.type).toBe('application/problem+json; charset=utf-8')
      expect(JSON.parse(response.body)).toMatchObject({ status: 431, code: 'headers-too-large', title: expect.any(String), title_fr: expect.any(String) })
    }
  })
})

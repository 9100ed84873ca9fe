// Issue 10, item 1: no request is expensive before it is authorised, and none is unbounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from './limits.js'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from './test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

/** 16 copies of `/axes` into itself: each doubles the document (832 bytes of body, 2^16 times the axes). */
const BOMB = JSON.stringify(Array.from({ length: 16 }, () => ({ op: 'copy', from: '/axes', path: '/axes/-' })))

const patchHeaders = (key: string | undefined, etag?: string) => ({ 'content-type': 'application/json-patch+json', ...(key && bearer(key)), ...(etag && { 'if-match': etag }) })

function nested(depth: number, leaf = '0'): string {
  return `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
}

describe(`the PATCH bomb (${DATABASE})`, () => {
  it('anonymous: 403 at once, nothing applied', async () => {
    const plan = await t.app.inject({ method: 'GET', url: '/v1/plans/crevale-2021' })
    expect(plan.statusCode).toBe(200)
    const started = performance.now()
    const response = await t.app.inject({ method: 'PATCH', url: '/v1/plans/crevale-2021', headers: patchHeaders(undefined, plan.headers.etag as string), payload: BOMB })
    const elapsed = performance.now() - started
    expect(response.json()).toMatchObject({ status: 403, code: 'forbidden' })
    expect(elapsed).toBeLessThan(2_000)
  })
  it('the owner: 413 patch-too-large, under 2 s, the plan unchanged', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('bomb-target') })
    const planId = created.json().id as string
    expect(created.statusCode, created.body).toBe(201)
    const started = performance.now()
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/plans/${planId}`, headers: patchHeaders(t.keys.coordinator, created.headers.etag as string), payload: BOMB })
    const elapsed = performance.now() - started
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toMatchObject({ code: 'patch-too-large', errors: [expect.objectContaining({ in: 'body', pointer: expect.stringMatching(/^\/\d+$/) })] })
    expect(elapsed).toBeLessThan(2_000)
    const after = await t.app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: bearer(t.keys.coordinator) })
    expect(after.json().version).toBe(1)
  })
  it('a coordinator of another chantier and a reviewer: refused before anything is applied', async () => {
    for (const key of [t.keys.otherCoordinator, t.keys.reviewer]) {
      const started = performance.now()
      const response = await t.app.inject({ method: 'PATCH', url: '/v1/plans/crevale-2021', headers: patchHeaders(key, '"v1-accepted-x"'), payload: BOMB })
      expect(response.json()).toMatchObject({ status: 403, code: 'forbidden' })
      expect(performance.now() - started).toBeLessThan(2_000)
    }
  })
  it('a stale or missing If-Match is answered before the patch is applied', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('bomb-etag') })
    const planId = created.json().id as string
    const stale = await t.app.inject({ method: 'PATCH', url: `/v1/plans/${planId}`, headers: patchHeaders(t.keys.coordinator, '"v0-draft-0"'), payload: BOMB })
    expect(stale.json()).toMatchObject({ status: 412 })
    const missing = await t.app.inject({ method: 'PATCH', url: `/v1/plans/${planId}`, headers: patchHeaders(t.keys.coordinator), payload: BOMB })
    expect(missing.json()).toMatchObject({ status: 428 })
    expect(created.statusCode).toBe(201)
  })
  it('a patch that only adds depth stops at the depth limit', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('deep-patch') })
    const planId = created.json().id as string
    const value = JSON.parse(nested(LIMITS.depth - 1, '{}'))
    const response = await t.app.inject({ method: 'PATCH', url: `/v1/plans/${planId}`, headers: patchHeaders(t.keys.coordinator, created.headers.etag as string), payload: JSON.stringify([{ op: 'add', path: '/metadata/x', value }]) })
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413)
    expect(response.json()).toMatchObject({ code: 'too-deep' })
  })
  it('more operations than allowed: 400 before anything is applied', async () => {
    const operations = JSON.stringify(Array.from({ length: LIMITS.patchOperations + 1 }, () => ({ op: 'test', path: '/id', value: 'x' })))
    const response = await t.app.inject({ method: 'PATCH', url: '/v1/plans/crevale-2021', headers: patchHeaders(t.keys.admin, '"x"'), payload: operations })
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid-request' })
  })
  it('an ordinary patch still applies', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('ordinary-patch') })
    const planId = created.json().id as string
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/v1/plans/${planId}`,
      headers: patchHeaders(t.keys.coordinator, created.headers.etag as string),
      payload: JSON.stringify([{ op: 'replace', path: '/metadata/title', value: 'Nouveau titre' }, { op: 'copy', from: '/metadata/title', path: '/metadata/subtitle' }, { op: 'remove', path: '/metadata/subtitle' }]),
    })
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
    expect(response.json().document.metadata.title).toBe('Nouveau titre')
  })
})

describe(`bounds of any document the service accepts (${DATABASE})`, () => {
  it('POST /v1/evaluate with JSON nested 4,100 deep: 413 too-deep, not 500', async () => {
    for (const payload of [nested(4_100), `{"a":${nested(4_100)}}`, `{"metadata":{"title":"[[[[\\""},"x":${nested(LIMITS.depth + 1)}}`]) {
      const response = await t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload })
      expect(response.statusCode, response.body.slice(0, 300)).toBe(413)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(response.json()).toMatchObject({ code: 'too-deep' })
    }
    // Brackets inside strings are text, not depth.
    const text = await t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ id: '['.repeat(5_000) }) })
    expect(text.statusCode, text.body.slice(0, 300)).toBe(200)
    // At the limit: accepted.
    const edge = await t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: nested(LIMITS.depth - 1) })
    expect(edge.statusCode, edge.body.slice(0, 300)).toBe(200)
  })
  it('deep JSON on the other routes: 413 too-deep', async () => {
    await expectTooLarge('/v1/organisations', t.keys.coordinator, `{"name":"x","acronym":${nested(4_100)}}`, 'too-deep')
    await expectTooLarge('/v1/plans', t.keys.coordinator, `{"chantierId":"reussite-educative","document":${nested(4_100, '{}')}}`, 'too-deep')
    await expectTooLarge('/v1/plans/crevale-2026-2028/return', t.keys.reviewer, `{"reason":${nested(100)}}`, 'too-deep')
  })
  it('too many nodes and too long strings: 413', async () => {
    const small = await testApp({ BODY_LIMIT_BYTES: String(40 * 1024 * 1024) }, { ready: true })
    try {
      const many = `[${Array.from({ length: LIMITS.nodes }, () => '0').join(',')}]`
      const nodes = await small.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: many })
      expect(nodes.statusCode, nodes.body.slice(0, 300)).toBe(413)
      expect(nodes.json()).toMatchObject({ code: 'too-many-nodes' })
      const long = JSON.stringify({ id: 'x'.repeat(LIMITS.stringLength + 1) })
      const string = await small.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: long })
      expect(string.json()).toMatchObject({ status: 413, code: 'string-too-long', errors: [expect.objectContaining({ pointer: '/id' })] })
      const key = await small.app.inject({ method: 'POST', url: '/v1/organisations', headers: { 'content-type': 'application/json', ...bearer(small.keys.admin) }, payload: JSON.stringify({ ['k'.repeat(LIMITS.stringLength + 1)]: 1 }) })
      expect(key.json()).toMatchObject({ status: 413, code: 'string-too-long' })
    } finally {
      await small.close()
    }
  }, 60_000)
  it('the seed plans are well within the bounds', async () => {
    const seed = await t.app.inject({ method: 'GET', url: '/v1/plans/crevale-2021' })
    const response = await t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(seed.json().document) })
    expect(response.statusCode).toBe(200)
  })
})

async function expectTooLarge(url: string, key: string, payload: string, code: string) {
  const response = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...bearer(key) }, payload })
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(413)
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(response.json()).toMatchObject({ code })
}

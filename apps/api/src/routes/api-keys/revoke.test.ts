import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'

describe(`API keys: revoke, failed authentication, request ids (${DATABASE})`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp({ AUTH_FAILURES_PER_MINUTE: '5' })
  }, 60_000)
  afterAll(async () => t?.close())

  it('revokes a key: it fails on the very next request; audited; only an admin may', async () => {
    const made = await t.app.inject({ method: 'POST', url: '/v1/api-keys', headers: bearer(t.keys.admin), payload: { role: 'reviewer', label: 'to revoke' } })
    expect(made.statusCode).toBe(201)
    const { id, key } = made.json()
    expect((await t.app.inject({ url: '/v1/api-keys', headers: bearer(key) })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/api-keys/${id}`, headers: bearer(t.keys.reviewer) })).statusCode).toBe(403)
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/api-keys/${id}`, headers: bearer(t.keys.admin) })
    expect(revoked.statusCode).toBe(204)
    const after = await t.app.inject({ url: '/v1/plans', headers: bearer(key) })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('unauthorized')
    const list = (await t.app.inject({ url: '/v1/api-keys', headers: bearer(t.keys.admin) })).json()
    expect(list.find((k: { id: string }) => k.id === id).revokedAt).toMatch(/^\d{4}-/)
    expect(JSON.stringify(list)).not.toMatch(/dmk_/)
    const audit = (await t.app.inject({ url: '/v1/audit?limit=5', headers: bearer(t.keys.admin) })).json()
    expect(audit.some((entry: { action: string; target: string }) => entry.action === 'key.revoke' && entry.target === `api-keys/${id}`)).toBe(true)
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/api-keys/${id}`, headers: bearer(t.keys.admin) })).statusCode).toBe(204)
    const unknown = await t.app.inject({ method: 'DELETE', url: '/v1/api-keys/key-unknown', headers: bearer(t.keys.admin) })
    expect(unknown.statusCode).toBe(404)
  })

  it('accepts a plain X-Request-Id and replaces any other', async () => {
    const plain = await t.app.inject({ url: '/v1/plans/nope', headers: { 'x-request-id': 'abc-123.x:y' } })
    expect(plain.json().requestId).toBe('abc-123.x:y')
    for (const bad of ['a'.repeat(65), 'a b', '<script>', 'é'])
      expect((await t.app.inject({ url: '/v1/plans/nope', headers: { 'x-request-id': bad } })).json().requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('limits failed authentications per address (429 problem, Retry-After), never /healthz', async () => {
    const from = (ip: string, key: string) => ({ remoteAddress: ip, headers: bearer(key) })
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/v1/plans', ...from('10.0.0.1', `dmk_wrong${i}`) })).statusCode).toBe(401)
    const limited = await t.app.inject({ url: '/v1/plans', ...from('10.0.0.1', 'dmk_wrong') })
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(limited.json().code).toBe('too-many-failed-authentications')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // A good key from that address waits too (a guess that hits is not let through); another address is not affected.
    expect((await t.app.inject({ url: '/v1/plans', ...from('10.0.0.1', t.keys.admin) })).statusCode).toBe(429)
    expect((await t.app.inject({ url: '/v1/plans', ...from('10.0.0.2', t.keys.admin) })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/healthz', ...from('10.0.0.1', 'dmk_wrong') })).statusCode).toBe(200)
  })
})

describe(`the general rate limit (${DATABASE})`, () => {
  it('never limits /healthz', async () => {
    const t = await testApp({ RATE_LIMIT_PER_MINUTE: '2' })
    try {
      for (let i = 0; i < 3; i++) await t.app.inject({ url: '/v1/programmes' })
      expect((await t.app.inject({ url: '/v1/programmes' })).statusCode).toBe(429)
      for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200)
    } finally {
      await t.close()
    }
  })
})

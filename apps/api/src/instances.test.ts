import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app.js'
import { readConfig } from './config.js'
import { openDatabase, type DatabaseHandle } from './db/client.js'
import { CatalogService } from './services/catalog.js'
import { DEMO, loadDemoData } from './services/demo.js'
import { bearer, draftOf, freshPostgres, regionExample } from './test-support.js'

const url = process.env.DATABASE_URL

/**
 * Two instances of the service on one PostgreSQL database (a database of its own on the test server).
 * PGlite has one process by construction (the data-directory lock), so this runs on PostgreSQL only.
 */
describe.skipIf(!url)('several instances on one PostgreSQL database (skipped on PGlite: one process by construction)', () => {
  let server: Awaited<ReturnType<typeof freshPostgres>>
  const databases: DatabaseHandle[] = []
  const apps: FastifyInstance[] = []
  const keys = { admin: '', reviewer: '', coordinator: '' }
  beforeAll(async () => {
    server = await freshPostgres(url!)
    for (let i = 0; i < 2; i++) databases.push(await openDatabase({ url: server.url }))
    await loadDemoData(databases[0]!.db)
    const catalog = new CatalogService(databases[0]!.db)
    keys.admin = (await catalog.createKey('bootstrap', { role: 'admin', label: 'a' })).key
    keys.reviewer = (await catalog.createKey('bootstrap', { role: 'reviewer', label: 'r' })).key
    keys.coordinator = (await catalog.createKey('bootstrap', { role: 'coordinator', chantierIds: [DEMO.chantier], label: 'c' })).key
    for (const database of databases) apps.push(await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', AUTH_FAILURES_PER_MINUTE: '6' }), database }))
    for (const app of apps) await app.ready()
  }, 90_000)
  afterAll(async () => {
    for (const app of apps) await app.close()
    for (const database of databases) await database.close()
    await server?.drop()
  })
  const on = (i: number) => apps[i % 2]!

  it('20 stale writers spread over both: exactly one wins', async () => {
    const created = await on(0).inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('two-instances') })
    expect(created.statusCode, created.body).toBe(201)
    const etag = created.headers.etag as string
    const url = `/v1/plans/${created.json().id}`
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const document = created.json().document
        document.metadata.title = `Titre ${i}`
        return on(i).inject({ method: 'PUT', url, headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document } })
      }),
    )
    const codes = responses.map((response) => response.statusCode)
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    expect(codes.filter((code) => code === 412)).toHaveLength(19)
    const versions = await on(1).inject({ url: `${url}/versions`, headers: bearer(keys.coordinator) })
    expect(versions.json().map((entry: { version: number }) => entry.version)).toEqual([1, 2])
  })

  it('a workflow step raced on both: one consistent end state', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => on(i).inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/return', headers: bearer(keys.reviewer), payload: { reason: `Raison ${i}` } })))
    const codes = responses.map((response) => response.statusCode)
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    // The losers are refused (409: not deposited any more; or 412: the state they read is gone), none half-done.
    expect(codes.filter((code) => code === 409 || code === 412), JSON.stringify(responses.map((r) => r.json().code))).toHaveLength(9)
    for (const app of apps) {
      const history = (await app.inject({ url: '/v1/plans/crevale-2026-2028/transitions', headers: bearer(keys.reviewer) })).json()
      expect(history.filter((entry: { to?: string; transition?: string }) => JSON.stringify(entry).includes('return'))).toHaveLength(1)
    }
  })

  it('revocation and the failed-authentication limit hold across instances', async () => {
    const made = (await on(0).inject({ method: 'POST', url: '/v1/api-keys', headers: bearer(keys.admin), payload: { role: 'reviewer', label: 'x' } })).json()
    expect((await on(1).inject({ url: '/v1/plans', headers: bearer(made.key) })).statusCode).toBe(200)
    expect((await on(0).inject({ method: 'DELETE', url: `/v1/api-keys/${made.id}`, headers: bearer(keys.admin) })).statusCode).toBe(204)
    expect((await on(1).inject({ url: '/v1/plans', headers: bearer(made.key) })).statusCode).toBe(401)
    // 6 failures allowed per address: 3 on each instance, then both refuse.
    for (let i = 0; i < 6; i++) expect((await on(i).inject({ url: '/v1/plans', remoteAddress: '10.9.9.9', headers: bearer('dmk_bad') })).statusCode).toBe(401)
    for (const app of apps) expect((await app.inject({ url: '/v1/plans', remoteAddress: '10.9.9.9', headers: bearer('dmk_bad') })).statusCode).toBe(429)
  })

  it('a profile and rule set registered on one are used on the other; a registration raced on both is made once', async () => {
    const { profileText, rulesText, plan } = await regionExample()
    const post = (i: number, url: string, payload: string) => on(i).inject({ method: 'POST', url, headers: { ...bearer(keys.admin), 'content-type': 'application/json' }, payload })
    const raced = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i, '/v1/profiles', profileText)))
    expect(raced.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect((await post(0, '/v1/rule-sets', rulesText)).statusCode).toBe(201)
    // Instance 1 read both tables when it started, before either existed: it reads them through.
    expect((await on(1).inject({ url: '/v1/profiles/exemple@1' })).json()).toMatchObject({ id: 'exemple', origin: 'registered' })
    expect((await on(1).inject({ method: 'POST', url: '/v1/evaluate', payload: plan })).json()).toMatchObject({ ruleSet: { id: 'exemple' }, valid: true })
    const programme = await on(1).inject({ method: 'POST', url: '/v1/programmes', headers: bearer(keys.admin), payload: { id: 'exemple', name: 'Exemple', reviewingBody: 'Table', profile: 'exemple@1', ruleSet: 'exemple@1' } })
    expect(programme.statusCode, programme.body).toBe(201)
    expect((await on(0).inject({ method: 'POST', url: '/v1/chantiers', headers: bearer(keys.admin), payload: { id: 'lecture', name: 'Lecture', programmeId: 'exemple' } })).statusCode).toBe(201)
    const created = await on(1).inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.admin), payload: { chantierId: 'lecture', document: plan } })
    expect(created.statusCode, created.body).toBe(201)
    const evaluation = await on(0).inject({ method: 'POST', url: `/v1/plans/${created.json().id}/evaluations`, headers: bearer(keys.admin), payload: {} })
    expect(evaluation.json()).toMatchObject({ ruleSet: 'exemple@1', report: { valid: true } })
    const markdown = await on(1).inject({ url: `/v1/plans/${created.json().id}/document?format=markdown`, headers: bearer(keys.admin) })
    expect(markdown.body).toContain('Stratégie 1')
  }, 60_000)
})

// What the logs hold (docs/security.md, "What is logged and kept"): one JSON line per request and response
// with its id — and never a key, whether sent in `Authorization` or `X-API-Key`, valid or not, nor one the
// service makes and answers with.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app.js'
import { readConfig } from './config.js'
import { type DatabaseHandle, openDatabase } from './db/client.js'
import { CatalogService } from './services/catalog.js'
import { loadDemoData } from './services/demo.js'

const lines: string[] = []
let database: DatabaseHandle
let app: Awaited<ReturnType<typeof buildApp>>
let admin: string

beforeAll(async () => {
  // Embedded PGlite in memory whatever DATABASE_URL says: what is logged does not depend on the database.
  database = await openDatabase({})
  await loadDemoData(database.db)
  admin = (await new CatalogService(database.db).createKey('bootstrap', { role: 'admin', label: 'log test' })).key
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  // The most talkative level: if a secret were anywhere in a log record, this would write it.
  app = await buildApp({ config: readConfig({}), database, logger: { level: 'trace', stream } })
  await app.ready()
}, 60_000)
afterAll(async () => {
  await app?.close()
  await database?.close()
})

describe('the logs', () => {
  it('record each request with its id and status, and no key, sent or made', async () => {
    const wrong = 'dmk_ThisKeyIsWrongButSecretAnyway0000000'
    await app.inject({ method: 'GET', url: '/v1/audit', headers: { authorization: `Bearer ${admin}` } })
    await app.inject({ method: 'GET', url: '/v1/plans', headers: { 'x-api-key': admin } })
    await app.inject({ method: 'GET', url: '/v1/plans', headers: { authorization: `Bearer ${wrong}` } })
    await app.inject({ method: 'GET', url: '/v1/plans', headers: { 'x-api-key': wrong } })
    const made = await app.inject({ method: 'POST', url: '/v1/api-keys', headers: { authorization: `Bearer ${admin}` }, payload: { role: 'reviewer', label: 'made while logging' } })
    expect(made.statusCode, made.body).toBe(201)
    const secret = made.json().key as string
    expect(secret).toMatch(/^dmk_/)

    const records = lines.map((line) => JSON.parse(line) as { reqId?: string; res?: { statusCode: number } })
    expect(records.filter((record) => record.res).map((record) => record.res!.statusCode)).toEqual([200, 200, 401, 401, 201])
    expect(records.every((record) => typeof record.reqId === 'string' || !('req' in record || 'res' in record))).toBe(true)
    for (const key of [admin, wrong, secret, admin.slice(4, 20), secret.slice(4, 20)]) expect(lines.filter((line) => line.includes(key))).toEqual([])
  })
})

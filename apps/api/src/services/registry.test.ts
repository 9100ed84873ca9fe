// The registry's freshness on POST /v1/evaluate's path (`syncWithin`): at most one count of the registry's
// rows per window, whatever the number of requests, and what another instance registered seen once the
// window has passed. Two registries on one database stand for two instances of the service.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../db/client.js'
import type { Principal } from '../plugins/auth.js'
import { freshPostgres, REGION_FOLDER } from '../test-support.js'
import { RegistrationsService } from './registrations.js'
import { Registry } from './registry.js'

const admin: Principal = { keyId: 'test-admin', role: 'admin', chantierIds: [] }

describe(`the registry's freshness for POST /v1/evaluate (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let database: Awaited<ReturnType<typeof openDatabase>>
  let server: Awaited<ReturnType<typeof freshPostgres>> | undefined
  beforeAll(async () => {
    server = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined
    database = await openDatabase(server ? { url: server.url } : {})
  })
  afterAll(async () => {
    await database.close()
    await server?.drop()
  })

  it('counts the rows at most once a window, and sees another instance’s registration once the window has passed', async () => {
    const here = new Registry(database.db)
    const there = new Registry(database.db)
    await here.refresh()
    const counts = vi.spyOn(database.db, 'execute')
    expect((await here.everything()).key).toBe('built-in')
    expect(counts).toHaveBeenCalledTimes(1)
    // A burst of evaluations inside the window: no further count.
    await Promise.all(Array.from({ length: 50 }, () => here.everything()))
    expect(counts).toHaveBeenCalledTimes(1)

    const profileText = await readFile(new URL('exemple.profile.json', REGION_FOLDER), 'utf8')
    await new RegistrationsService(database.db, there).registerProfile(admin, JSON.parse(profileText))
    // Registered by the other instance: this one, inside its window, does not know it yet…
    await here.syncWithin(60_000)
    expect(here.profiles().some((profile) => profile.id === 'exemple')).toBe(false)
    // …and does once its last look is older than the window (a zero window: a look now).
    const before = counts.mock.calls.length
    await here.syncWithin(0)
    expect(counts.mock.calls.length).toBe(before + 1)
    expect(here.profiles().some((profile) => profile.id === 'exemple')).toBe(true)
    expect((await here.everything()).key).toMatch(/^sha256:/)
    counts.mockRestore()
  })

  it('does not keep a failed count: the next request counts again', async () => {
    const registry = new Registry(database.db)
    const counts = vi.spyOn(database.db, 'execute').mockRejectedValueOnce(new Error('connection reset'))
    await expect(registry.syncWithin(60_000)).rejects.toThrow('connection reset')
    await registry.syncWithin(60_000)
    expect(counts).toHaveBeenCalledTimes(2)
    counts.mockRestore()
  })
})

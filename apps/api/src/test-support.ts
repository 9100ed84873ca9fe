// Test support: an app on a fresh database — in-memory PGlite, or a schema of its own on the PostgreSQL
// server of DATABASE_URL — with the demo data and one key per role.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import postgres from 'postgres'
import { readFile } from 'node:fs/promises'
import { builtinProfiles, loadProfileText, type PlanDocument, preparePlan } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { buildApp } from './app.js'
import { readConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { CatalogService } from './services/catalog.js'
import { DEMO, loadDemoData } from './services/demo.js'

export interface TestApp {
  app: FastifyInstance
  keys: { admin: string; reviewer: string; coordinator: string; otherCoordinator: string }
  close(): Promise<void>
}

export const DATABASE = process.env.DATABASE_URL ? 'postgres' : 'pglite'

/** A database of its own on the PostgreSQL server, so that test files never see each other's rows. */
export async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const admin = postgres(url, { max: 1, onnotice: () => undefined })
  await admin.unsafe(`create database "${name}"`)
  const own = new URL(url)
  own.pathname = `/${name}`
  return {
    url: own.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end()
    },
  }
}

export async function testApp(env: Record<string, string> = {}, options: { ready?: boolean } = {}): Promise<TestApp> {
  const server = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined
  const database = await openDatabase(server ? { url: server.url } : {})
  // Every injected request comes from one address: suites that send bad keys on purpose would otherwise
  // trip the failed-authentication limit; its own tests set it low.
  const config = readConfig({ LOG_LEVEL: 'silent', AUTH_FAILURES_PER_MINUTE: '1000000', ...env })
  await loadDemoData(database.db)
  const catalog = new CatalogService(database.db)
  const keys = {
    admin: (await catalog.createKey('bootstrap', { role: 'admin', label: 'test admin' })).key,
    reviewer: (await catalog.createKey('bootstrap', { role: 'reviewer', label: 'test reviewer' })).key,
    coordinator: (await catalog.createKey('bootstrap', { role: 'coordinator', chantierIds: [DEMO.chantier], label: 'test coordinator' })).key,
    otherCoordinator: (await catalog.createKey('bootstrap', { role: 'coordinator', chantierIds: ['another-chantier'], label: 'other coordinator' })).key,
  }
  const app = await buildApp({ config, database })
  // Schemas compile when the app gets ready: here, under the suite's setup timeout, not a test's.
  if (options.ready !== false) await app.ready()
  return {
    app,
    keys,
    async close() {
      await app.close()
      await database.close()
      await server?.drop()
    },
  }
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

/** The 2026-2028 plan under another id, as the body of `POST /v1/plans` on the demo chantier. */
export function draftOf(id: string) {
  const document = examplePlans.crevale2026()
  document.id = id
  return { chantierId: 'reussite-educative', document }
}

/** The made-up region of docs/regions.md (docs/examples/region/): its profile and rule set files as written. */
export const REGION_FOLDER = new URL('../../../docs/examples/region/', import.meta.url)

/** The region's profile and rule set file texts, and its plan as `demarche prepare plan.json` leaves it. */
export async function regionExample(): Promise<{ profileText: string; rulesText: string; plan: PlanDocument }> {
  const profileText = await readFile(new URL('exemple.profile.json', REGION_FOLDER), 'utf8')
  const rulesText = await readFile(new URL('exemple.rules.json', REGION_FOLDER), 'utf8')
  const loaded = loadProfileText(profileText, 'exemple.profile.json', builtinProfiles)
  if (!loaded.ok) throw new Error(`the example profile does not load: ${JSON.stringify(loaded.issues)}`)
  const plan = preparePlan(JSON.parse(await readFile(new URL('plan.json', REGION_FOLDER), 'utf8')), loaded.profile) as PlanDocument
  return { profileText, rulesText, plan }
}

import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema/index.js'

export type Database = ReturnType<typeof drizzlePglite<typeof schema>> | ReturnType<typeof drizzlePostgres<typeof schema>>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Runs a trivial query: used by /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** postgres://… — PostgreSQL through postgres.js; otherwise embedded PGlite. */
  url?: string
  /** PGlite's data directory; in memory when omitted. */
  dataDir?: string
}

/** Opens the database and applies the committed migrations (drizzle/), with the migrator of its driver. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = findMigrations()
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => undefined })
    const db = drizzlePostgres(client, { schema })
    await migratePostgres(db, { migrationsFolder })
    return { db, kind: 'postgres', ping: async () => void (await client`select 1`), close: () => client.end({ timeout: 5 }) }
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const client = options.dataDir ? new PGlite(resolve(options.dataDir)) : new PGlite()
  const db = drizzlePglite(client, { schema })
  await migratePglite(db, { migrationsFolder })
  return { db, kind: 'pglite', ping: async () => void (await client.query('select 1')), close: () => client.close() }
}

/** The drizzle/ folder of this package, from its sources or its build. */
function findMigrations(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    dir = dirname(dir)
  }
  throw new Error('drizzle/ migrations not found')
}

import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { lockDataDir, resolveDataDir } from './data-dir.js'
import * as schema from './schema/index.js'

export type Database = ReturnType<typeof drizzlePglite<typeof schema>> | ReturnType<typeof drizzlePostgres<typeof schema>>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  /** PGlite's data directory, resolved (see resolveDataDir); undefined in memory and on PostgreSQL. */
  dataDir?: string
  /** Runs a trivial query: used by /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** postgres://… — PostgreSQL through postgres.js; otherwise embedded PGlite. */
  url?: string
  /** PGlite's data directory; in memory when omitted. Relative: see resolveDataDir. */
  dataDir?: string
  /** Who opens it, written in the data directory's lock (e.g. "server", "keys command"). */
  owner?: string
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
  // Embedded PGlite has no server to arbitrate writers: two processes on one folder corrupt it, so the
  // folder is locked before it is opened, and kept until close (or until the process dies).
  const dataDir = options.dataDir === undefined ? undefined : resolveDataDir(options.dataDir)
  const lock = dataDir === undefined ? undefined : lockDataDir(dataDir, options.owner ?? 'démarche')
  try {
    const client = dataDir ? new PGlite(dataDir) : new PGlite()
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder })
    return {
      db,
      kind: 'pglite',
      dataDir,
      ping: async () => void (await client.query('select 1')),
      close: async () => {
        await client.close()
        lock?.release()
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
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

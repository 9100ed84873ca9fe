import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'

/**
 * Failed authentications per client address, in fixed windows: an address past the limit is refused
 * every keyed request until its window ends. Two stores: one process's memory (embedded PGlite, where the
 * data-directory lock makes one process by construction) and a PostgreSQL table shared by every instance
 * on one database.
 */
export interface FailureStore {
  /** Milliseconds until the address may try again, or 0 when it may try now. */
  blockedFor(address: string, limit: number): Promise<number>
  /** Counts one failure of the address. */
  fail(address: string, windowMs: number): Promise<void>
}

export class MemoryFailureStore implements FailureStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>()

  /** @param maxAddresses bound on the addresses kept: past it, ended windows go, then the oldest. */
  constructor(private readonly maxAddresses = 100_000) {}

  async blockedFor(address: string, limit: number): Promise<number> {
    const window = this.windows.get(address)
    const left = window ? window.endsAt - Date.now() : 0
    return window && left > 0 && window.count >= limit ? left : 0
  }

  async fail(address: string, windowMs: number): Promise<void> {
    const now = Date.now()
    const window = this.windows.get(address)
    if (window && window.endsAt > now) window.count++
    else {
      this.windows.delete(address)
      if (this.windows.size >= this.maxAddresses) this.prune(now)
      this.windows.set(address, { count: 1, endsAt: now + windowMs })
    }
  }

  private prune(now: number) {
    for (const [address, window] of this.windows) if (window.endsAt <= now) this.windows.delete(address)
    // Insertion order is age order: the oldest go first when every window is still open.
    for (const address of this.windows.keys()) {
      if (this.windows.size < this.maxAddresses) break
      this.windows.delete(address)
    }
  }
}

/** The `auth_failures` table (migration 0001): one row per address, updated by one atomic upsert. */
export class PostgresFailureStore implements FailureStore {
  constructor(private readonly db: Database) {}

  async blockedFor(address: string, limit: number): Promise<number> {
    const rows = (await this.db.execute(
      sql`select greatest(0, extract(epoch from (window_ends - now())) * 1000)::float8 as left_ms from auth_failures where address = ${address} and window_ends > now() and count >= ${limit}`,
    )) as unknown as { rows?: { left_ms: number }[] } | { left_ms: number }[]
    const list = Array.isArray(rows) ? rows : (rows.rows ?? [])
    return list.length > 0 ? Math.max(1, Math.ceil(Number(list[0]!.left_ms))) : 0
  }

  async fail(address: string, windowMs: number): Promise<void> {
    const ends = sql`now() + make_interval(secs => ${windowMs / 1000})`
    await this.db.execute(sql`
      insert into auth_failures (address, count, window_ends) values (${address}, 1, ${ends})
      on conflict (address) do update set
        count = case when auth_failures.window_ends <= now() then 1 else auth_failures.count + 1 end,
        window_ends = case when auth_failures.window_ends <= now() then ${ends} else auth_failures.window_ends end`)
    // Ended windows are dropped now and then, so the table stays as small as the addresses of the last minute.
    if (Math.random() < 0.01) await this.db.execute(sql`delete from auth_failures where window_ends < now() - interval '1 minute'`)
  }
}

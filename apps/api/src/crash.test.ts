import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { examplePlans } from '@demarche/domain/examples'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './db/client.js'
import { plans, planVersions } from './db/schema/index.js'
import { DATABASE, freshPostgres } from './test-support.js'

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))

/**
 * A child process saves versions of a plan as fast as it can and reports each acknowledged one; it is killed
 * with SIGKILL mid-flight. Reopened, the database holds every acknowledged version, whole, and the plan's
 * current version matches its last saved state.
 */
describe(`a process killed in the middle of writes (${DATABASE})`, () => {
  it('loses no acknowledged write and leaves nothing half-written', async () => {
    const server = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined
    const target = server ? { url: server.url } : { dataDir: mkdtempSync(join(tmpdir(), 'demarche-crash-')) }
    const planId = `crash-${process.pid}-${Date.now()}`
    const child: ChildProcess = fork(writer, [JSON.stringify(target), planId], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    const acknowledged: number[] = []
    await new Promise<void>((resolve, reject) => {
      child.on('message', (message: { saved?: number }) => {
        if (message.saved !== undefined) acknowledged.push(message.saved)
        if (acknowledged.length === 15) child.kill('SIGKILL')
      })
      child.on('exit', () => resolve())
      child.on('error', reject)
    })
    expect(acknowledged.length).toBeGreaterThanOrEqual(15)
    const database = await openDatabase(target)
    try {
      const [plan] = await database.db.select().from(plans).where(eq(plans.id, planId))
      const versions = await database.db.select().from(planVersions).where(eq(planVersions.planId, planId))
      const saved = versions.map((row) => row.version).sort((a, b) => a - b)
      for (const version of acknowledged) expect(saved).toContain(version)
      expect(saved).toEqual(Array.from({ length: saved.length }, (_, i) => i + 1))
      expect(plan!.version).toBe(saved.at(-1))
      const last = versions.find((row) => row.version === plan!.version)!
      expect(plan!.document).toEqual(last.document)
      for (const row of versions) expect(row.document.metadata.title).toBe(`${examplePlans.crevale2026().metadata.title} — ${row.version}`)
    } finally {
      await database.close()
      await server?.drop()
    }
  }, 120_000)
})

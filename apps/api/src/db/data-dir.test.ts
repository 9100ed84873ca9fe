import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lockPathOf, resolveDataDir } from './data-dir.js'

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const root = fileURLToPath(new URL('../../../../', import.meta.url))

/** Starts the built server on a data directory; resolves with the child once it listens, or with its exit. */
function start(dataDir: string): Promise<{ child: ChildProcess; output: string; code?: number | null }> {
  const child = spawn(process.execPath, [join(dist, 'server.js')], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((done) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Stop with Ctrl-C')) done({ child, output })
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.on('exit', (code) => done({ child, output, code }))
  })
}

// The embedded database's own directory: the same test whatever DATABASE_URL says, so it runs in the PGlite pass only.
describe.skipIf(process.env.DATABASE_URL)('one owner per data directory', () => {
  it('resolves a relative DATA_DIR against the repository root, from any folder', () => {
    expect(resolveDataDir('./.data', undefined, '/elsewhere')).toBe(resolve(root, '.data'))
    expect(resolveDataDir('/srv/data', undefined, '/elsewhere')).toBe('/srv/data')
  })

  it('refuses a second server and the keys command while one runs; a SIGKILLed owner does not block a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demarche-lock-'))
    const first = await start(dataDir)
    expect(first.code).toBeUndefined()
    try {
      const second = await start(dataDir)
      expect(second.code).toBe(1)
      expect(second.output).toMatch(/déjà utilisé par server \(pid \d+/)
      expect(second.output).toMatch(/in use by server \(pid \d+/)
      const keys = spawnSync(process.execPath, [join(dist, 'keys-cli.js'), 'list'], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, encoding: 'utf8' })
      expect(keys.status).toBe(1)
      expect(keys.stderr).toMatch(/While the server runs, manage keys through the API/)
    } finally {
      first.child.kill('SIGKILL')
      await new Promise((done) => first.child.once('exit', done))
    }
    expect(existsSync(lockPathOf(dataDir))).toBe(true)
    const restarted = await start(dataDir)
    expect(restarted.code).toBeUndefined()
    expect(JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8')).pid).toBe(restarted.child.pid)
    restarted.child.kill('SIGKILL')
    await new Promise((done) => restarted.child.once('exit', done))
    // The owner is gone: the keys command takes the stale lock over and opens the folder itself.
    const keys = spawnSync(process.execPath, [join(dist, 'keys-cli.js'), 'list'], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, encoding: 'utf8' })
    expect(keys.status).toBe(0)
    expect(keys.stdout).toMatch(/\tadmin\t-\tactive\tfirst admin/)
  }, 120_000)
})

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * The README's `pnpm start`, as a newcomer runs it in a terminal: what it prints is the service's own output
 * (no build tool banner), and Ctrl-C — a SIGINT to the whole foreground process group — ends it with exit
 * code 0 and no package-manager failure line. Runs once, on the embedded database.
 */
describe.skipIf(process.env.DATABASE_URL)('pnpm start', () => {
  it('prints only the service output and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demarche-start-'))
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', DATA_DIR: dataDir }
    delete env.DATABASE_URL
    // Its own process group, so that the SIGINT below reaches pnpm and the service as a terminal's would.
    const child = spawn('pnpm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('Ctrl-C')) resolve()
      })
      void exited.then((code) => reject(new Error(`pnpm start ended early (${code}):\n${stdout}\n${stderr}`)))
    })
    process.kill(-child.pid!, 'SIGINT')
    const code = await exited
    rmSync(dataDir, { recursive: true, force: true })
    const output = stdout + stderr
    expect(stdout).toMatch(/Démarche plans API on http:\/\/127\.0\.0\.1:\d+/)
    expect(output).not.toMatch(/turbo \d|Tasks:|FULL TURBO/)
    expect(output).not.toContain('ELIFECYCLE')
    expect(code).toBe(0)
    // `pnpm start` brings six packages' builds up to date first: on two cores shared with the rest of the suite, that alone took over a minute.
  }, 150_000)
})

/** On a terminal the log is text for a person; elsewhere (a pipe, a collector) it stays JSON. */
describe.skipIf(process.env.DATABASE_URL)('the log on a terminal', () => {
  it('is human-readable lines, not JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demarche-tty-'))
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', DATA_DIR: dataDir }
    delete env.DATABASE_URL
    // util-linux's `script` gives the service a pseudo-terminal, as a person's shell would.
    const child = spawn('script', ['-qfec', 'node apps/api/dist/server.js', '/dev/null'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (/INFO.*Server listening/.test(output) && output.includes('Ctrl-C')) resolve()
      })
      child.on('exit', (code) => reject(new Error(`the service ended early (${code}):\n${output}`)))
    })
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
    expect(output).not.toMatch(/\{"level":/)
  }, 60_000)
})

/** A setting that leads nowhere stops the start with its reason, before the database is opened. */
describe('a CHROMIUM_PATH leading nowhere', () => {
  it('refuses to start, with exit code 1 and the reason in French and English', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'demarche-chromium-')), 'data')
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', DATA_DIR: dataDir, CHROMIUM_PATH: '/nowhere/chromium' }
    delete env.DATABASE_URL
    const child = spawn('node', ['apps/api/dist/server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('CHROMIUM_PATH désigne « /nowhere/chromium », mais aucun fichier n’existe à cet endroit.')
    expect(stderr).toContain('CHROMIUM_PATH points to "/nowhere/chromium", but no file exists there.')
    expect(existsSync(dataDir)).toBe(false)
  }, 30_000)
})

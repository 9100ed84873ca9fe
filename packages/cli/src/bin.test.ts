import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The command as a user runs it (`npx demarche …` from the repository: the bin linked at install), in a
// process of its own: it prints only its own output, and its exit code is the command's.
const root = fileURLToPath(new URL('../../../', import.meta.url))
const bin = `${root}node_modules/.bin/demarche`
const plan2021 = `${root}packages/domain/examples/crevale-2021.plan.json`
const plan2026 = `${root}packages/domain/examples/crevale-2026-2028.plan.json`

describe('the installed demarche command', () => {
  it('is linked at the root by pnpm install', () => {
    expect(existsSync(bin)).toBe(true)
  })

  it('prints the report alone and exits 1 on errors, with nothing from a build tool or a package manager', () => {
    const run = spawnSync(bin, ['lint', plan2021], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('score 76,1 / 100')
    expect(run.stdout).not.toMatch(/turbo|ELIFECYCLE|pnpm/i)
  })

  it('exits 0 on a plan without errors, and 2 with a clear message on a usage error', () => {
    expect(spawnSync(bin, ['validate', plan2026], { cwd: root, encoding: 'utf8' }).status).toBe(0)
    const bad = spawnSync(bin, ['frobnicate'], { cwd: root, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr.split('\n')[0]).toBe('Commande inconnue : « frobnicate ».')
  })
})

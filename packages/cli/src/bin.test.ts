import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The command as a user runs it (`npx demarche …` from the repository: the bin linked at install), in a
// process of its own: it prints only its own output, and its exit code is the command's.
const root = fileURLToPath(new URL('../../../', import.meta.url))
const bin = `${root}node_modules/.bin/demarche`
const plan2021 = `${root}packages/domain/examples/crevale-2021.plan.json`
const plan2026 = `${root}packages/domain/examples/crevale-2026-2028.plan.json`

/** The 2021 plan with no fiduciary on its first row: errors at submission (the real plans have none left). */
function planWithErrors(): string {
  const plan = JSON.parse(readFileSync(plan2021, 'utf8'))
  plan.axes[0].objectives[0].rows[0].responsible = { raw: '' }
  const file = join(mkdtempSync(join(tmpdir(), 'demarche-bin-')), 'with-errors.plan.json')
  writeFileSync(file, JSON.stringify(plan))
  return file
}

describe('the installed demarche command', () => {
  it('is linked at the root by pnpm install', () => {
    expect(existsSync(bin)).toBe(true)
  })

  it('prints the report alone and exits 1 on errors, with nothing from a build tool or a package manager', () => {
    const run = spawnSync(bin, ['lint', planWithErrors()], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('score 91,8 / 100')
    expect(run.stdout).not.toMatch(/turbo|ELIFECYCLE|pnpm/i)
  })

  it('exits 0 on a plan without errors, and 2 with a clear message on a usage error', () => {
    expect(spawnSync(bin, ['validate', plan2026], { cwd: root, encoding: 'utf8' }).status).toBe(0)
    const bad = spawnSync(bin, ['frobnicate'], { cwd: root, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr.split('\n')[0]).toBe('Commande inconnue : « frobnicate ».')
  })
})

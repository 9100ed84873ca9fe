import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Io } from './io.js'
import { main } from './main.js'

const examples = fileURLToPath(new URL('../../domain/examples/', import.meta.url))
const plan2026 = `${examples}crevale-2026-2028.plan.json`
const plan2021 = `${examples}crevale-2021.plan.json`

function run(argv: string[], tty = false) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async () => undefined,
    createFile: async () => undefined,
    writeBytes: async () => undefined,
    isTty: tty,
  }
  return main(argv, io).then((code) => ({ code, out: out.join(''), err: err.join('') }))
}

/** The 2021 plan with no fiduciary on its first row: errors at submission (the real plans have none left). */
async function planWithErrors(): Promise<string> {
  const plan = JSON.parse(await readFile(plan2021, 'utf8'))
  plan.axes[0].objectives[0].rows[0].responsible = { raw: '' }
  const file = join(await mkdtemp(join(tmpdir(), 'demarche-lint-')), 'with-errors.plan.json')
  await writeFile(file, JSON.stringify(plan))
  return file
}

describe('demarche lint', () => {
  it('prints a located, bilingual report of the 2026 plan and passes (warnings only)', async () => {
    const fr = await run(['lint', plan2026])
    expect(fr.code).toBe(0)
    expect(fr.out).toContain('Axe 4, objectif 4 — Échéancier — An 8 hors de la période du plan (An 6 à An 7).')
    expect(fr.out).toContain('/axes/3/objectives/3/rows/0/schedule/0/years')
    expect(fr.out.trimEnd().split('\n').at(-1)).toBe('✖ 1 fichier\u00a0: 0 erreur, 9 avertissements, 3 informations')
    // French spelling and agreement are checked by default (the real dictionary).
    expect(fr.out).toContain('Accord : « leurs appropriation » — le déterminant pluriel « leurs » appelle un nom au pluriel.')
    const unchecked = await run(['lint', plan2026, '--no-spelling'])
    expect(unchecked.out).not.toContain('spelling')
    expect(unchecked.out.trimEnd().split('\n').at(-1)).toBe('✖ 1 fichier\u00a0: 0 erreur, 7 avertissements, 3 informations')
    const en = await run(['lint', plan2026, '--locale', 'en'])
    expect(en.out).toContain('Axis 4, objective 4 — Schedule — Year 8 outside the plan period (Year 6 to Year 7).')
  })

  it('fails on errors, or on warnings when asked', async () => {
    const withErrors = await planWithErrors()
    expect((await run(['lint', withErrors])).code).toBe(1)
    expect((await run(['lint', plan2021])).code).toBe(0)
    expect((await run(['lint', plan2026, '--fail-on', 'warning'])).code).toBe(1)
    expect((await run(['lint', withErrors, '--stage', 'draft'])).code).toBe(0)
  })

  it('expands globs and prints machine formats on stdout with the summary on stderr', async () => {
    const result = await run(['lint', `${examples}crevale-20*.plan.json`, '--format', 'json'])
    const reports = JSON.parse(result.out) as Array<{ file: string; score: number }>
    expect(reports.map((report) => [report.file.slice(examples.length), report.score])).toEqual([
      ['crevale-2021.plan.json', 92.4],
      ['crevale-2026-2028.plan.json', 97],
    ])
    expect(result.err).toBe('2 plan(s) évalué(s) : 0 erreur(s), 39 avertissement(s), 3 information(s)\n')
    const sarif = await run(['lint', plan2026, '--format', 'sarif'])
    expect(JSON.parse(sarif.out).version).toBe('2.1.0')
    // Each result sits at a line and column of the file, as code-scanning views show it.
    const located = JSON.parse(sarif.out).runs[0].results.map((result: { locations: [{ physicalLocation: { region?: { startLine: number } } }] }) => result.locations[0].physicalLocation.region?.startLine)
    expect(located.length).toBeGreaterThan(0)
    expect(located.every((line: number | undefined) => typeof line === 'number' && line > 1)).toBe(true)
  })

  it('explains each criterion’s contribution and what fixing the findings would give', async () => {
    const result = await run(['lint', plan2021, '--explain', '--locale', 'en'])
    expect(result.out).toMatch(/criteria contributions to the score \(92\.4 \/ 100\)/)
    expect(result.out).toMatch(/With the errors fixed: [\d.]+; with errors and warnings fixed: 100\./)
    const json = JSON.parse((await run(['lint', plan2021, '--explain', '--format', 'json'])).out)
    expect(json.explanation.scoreIfFixed).toBe(92.4)
  })

  it('shows a progress bar on a terminal when many files run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demarche-lint-'))
    const source = await readFile(plan2026, 'utf8')
    const many = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
      const file = join(dir, `plan-${i}.json`)
      await writeFile(file, source)
      return file
    }))
    const result = await run(['lint', ...many, '--format', 'markdown'], true)
    expect(result.err).toContain('[')
    expect(result.err).toContain('5/6')
  })

  it('reports unreadable files, unknown rule sets and bad options', async () => {
    const missing = await run(['lint', `${examples}nope.plan.json`])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('lecture impossible — fichier ou dossier introuvable.')
    expect(missing.out).toBe('')
    const unknown = await run(['lint', plan2026, '--ruleset', 'ontario@1', '--locale', 'en'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('Rule set not found: "ontario@1".')
    expect((await run(['lint', plan2026, '--format', 'pdf'])).code).toBe(2)
    expect((await run(['lint', plan2026, '--stage', 'final'])).code).toBe(2)
    expect((await run(['lint', `${examples}*.nothing`])).code).toBe(2)
  })
})

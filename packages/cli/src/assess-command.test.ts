// `demarche assess` on the real plans: the draft a reviewer corrects names every finding of the report by
// the fingerprint `demarche letter` checks, with its place and message beside it, and makes a letter as it
// stands; uncommenting an information finding requests it; an existing file is never replaced.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan, fingerprinter } from '@demarche/rules'
import { loadFrenchSpelling } from '@demarche/rules/spelling'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { main } from './main.js'
import { memoryIo } from './test-support.js'

const examples = fileURLToPath(new URL('../../domain/examples/', import.meta.url))
const plan2026 = join(examples, 'crevale-2026-2028.plan.json')
const folder = mkdtempSync(join(tmpdir(), 'demarche-assess-'))

async function run(argv: string[]) {
  const captured = memoryIo()
  const code = await main(argv, captured.io)
  return { code, out: captured.out(), err: captured.err(), files: captured.files }
}

describe('demarche assess', () => {
  it('drafts the assessment of the 2026-2028 plan: every error and warning confirmed by fingerprint, information listed, the grid as the engine sees it', async () => {
    const { code, files, err } = await run(['assess', plan2026, '--author', 'Analyste de la Table', '-o', join(folder, 'draft.yaml')])
    expect(err).toBe('')
    expect(code).toBe(0)
    const text = files[join(folder, 'draft.yaml')] as string
    const plan = examplePlans.crevale2026()
    const report = evaluatePlan(plan, { stage: 'submission', spellChecker: await loadFrenchSpelling() })
    const fingerprintOf = fingerprinter(plan)
    const draft = parse(text)
    const requested = report.findings.filter((finding) => finding.severity !== 'info')
    expect(draft.findings).toEqual([...new Set(requested.map(fingerprintOf))].map((fingerprint) => ({ fingerprint, decision: 'confirm' })))
    expect(draft.criteria.map((each: { criterion: string }) => each.criterion)).toEqual(report.criteria.map((criterion) => criterion.id))
    expect(draft.criteria.find((each: { criterion: string }) => each.criterion === 'schedule').status).toBe('to-clarify')
    expect(draft.criteria.find((each: { criterion: string }) => each.criterion === 'participants').status).toBe('compliant')
    expect(draft).toMatchObject({ author: 'Analyste de la Table', recommendation: 'return', reasons: '', requests: [] })
    // Beside each decision, where and what, as the reviewer reads it.
    expect(text).toContain('# Axe 2, objectif 1 · avertissement · Accord : « leurs appropriation »')
    expect(text).toContain('# Échéancier — moteur : 45 sur 46 éléments sans constat')
    for (const info of report.findings.filter((finding) => finding.severity === 'info')) expect(text).toContain(`  # - fingerprint: ${fingerprintOf(info)}\n  #   decision: confirm`)
  })

  it('makes a letter as it stands, and one that requests an information finding once uncommented', async () => {
    const draftFile = join(folder, 'letter.yaml')
    const { files } = await run(['assess', plan2026, '--author', 'Analyste de la Table', '-o', draftFile])
    const text = files[draftFile] as string
    writeFileSync(draftFile, text)
    const letter = await run(['letter', '--assessment', draftFile, plan2026, '-o', join(folder, 'avis.html')])
    expect(letter.err).toBe('')
    expect(letter.code).toBe(0)
    expect(letter.files[join(folder, 'avis.html')]).toContain('leurs appropriation')
    // The first information finding, uncommented: the letter now requests it too.
    const edited = text.replace(/^ {2}# (- fingerprint: fp-[0-9a-f]+)\n {2}# ( {2}decision: confirm)$/m, '  $1\n  $2')
    expect(edited).not.toBe(text)
    writeFileSync(draftFile, edited)
    const more = await run(['letter', '--assessment', draftFile, plan2026, '-o', join(folder, 'avis2.html')])
    expect(more.err).toBe('')
    expect(more.files[join(folder, 'avis2.html')]).toContain('Cet axe n’a pas de numéro')
    expect(letter.files[join(folder, 'avis.html')]).not.toContain('Cet axe n’a pas de numéro')
  })

  it('speaks English with --locale en, and writes JSON for a .json name', async () => {
    const yaml = await run(['assess', plan2026, '--author', 'Table reviewer', '--locale', 'en', '-o', '-'])
    expect(yaml.code).toBe(0)
    expect(yaml.out).toContain('# Axis 2, objective 1 · warning · ')
    expect(yaml.out).toContain('# Then: demarche letter --assessment assessment.yaml ')
    const json = await run(['assess', plan2026, '--author', 'Table reviewer', '-o', join(folder, 'draft.json')])
    expect(JSON.parse(json.files[join(folder, 'draft.json')] as string)).toMatchObject({ author: 'Table reviewer', recommendation: 'return' })
  })

  it('never replaces an existing file, and asks for the author', async () => {
    const existing = join(folder, 'existing.yaml')
    writeFileSync(existing, 'author: déjà commencé\n')
    const refused = await run(['assess', plan2026, '--author', 'A', '-o', existing])
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('le fichier existe déjà')
    expect(readFileSync(existing, 'utf8')).toBe('author: déjà commencé\n')
    const anonymous = await run(['assess', plan2026, '-o', join(folder, 'x.yaml')])
    expect(anonymous.code).toBe(2)
    expect(anonymous.err).toContain('--author <nom> est requis')
  })
})

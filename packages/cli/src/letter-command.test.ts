// `demarche letter` on the real 2026-2028 plan: the letter a reviewer writes without the service, read back
// as a reader sees it (HTML text, the DOCX's paragraphs, pdftotext), and an assessment that does not fit the
// plan refused with each problem at its line and column.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { examplePlans } from '@demarche/domain/examples'
import { assessmentFileJsonSchema, createRulesEngine, evaluatePlan, fingerprinter } from '@demarche/rules'
import { loadFrenchSpelling } from '@demarche/rules/spelling'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { spellCheckerFor } from './spelling.js'
import { memoryIo } from './test-support.js'

const plan2026 = fileURLToPath(new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url))
const plan = examplePlans.crevale2026()
const report = evaluatePlan(plan, { stage: 'submission', spellChecker: await loadFrenchSpelling() })
const fingerprintOf = fingerprinter(plan)
const schedule = report.findings.find((finding) => finding.pointer === '/axes/3/objectives/3/rows/0/schedule/0/years')!
// A spelling finding: the letter command evaluates with the dictionary, as the service does, or its fingerprint would be unknown.
const agreement = report.findings.find((finding) => finding.ruleId === 'spelling' && finding.messageId === 'plural-determiner')!
const assessment = {
  $schema: 'https://demarche.example/schemas/assessment.schema.json',
  author: 'Analyste de la Table',
  version: 2,
  assessedAt: '2026-11-20',
  criteria: [{ criterion: 'schedule', status: 'non-compliant', note: 'Un échéancier dépasse la période.' }],
  recommendation: 'return',
  reasons: 'Le plan est retourné pour deux précisions.',
  findings: [
    { fingerprint: fingerprintOf(schedule), decision: 'confirm' },
    { fingerprint: fingerprintOf(agreement), decision: 'confirm' },
  ],
  requests: [{ id: 'r1', pointer: '/axes/1/objectives/0/rows/0/budget', criterion: 'budget', text: 'Indiquez le montant prévu pour 2027-2028.' }],
}
const folder = mkdtempSync(join(tmpdir(), 'demarche-letter-'))
const assessmentFile = join(folder, 'evaluation.json')
writeFileSync(assessmentFile, JSON.stringify(assessment, null, 2))

async function run(argv: string[]) {
  const captured = memoryIo()
  const code = await main(argv, captured.io)
  return { code, out: captured.out(), err: captured.err(), files: captured.files }
}

const flat = (text: string) => text.replace(/<[^>]+>/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ')
function expectInOrder(text: string, expected: readonly string[]) {
  const seen = flat(text)
  let from = 0
  for (const each of expected) {
    const at = seen.indexOf(flat(each), from)
    expect(at, `"${each}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at
  }
}
const FRENCH = ['Avis sur le plan de travail', 'Version analysée', '2', 'Analyste de la Table', '20 novembre 2026', 'Plan retourné avec demandes de précisions', 'leurs appropriation', 'Axe 2, objectif 1 — Budget', 'Indiquez le montant prévu', 'Axe 4, objectif 4 — Échéancier', 'Grille d’analyse']
const ENGLISH = ['Assessment of the work plan', 'Version assessed', 'Plan returned with requests', 'leurs appropriation', 'Axis 2, objective 1 — Budget', 'Indiquez le montant prévu', 'Axis 4, objective 4 — Schedule', 'Assessment grid']

describe('demarche letter', () => {
  it('writes the letter in HTML, its format taken from -o, dated by the assessment', async () => {
    const result = await run(['letter', '--assessment', assessmentFile, plan2026, '-o', 'avis.html'])
    expect([result.code, result.err]).toEqual([0, ''])
    const html = result.files['avis.html'] as string
    expect(html).toContain('<html lang="fr-CA">')
    expectInOrder(html, FRENCH)
    expect(flat(html)).toContain('Avis produit le 20 novembre 2026')
    // Same files, same bytes.
    expect((await run(['letter', '--assessment', assessmentFile, plan2026, '-o', 'avis.html'])).files['avis.html']).toBe(html)
  })

  it('writes it in DOCX, in English with --locale en and -f docx', async () => {
    const result = await run(['letter', '--assessment', assessmentFile, plan2026, '-f', 'docx', '--locale', 'en', '-o', 'letter.bin'])
    expect(result.code, result.err).toBe(0)
    const xml = strFromU8(unzipSync(result.files['letter.bin'] as Uint8Array)['word/document.xml']!)
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join(''))
    expectInOrder(paragraphs.join('\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), ENGLISH)
  })

  it('writes it in PDF', async () => {
    const result = await run(['letter', '--assessment', assessmentFile, plan2026, '-o', join(folder, 'avis.pdf')])
    expect(result.code, result.err).toBe(0)
    const file = join(folder, 'written.pdf')
    writeFileSync(file, result.files[join(folder, 'avis.pdf')] as Uint8Array)
    expectInOrder(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), FRENCH)
  }, 60_000)

  it('refuses an assessment that does not fit the plan, each problem at its line and column, and writes nothing', async () => {
    const wrong = join(folder, 'wrong.json')
    const text = JSON.stringify({ ...assessment, findings: [{ fingerprint: 'fp-000000000000000000000000', decision: 'confirm' }], requests: [{ id: 'r1', pointer: '/axes/9', text: 'Où ?' }] }, null, 2)
    writeFileSync(wrong, text)
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1
    const french = await run(['letter', '--assessment', wrong, plan2026, '-o', 'avis.html'])
    expect(french.code).toBe(1)
    expect(french.files).toEqual({})
    expect(french.err.replace(/\u00a0/g, ' ').split('\n')).toEqual([
      `${wrong} : évaluation invalide — 2 problèmes`,
      expect.stringMatching(new RegExp(`^  ${wrong}:${lineOf('fp-0000')}:\\d+ /findings/0/fingerprint  Aucun constat de cette version du plan n’a l’empreinte « fp-0+ ».  \\[unknown-finding\\]$`)),
      expect.stringMatching(new RegExp(`^  ${wrong}:${lineOf('/axes/9')}:\\d+ /requests/0/pointer  Le plan n’a pas d’élément à « /axes/9 ».  \\[unknown-place\\]$`)),
      '',
    ])
    const english = await run(['letter', '--assessment', wrong, plan2026, '--locale', 'en', '-o', 'avis.html'])
    expect(english.err).toContain(`${wrong}: invalid assessment — 2 problems`)
    expect(english.err).toContain('The plan has no element at "/axes/9".')
    const shape = join(folder, 'shape.json')
    writeFileSync(shape, JSON.stringify({ ...assessment, recommendation: 'maybe' }, null, 2))
    const badShape = await run(['letter', '--assessment', shape, plan2026, '-o', 'avis.html'])
    expect([badShape.code, badShape.err]).toEqual([1, expect.stringContaining('/recommendation  Valeur invalide : ')])
  })

  it('exits 2 on bad usage or a file it cannot read, 1 on a plan that is not JSON', async () => {
    expect((await run(['letter', plan2026, '-o', 'avis.html'])).err).toContain('--assessment <fichier> est requis')
    expect((await run(['letter', plan2026, '-o', 'avis.html'])).code).toBe(2)
    expect((await run(['letter', '--assessment', assessmentFile, plan2026])).code).toBe(2)
    expect((await run(['letter', '--assessment', assessmentFile, plan2026, '-o', 'avis.md'])).err).toBe('demarche letter : --format : html | docx | pdf\n')
    expect((await run(['letter', '--assessment', assessmentFile, '-o', 'avis.html'])).code).toBe(2)
    const missing = await run(['letter', '--assessment', join(folder, 'none.json'), plan2026, '-o', 'avis.html'])
    expect([missing.code, missing.err]).toEqual([2, `${join(folder, 'none.json')} : lecture impossible — fichier ou dossier introuvable.\n`])
    const notJson = join(folder, 'plan.json')
    writeFileSync(notJson, '{ not json')
    expect((await run(['letter', '--assessment', assessmentFile, notJson, '-o', 'avis.html'])).code).toBe(1)
  })

  it('publishes the assessment file’s JSON Schema with demarche schema assessment', async () => {
    const result = await run(['schema', 'assessment'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toEqual(assessmentFileJsonSchema())
  })
})

describe('the spelling checker of a command', () => {
  const engine = createRulesEngine()
  it('is loaded only for a document whose rule set checks spelling at that stage', async () => {
    expect(await spellCheckerFor(engine, { hello: 'world' }, { stage: 'submission' })).toBeUndefined()
    expect(await spellCheckerFor(engine, plan, { stage: 'submission', ruleSet: 'nowhere@1' })).toBeUndefined()
    expect(await spellCheckerFor(engine, plan, { stage: 'submission' })).toBe(await loadFrenchSpelling())
  })
})

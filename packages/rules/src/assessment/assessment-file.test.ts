import { readFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { assessmentFileJsonSchema, loadAssessmentText } from './assessment-file.js'
import { fingerprinter } from './fingerprint.js'

const plan = examplePlans.crevale2026()
const report = evaluatePlan(plan, { stage: 'submission' })
const schedule = report.findings.find((finding) => finding.pointer === '/axes/3/objectives/3/rows/0/schedule/0/years')!
const valid = {
  $schema: '../schemas/assessment.schema.json',
  author: 'Analyste de la Table',
  assessedAt: '2026-11-20',
  criteria: [{ criterion: 'schedule', status: 'non-compliant', note: 'Un échéancier dépasse la période.' }],
  recommendation: 'return',
  reasons: 'Le plan est retourné pour une précision.',
  findings: [{ fingerprint: fingerprinter(plan)(schedule), decision: 'confirm' }],
  requests: [{ id: 'r1', pointer: '/axes/1/objectives/0/rows/0/budget', text: 'Indiquez le montant prévu pour 2027-2028.' }],
}

describe('assessment files', () => {
  it('loads a valid file, JSON or YAML', () => {
    expect(loadAssessmentText(JSON.stringify(valid, null, 2), 'a.json', plan, report)).toEqual({ ok: true, assessment: valid })
    const yaml = `author: Analyste\nrecommendation: accept\nreasons: Le plan répond aux attentes.\ncriteria: []\nfindings: []\nrequests: []\n`
    expect(loadAssessmentText(yaml, 'a.yaml', plan, report)).toMatchObject({ ok: true, assessment: { author: 'Analyste', recommendation: 'accept' } })
  })

  it('locates a shape error at its line and column, in both languages', () => {
    const text = JSON.stringify({ ...valid, recommendation: 'maybe' }, null, 2)
    const loaded = loadAssessmentText(text, 'a.json', plan, report)
    expect(loaded.ok).toBe(false)
    const issue = !loaded.ok ? loaded.issues.find((each) => each.pointer === '/recommendation') : undefined
    expect(issue).toMatchObject({ file: 'a.json', code: 'invalid-assessment', position: { line: text.split('\n').findIndex((line) => line.includes('"maybe"')) + 1 } })
    expect(issue!.message.fr).toMatch(/^Valeur invalide : /)
  })

  it('locates what does not fit the plan: unknown criterion, fingerprint and place; an impossible date', () => {
    const text = JSON.stringify({ ...valid, criteria: [{ criterion: 'beauty', status: 'compliant' }], findings: [{ fingerprint: 'fp-000000000000000000000000', decision: 'confirm' }], requests: [{ id: 'r1', pointer: '/axes/9', text: 'Où ?' }] }, null, 2)
    const loaded = loadAssessmentText(text, 'a.json', plan, report)
    expect(!loaded.ok && loaded.issues.map((issue) => [issue.pointer, issue.code, issue.position?.line !== undefined])).toEqual([
      ['/criteria/0/criterion', 'unknown-criterion', true],
      ['/findings/0/fingerprint', 'unknown-finding', true],
      ['/requests/0/pointer', 'unknown-place', true],
    ])
    const date = loadAssessmentText(JSON.stringify({ ...valid, assessedAt: '2026-02-31' }), 'a.json', plan, report)
    expect(!date.ok && date.issues.map((issue) => [issue.pointer, issue.message.en])).toEqual([['/assessedAt', 'Impossible date: "2026-02-31".']])
  })

  it('publishes the JSON Schema committed in schemas/', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schemas/assessment.schema.json', import.meta.url), 'utf8')) as unknown
    expect(committed).toEqual(assessmentFileJsonSchema())
  })
})

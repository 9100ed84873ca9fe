import { lanaudiere2026, preparePlan, type PlanDocument } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { assessFindings, withoutDismissed } from './review.js'
import { checkAssessment } from './check.js'
import { fingerprinter } from './fingerprint.js'
import { followUp, letterFollowUp, relocatePointer } from './follow-up.js'
import { AssessmentContent, type FindingDecision } from './schema.js'

/** The same JSON with every object's keys in reverse order, as PostgreSQL's JSONB may give a stored plan back. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]))
}

const SCHEDULE = '/axes/3/objectives/3/rows/0/schedule/0/years'

describe('finding fingerprints on the 2026-2028 plan', () => {
  const plan = examplePlans.crevale2026()
  const report = evaluatePlan(plan, { stage: 'submission' })

  it('are the same on a re-evaluation and on the plan read back with its keys in another order', () => {
    const again = evaluatePlan(reversedKeys(plan), { stage: 'submission' })
    const first = report.findings.map(fingerprinter(plan))
    expect(again.findings.map(fingerprinter(reversedKeys(plan)))).toEqual(first)
    expect(first.every((fingerprint) => /^fp-[0-9a-f]{24}$/.test(fingerprint))).toBe(true)
    // Two findings of one rule at one place with different messages stay two.
    expect(new Set(first).size).toBe(new Set(report.findings.map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.pointer}`)).size)
  })

  it('keeps a dismissed finding out of the next evaluation until the text of its element changes', () => {
    const target = report.findings.find((finding) => finding.pointer === SCHEDULE)!
    expect(target, 'the 2026-2028 plan schedules An 8 in a plan of An 6 to An 7').toBeDefined()
    const [assessed] = assessFindings({ ...report, findings: [target] }, plan, [])
    const decisions: FindingDecision[] = [{ fingerprint: assessed!.fingerprint, decision: 'dismiss', reason: 'L’An 8 est prévu au plan suivant.' }]

    // Another element changes: the dismissal holds.
    const edited = examplePlans.crevale2026()
    edited.axes[0]!.description = [{ type: 'paragraph', text: 'Un axe décrit autrement.' }] as never
    const next = withoutDismissed(evaluatePlan(edited, { stage: 'submission' }), edited, decisions)
    expect(next.report.findings.some((finding) => finding.pointer === SCHEDULE)).toBe(false)
    expect(next.dismissed).toEqual([{ fingerprint: assessed!.fingerprint, ruleId: target.ruleId, pointer: SCHEDULE, label: target.label, reason: 'L’An 8 est prévu au plan suivant.' }])
    expect(next.report.summary.warnings + next.report.summary.errors + next.report.summary.infos).toBe(next.report.findings.length)

    // Its own text changes (An 6-7 et 8 → An 6-8): the finding is a new one and comes back.
    const rewritten = examplePlans.crevale2026()
    rewritten.axes[3]!.objectives[3]!.rows[0]!.schedule![0]!.years = { raw: 'An 6-8' } as never
    const prepared = preparePlan(rewritten, lanaudiere2026)
    const back = withoutDismissed(evaluatePlan(prepared, { stage: 'submission' }), prepared, decisions)
    expect(back.report.findings.filter((finding) => finding.pointer === SCHEDULE).map((finding) => finding.ruleId)).toContain(target.ruleId)
    expect(back.dismissed).toEqual([])
  })
})

describe('checkAssessment', () => {
  const plan = examplePlans.crevale2026()
  const report = evaluatePlan(plan, { stage: 'submission' })
  const valid = Compile(AssessmentContent)

  it('locates every problem the schema cannot see', () => {
    const content: AssessmentContent = {
      criteria: [{ criterion: 'budget', status: 'to-clarify' }, { criterion: 'budget', status: 'compliant' }, { criterion: 'beauty', status: 'compliant' }],
      recommendation: 'return',
      reasons: 'Le budget est à préciser.',
      findings: [{ fingerprint: 'fp-000000000000000000000000', decision: 'confirm' }, { fingerprint: fingerprinter(plan)(report.findings[0]!), decision: 'dismiss' }],
      requests: [{ id: 'r1', pointer: '/axes/9', text: 'Précisez.' }, { id: 'r1', pointer: '/axes/0', text: 'Précisez.', criterion: 'nothing' }],
    }
    expect(valid.Check(content)).toBe(true)
    expect(checkAssessment(content, plan, report).map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/criteria/1/criterion', 'duplicate-criterion'],
      ['/criteria/2/criterion', 'unknown-criterion'],
      ['/findings/0/fingerprint', 'unknown-finding'],
      ['/findings/1/reason', 'reason-required'],
      ['/requests/0/pointer', 'unknown-place'],
      ['/requests/1/id', 'duplicate-request'],
      ['/requests/1/criterion', 'unknown-criterion'],
    ])
    for (const issue of checkAssessment(content, plan, report)) expect(issue.message.fr).not.toBe(issue.message.en)
  })
})

describe('a resubmission seen from the assessment', () => {
  it('follows elements by their ids when rows move, and tells changed, unchanged and removed requests apart', () => {
    const before = examplePlans.crevale2026()
    const after: PlanDocument = examplePlans.crevale2026()
    // A new objective inserted first in axis 2: the objectives after it move down by one.
    const inserted = structuredClone(after.axes[1]!.objectives[0]!)
    inserted.id = 'obj-nouveau'
    inserted.rows = inserted.rows.map((row, index) => ({ ...row, id: `row-nouveau-${index}`, actions: row.actions.map((action, each) => ({ ...action, id: `act-nouveau-${index}-${each}` })) }))
    after.axes[1]!.objectives.unshift(inserted)
    after.axes[1]!.objectives[2]!.rows[0]!.budget = { raw: 'Voir onglet Budget ligne 12 : 4 000 $ en 2026-2027 et 4 000 $ en 2027-2028' } as never
    const prepared = preparePlan(after, lanaudiere2026)
    expect(relocatePointer(before, prepared, '/axes/1/objectives/1/rows/0/budget')).toBe('/axes/1/objectives/2/rows/0/budget')

    const requests = [
      { id: 'budget', pointer: '/axes/1/objectives/1/rows/0/budget', text: 'Donnez les montants par année.' },
      { id: 'results', pointer: '/axes/1/objectives/0/rows/0/results', text: 'Reliez les résultats aux effets recherchés.' },
      { id: 'axis', pointer: '/axes/3/objectives/3', text: 'Revoyez l’échéancier.' },
    ]
    prepared.axes[3]!.objectives.splice(3, 1)
    const seen = followUp(
      { requests },
      { version: 1, plan: before, report: evaluatePlan(before, { stage: 'submission' }) },
      { version: 2, plan: prepared, report: evaluatePlan(prepared, { stage: 'submission' }) },
      lanaudiere2026,
    )
    expect(evaluatePlan(prepared).valid, 'the resubmitted plan is a valid document').toBe(true)
    expect(seen.requests.map(({ id, now, element }) => [id, now, element])).toEqual([
      ['budget', '/axes/1/objectives/2/rows/0/budget', 'changed'],
      ['results', '/axes/1/objectives/1/rows/0/results', 'unchanged'],
      ['axis', null, 'removed'],
    ])
    // Named as the plan writes it: the moved objective keeps the number it carries.
    expect(seen.requests[0]!.label.fr).toBe('Axe 2, objectif 2 — Budget')
    // The removed objective's findings are gone; the unchanged row's are not.
    expect(seen.goneFindings.some((finding) => finding.pointer === SCHEDULE)).toBe(true)
    expect(seen.goneFindings.some((finding) => finding.pointer.startsWith('/axes/1/objectives/0/rows/0/results'))).toBe(false)
  })
})

describe('letterFollowUp: the previous letter’s requests in the version now assessed', () => {
  const before = examplePlans.crevale2026()
  const beforeReport = evaluatePlan(before, { stage: 'submission' })
  const schedule = beforeReport.findings.find((finding) => finding.pointer === SCHEDULE)!
  const previous = {
    version: 1,
    plan: before,
    report: beforeReport,
    assessedAt: '2026-11-20T15:30:00.000Z',
    assessment: {
      criteria: [],
      recommendation: 'return' as const,
      reasons: 'Trois précisions.',
      findings: [{ fingerprint: fingerprinter(before)(schedule), decision: 'confirm' as const }],
      requests: [
        { id: 'budget', pointer: '/axes/1/objectives/0/rows/0/budget', text: 'Donnez les montants par année.' },
        { id: 'results', pointer: '/axes/0/objectives/0/rows/0/results', text: 'Reliez les résultats aux effets recherchés.' },
        { id: 'means', pointer: '/axes/2/objectives/0/rows/0/actions', text: 'Précisez les moyens.' },
        { id: 'gone', pointer: '/axes/3/objectives/2', text: 'Revoyez cet objectif.' },
      ],
    },
  }
  // The coordinator rewrites the budget, the means and the schedule, removes an objective, leaves the results.
  const after = examplePlans.crevale2026()
  after.axes[1]!.objectives[0]!.rows[0]!.budget = { raw: '4 000 $ en 2026-2027 et 4 000 $ en 2027-2028' } as never
  after.axes[2]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Des moyens précisés.'
  after.axes[3]!.objectives[3]!.rows[0]!.schedule![0]!.years = { raw: 'An 6-7' } as never
  after.axes[3]!.objectives.splice(2, 1)
  const prepared = preparePlan(after, lanaudiere2026)
  const afterReport = evaluatePlan(prepared, { stage: 'submission' })
  // The reviewer asks again about the means, in other words.
  const current = {
    version: 2,
    plan: prepared,
    report: afterReport,
    assessedAt: '2026-12-04T10:00:00.000Z',
    assessment: { ...previous.assessment, findings: [], requests: [{ id: 'means-again', pointer: '/axes/2/objectives/0/rows/0/actions/0/text', text: 'Toujours flou.' }] },
  }
  const seen = letterFollowUp(previous, current, lanaudiere2026)

  it('says addressed for a changed element nobody asks about again, still open for an unchanged one or one asked again, removed for a gone one', () => {
    expect(seen.version).toBe(1)
    expect(seen.assessedAt).toBe('2026-11-20T15:30:00.000Z')
    expect(seen.items.map((item) => [item.label.fr, typeof item.text === 'string' ? item.text : item.text.fr, item.element, item.outcome])).toEqual([
      ['Axe 1, objectif 1 — Résultats (changements souhaités)', 'Reliez les résultats aux effets recherchés.', 'unchanged', 'still-open'],
      ['Axe 2, objectif 1 — Budget', 'Donnez les montants par année.', 'changed', 'addressed'],
      ['Axe 3, objectif 1', 'Précisez les moyens.', 'changed', 'still-open'],
      ['Axe 4, objectif 3', 'Revoyez cet objectif.', 'removed', 'removed'],
      ['Axe 4, objectif 4 — Échéancier', schedule.message.fr, 'changed', 'addressed'],
    ])
  })

  it('keeps a confirmed finding open while the engine still finds it', () => {
    const unchanged = { ...current, plan: before, report: beforeReport, assessment: { ...current.assessment, requests: [] } }
    const again = letterFollowUp(previous, unchanged, lanaudiere2026)
    expect(again.items.find((item) => item.pointer === SCHEDULE)?.outcome).toBe('still-open')
  })
})

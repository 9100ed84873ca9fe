import { examplePlans } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { checkAssessment } from './check.js'
import { draftAssessment } from './draft.js'
import { fingerprinter } from './fingerprint.js'

/** Orders [fingerprint, finding] pairs as the draft groups them: by the first appearance of their fingerprint, stably. */
const byFirstSeen = (entries: ReadonlyArray<{ fingerprint: string }>) => {
  const rank = new Map(entries.map(({ fingerprint }, index) => [fingerprint, index]))
  return (a: [string, unknown], b: [string, unknown]) => rank.get(a[0])! - rank.get(b[0])!
}

describe('draftAssessment', () => {
  it.each(Object.entries(examplePlans))('is a valid assessment of %s as it stands, deciding every error and warning once', (_, make) => {
    const plan = make()
    const report = evaluatePlan(plan, { stage: 'submission' })
    const draft = draftAssessment(plan, report)
    expect(checkAssessment(draft.content, plan, report)).toEqual([])
    // Each finding once, under its fingerprint; findings of one rule and message at one place share one.
    const fingerprintOf = fingerprinter(plan)
    const listed = (entries: typeof draft.confirmed) => entries.flatMap(({ fingerprint, findings }) => findings.map((finding): [string, unknown] => [fingerprint, finding]))
    const paired = (finding: (typeof report.findings)[number]): [string, unknown] => [fingerprintOf(finding), finding]
    expect(listed(draft.confirmed)).toEqual(report.findings.filter((finding) => finding.severity !== 'info').map(paired).sort(byFirstSeen(draft.confirmed)))
    expect(listed(draft.informational)).toEqual(report.findings.filter((finding) => finding.severity === 'info').map(paired).sort(byFirstSeen(draft.informational)))
    expect(draft.content.findings.map((decision) => decision.fingerprint)).toEqual(draft.confirmed.map(({ fingerprint }) => fingerprint))
    expect(draft.content.criteria.map((each) => each.criterion)).toEqual(report.criteria.map((criterion) => criterion.id))
    expect(draft.content.recommendation).toBe(draft.confirmed.length > 0 ? 'return' : 'accept')
  })

  it('suggests the reviewer’s status from the engine’s', () => {
    const plan = examplePlans.crevale2026()
    const report = evaluatePlan(plan, { stage: 'submission' })
    const statuses = Object.fromEntries(draftAssessment(plan, report).content.criteria.map((each) => [each.criterion, each.status]))
    const engine = Object.fromEntries(report.criteria.map((criterion) => [criterion.id, criterion.status]))
    for (const [criterion, status] of Object.entries(engine))
      expect([criterion, statuses[criterion]]).toEqual([criterion, { complete: 'compliant', partial: 'to-clarify', missing: 'non-compliant', not_applicable: 'not-applicable' }[status]])
    expect(Object.values(statuses)).toContain('to-clarify')
  })
})

import { examplePlans } from '@demarche/domain/examples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluatePlan, type Report } from '../index.js'

/**
 * An independent, deliberately plain reimplementation of the documented formula, from the findings alone:
 * every (rule, subject) with a warning or error fails once; score = 100 × Σ w·passed/applicable ÷ Σ w.
 */
function referenceScore(report: Report): number {
  let weighted = 0
  let weights = 0
  for (const criterion of report.criteria) {
    if (criterion.applicable === 0) continue
    const failing = new Set<string>()
    for (const finding of report.findings)
      if (finding.criterion === criterion.id && finding.severity !== 'info') failing.add(finding.ruleId + ' ' + (finding.subject ?? finding.pointer))
    const passed = criterion.applicable - failing.size
    expect(passed, criterion.id).toBe(criterion.passed)
    weighted += (criterion.weight * passed) / criterion.applicable
    weights += criterion.weight
  }
  return weights === 0 ? 100 : Math.round((1000 * weighted) / weights) / 10
}

describe('the completeness score', () => {
  it.each([
    ['2026-2028', examplePlans.crevale2026],
    ['2021', examplePlans.crevale2021],
    ['offre de service', examplePlans.crevaleServiceOffer],
  ])('of the %s seed matches the reference implementation', (_, plan) => {
    const report = evaluatePlan(plan())
    expect(report.score).toBe(referenceScore(report))
  })

  it('matches on damaged plans too', () => {
    const base = examplePlans.crevale2021()
    const rows = base.axes[0]!.objectives.flatMap((objective, o) => objective.rows.map((_, r) => [o, r] as const))
    fc.assert(
      fc.property(fc.subarray(rows), fc.boolean(), (emptied, stripSteps) => {
        const plan = examplePlans.crevale2021()
        for (const [o, r] of emptied) plan.axes[0]!.objectives[o]!.rows[r]!.results = []
        if (stripSteps) plan.preparation.steps = []
        const report = evaluatePlan(plan)
        expect(report.score).toBe(referenceScore(report))
      }),
      { numRuns: 200 },
    )
  })

  it('gives each criterion a status from its counts', () => {
    const report = evaluatePlan(examplePlans.crevale2021())
    for (const criterion of report.criteria) {
      const expected =
        criterion.applicable === 0 ? 'not_applicable' : criterion.passed === criterion.applicable ? 'complete' : criterion.passed === 0 ? 'missing' : 'partial'
      expect(criterion.status, criterion.id).toBe(expected)
    }
    expect(report.criteria.find((criterion) => criterion.id === 'budget')?.status).toBe('not_applicable')
  })
})

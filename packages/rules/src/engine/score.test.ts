import { examplePlans } from '@demarche/domain/examples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluatePlan, explain, type Report } from '../index.js'
import { apportionTenths } from './score.js'

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
        if (stripSteps) plan.preparation!.steps = []
        const report = evaluatePlan(plan)
        expect(report.score).toBe(referenceScore(report))
        expectPartsAddUp(report)
      }),
      { numRuns: 200 },
    )
  })

  it.each([
    ['2026-2028', examplePlans.crevale2026],
    ['2021', examplePlans.crevale2021],
    ['offre de service', examplePlans.crevaleServiceOffer],
  ])('of the %s seed is the sum of the criteria points printed beside it', (_, plan) => {
    const report = evaluatePlan(plan())
    expectPartsAddUp(report)
    const fixed = explain(report, report.findings.map((finding) => finding.id))
    expect(tenths(fixed.criteria.reduce((sum, criterion) => sum + criterion.contributionIfFixed, 0))).toBe(tenths(fixed.scoreIfFixed))
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

/** In tenths, as printed: the criteria's points add up to the score and their shares to 100. */
function expectPartsAddUp(report: Report): void {
  const applicable = report.criteria.some((criterion) => criterion.applicable > 0)
  if (!applicable) return
  expect(tenths(report.criteria.reduce((sum, criterion) => sum + criterion.contribution, 0))).toBe(tenths(report.score))
  expect(tenths(report.criteria.reduce((sum, criterion) => sum + criterion.share, 0))).toBe(1000)
}

function tenths(value: number): number {
  return Math.round(value * 10)
}

describe('rounding to tenths so that the parts add up', () => {
  it('gives the missing tenths to the largest remainders', () => {
    expect(apportionTenths([100 / 3, 100 / 3, 100 / 3])).toEqual([33.4, 33.3, 33.3])
    expect(apportionTenths([12.34, 45.66, 0])).toEqual([12.3, 45.7, 0])
    expect(apportionTenths([])).toEqual([])
    expect(apportionTenths([1.26, 2.24], 34)).toEqual([1.2, 2.2])
  })

  it('never shows a complete criterion below its share, nor a missing one above zero', () => {
    for (const plan of [examplePlans.crevale2026(), examplePlans.crevale2021(), examplePlans.crevaleServiceOffer()])
      for (const criterion of evaluatePlan(plan).criteria) {
        if (criterion.status === 'complete') expect(criterion.contribution, criterion.id).toBe(criterion.share)
        if (criterion.status === 'missing' || criterion.status === 'not_applicable') expect(criterion.contribution, criterion.id).toBe(0)
        if (criterion.status === 'partial') expect(criterion.contribution, criterion.id).toBeLessThanOrEqual(criterion.share)
      }
  })

  it('keeps every value within a tenth of the exact one, and the sum equal to the rounded sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 20 }), (values) => {
        const rounded = apportionTenths(values)
        expect(tenths(rounded.reduce((sum, value) => sum + value, 0))).toBe(Math.round(values.reduce((sum, value) => sum + value, 0) * 10))
        for (const value of rounded) expect(value).toBeGreaterThanOrEqual(0)
        for (const [index, value] of values.entries()) expect(Math.abs(rounded[index]! - value)).toBeLessThan(0.1 + 1e-9)
      }),
      { numRuns: 500 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { evaluatePlan, explain } from '../index.js'
import { without2021Responsibles } from '../rules/cases/support.js'

describe('explain', () => {
  const report = evaluatePlan(without2021Responsibles())

  it('shows each criterion’s contribution, adding up to the score', () => {
    const explanation = explain(report)
    expect(explanation.scoreIfFixed).toBe(report.score)
    const total = explanation.criteria.reduce((sum, criterion) => sum + criterion.contribution, 0)
    expect(Math.abs(total - report.score)).toBeLessThan(0.1 * explanation.criteria.length)
  })

  it('tells what fixing every warning and error would raise the score to', () => {
    const failing = report.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.id)
    expect(explain(report, failing).scoreIfFixed).toBe(100)
  })

  it('counts a subject as regained only when all its findings are fixed', () => {
    const responsible = report.findings.filter((finding) => finding.ruleId === 'row-has-responsible')
    const fixedOne = explain(report, [responsible[0]!.id])
    const fixedAll = explain(report, responsible.map((finding) => finding.id))
    expect(fixedOne.scoreIfFixed).toBeGreaterThan(report.score)
    expect(fixedAll.scoreIfFixed).toBeGreaterThan(fixedOne.scoreIfFixed)
    const criterion = fixedAll.criteria.find((entry) => entry.id === 'responsibility')!
    expect(criterion.contributionIfFixed).toBeGreaterThan(criterion.contribution)
    // Two findings on one subject (a cell with two unknown names): fixing one of them regains nothing.
    const unknown = report.findings.filter((finding) => finding.ruleId === 'names-resolve' && finding.pointer === '/axes/0/objectives/2/rows/1/partners')
    expect(unknown.length).toBeGreaterThan(1)
    expect(explain(report, [unknown[0]!.id]).scoreIfFixed).toBe(report.score)
    expect(explain(report, ['f-not-a-finding']).fixed).toEqual([])
  })
})

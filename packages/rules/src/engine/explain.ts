import Type, { type Static } from 'typebox'
import { CriterionStatus, type Report } from './report.js'
import { apportionTenths, pointsOf } from './score.js'

export const CriterionExplanation = Type.Object(
  {
    id: Type.String(),
    weight: Type.Number({ minimum: 0 }),
    status: CriterionStatus,
    applicable: Type.Integer({ minimum: 0 }),
    passed: Type.Integer({ minimum: 0 }),
    /** Its share of 100 and the points it adds now. */
    share: Type.Number({ minimum: 0, maximum: 100 }),
    contribution: Type.Number({ minimum: 0, maximum: 100 }),
    /** Points it would add once the given findings are fixed. */
    contributionIfFixed: Type.Number({ minimum: 0, maximum: 100, description: 'Points it would add once the given findings are fixed.' }),
  },
  { $id: 'CriterionExplanation', additionalProperties: false },
)
export type CriterionExplanation = Static<typeof CriterionExplanation>

export const Explanation = Type.Object(
  {
    score: Type.Number({ minimum: 0, maximum: 100 }),
    /** The score once the given findings are fixed (equal to `score` when none are given). */
    scoreIfFixed: Type.Number({ minimum: 0, maximum: 100, description: 'The score once the given findings are fixed (equal to score when none are given).' }),
    /** The ids of the given findings that the report holds. */
    fixed: Type.Array(Type.String()),
    criteria: Type.Array(CriterionExplanation),
  },
  { $id: 'Explanation', additionalProperties: false, description: 'Each criterion’s contribution to a report’s score, and what fixing some findings would raise it to.' },
)
export type Explanation = Static<typeof Explanation>

/**
 * Each criterion's contribution to the score, and what fixing a set of findings (by id) would raise it to.
 * A subject passes again when every warning and error its rule reported on it is fixed. Works on the
 * report alone, so a stored report can be explained later.
 */
export function explain(report: Report, fix: readonly string[] = []): Explanation {
  const fixing = new Set(fix)
  const open = new Map<string, { criterion: string; ids: string[] }>()
  for (const finding of report.findings) {
    if (finding.severity === 'info') continue
    const key = `${finding.ruleId}\u0000${finding.subject ?? finding.pointer}`
    const group = open.get(key) ?? { criterion: finding.criterion, ids: [] }
    group.ids.push(finding.id)
    open.set(key, group)
  }
  const regained = new Map<string, number>()
  for (const group of open.values())
    if (group.ids.every((id) => fixing.has(id))) regained.set(group.criterion, (regained.get(group.criterion) ?? 0) + 1)
  const totalWeight = report.criteria.reduce((sum, criterion) => sum + (criterion.applicable > 0 ? criterion.weight : 0), 0)
  const ifFixed = report.criteria.map((criterion) => {
    const passed = Math.min(criterion.applicable, criterion.passed + (regained.get(criterion.id) ?? 0))
    const share = criterion.applicable > 0 && totalWeight > 0 ? (100 * criterion.weight) / totalWeight : 0
    return { applicable: criterion.applicable, passed, share, contribution: criterion.applicable > 0 ? (share * passed) / criterion.applicable : 0 }
  })
  const scoreIfFixed = ifFixed.reduce((sum, { contribution }) => sum + contribution, 0)
  const roundedIfFixed = pointsOf(ifFixed, apportionTenths(ifFixed.map(({ share }) => share)), scoreIfFixed)
  const criteria = report.criteria.map((criterion, index): CriterionExplanation => {
    return {
      id: criterion.id,
      weight: criterion.weight,
      status: criterion.status,
      applicable: criterion.applicable,
      passed: criterion.passed,
      share: criterion.share,
      contribution: criterion.contribution,
      contributionIfFixed: roundedIfFixed[index]!,
    }
  })
  const anyApplicable = report.criteria.some((criterion) => criterion.applicable > 0)
  return {
    score: report.score,
    scoreIfFixed: anyApplicable && totalWeight > 0 && fixing.size > 0 ? Math.round(scoreIfFixed * 10) / 10 : report.score,
    fixed: [...fixing].filter((id) => report.findings.some((finding) => finding.id === id)),
    criteria,
  }
}

import type { CriterionResult, CriterionStatus } from './report.js'
import type { ResolvedCriterion } from './ruleset.js'

/** Per rule: how many subjects it examined, and which of them got a warning or error. */
export interface RuleTally {
  criterion: string
  examined: number
  failed: ReadonlySet<string>
}

/**
 * The completeness score:
 *   ratio(c) = passed(c) / applicable(c)          for each criterion with applicable(c) > 0
 *   score    = 100 × Σ weight(c) × ratio(c) / Σ weight(c)   over those criteria
 * where applicable counts each subject once per rule that examined it, and passed counts those with no
 * warning or error. Informational findings never lower the score. With nothing applicable, score is 100.
 */
export function scoreCriteria(criteria: readonly ResolvedCriterion[], tallies: readonly RuleTally[]): { score: number; results: CriterionResult[] } {
  const counts = new Map<string, { applicable: number; passed: number }>()
  for (const tally of tallies) {
    const count = counts.get(tally.criterion) ?? { applicable: 0, passed: 0 }
    // A rule examines each subject once and reports only on subjects it examined (RuleTester checks both).
    const applicable = Math.max(tally.examined, tally.failed.size)
    count.applicable += applicable
    count.passed += applicable - tally.failed.size
    counts.set(tally.criterion, count)
  }
  const totalWeight = criteria.reduce((sum, criterion) => sum + (counts.get(criterion.id)?.applicable ? criterion.weight : 0), 0)
  let score = 0
  const results = criteria.map((criterion): CriterionResult => {
    const { applicable, passed } = counts.get(criterion.id) ?? { applicable: 0, passed: 0 }
    const share = applicable > 0 && totalWeight > 0 ? (100 * criterion.weight) / totalWeight : 0
    const contribution = applicable > 0 ? (share * passed) / applicable : 0
    score += contribution
    const result: CriterionResult = {
      id: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      status: statusOf(applicable, passed),
      applicable,
      passed,
      contribution: round(contribution),
      share: round(share),
    }
    if (criterion.question) result.question = criterion.question
    return result
  })
  return { score: totalWeight > 0 ? round(score) : 100, results }
}

function statusOf(applicable: number, passed: number): CriterionStatus {
  if (applicable === 0) return 'not_applicable'
  if (passed === applicable) return 'complete'
  return passed === 0 ? 'missing' : 'partial'
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

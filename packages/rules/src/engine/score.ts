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
 * Shares and contributions are rounded to tenths so that they add up to 100 and to the score as printed.
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
  const exact = criteria.map((criterion) => {
    const { applicable, passed } = counts.get(criterion.id) ?? { applicable: 0, passed: 0 }
    const share = applicable > 0 && totalWeight > 0 ? (100 * criterion.weight) / totalWeight : 0
    return { applicable, passed, share, contribution: applicable > 0 ? (share * passed) / applicable : 0 }
  })
  const score = exact.reduce((sum, { contribution }) => sum + contribution, 0)
  const shares = apportionTenths(exact.map(({ share }) => share))
  const contributions = pointsOf(exact, shares, score)
  const results = criteria.map((criterion, index): CriterionResult => {
    const { applicable, passed } = exact[index]!
    const result: CriterionResult = {
      id: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      status: statusOf(applicable, passed),
      applicable,
      passed,
      contribution: contributions[index]!,
      share: shares[index]!,
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

/**
 * The points each criterion adds, in tenths, adding up to the score as printed: a complete criterion adds
 * its whole (rounded) share and a missing one nothing, so a reader never sees "complete, 11.4 / 11.5";
 * the partial ones share what is left.
 */
export function pointsOf(exact: ReadonlyArray<{ applicable: number; passed: number; contribution: number }>, shares: readonly number[], score: number): number[] {
  const points: number[] = exact.map(({ applicable, passed }, index) => (applicable > 0 && passed === applicable ? shares[index]! : 0))
  const partial = exact.flatMap(({ applicable, passed }, index) => (applicable > 0 && passed > 0 && passed < applicable ? [index] : []))
  if (partial.length === 0) return points
  const left = Math.round(score * 10) - Math.round(points.reduce((sum, value) => sum + value, 0) * 10)
  const shared = apportionTenths(partial.map((index) => exact[index]!.contribution), left)
  for (const [at, index] of partial.entries()) points[index] = shared[at]!
  return points
}

/**
 * Rounds each value to tenths so that the rounded values add up to `target` tenths (by default their
 * rounded sum), by the largest remainder method: 33.33 + 33.33 + 33.34 gives 33.4 + 33.3 + 33.3, not
 * 33.3 three times. Tenths are added to the largest remainders first, taken from the smallest first.
 */
export function apportionTenths(values: readonly number[], target = Math.round(values.reduce((sum, value) => sum + value, 0) * 10)): number[] {
  const tenths = values.map((value) => Math.floor(value * 10 + 1e-9))
  let missing = target - tenths.reduce((sum, value) => sum + value, 0)
  const order = values.map((value, index) => ({ index, remainder: value * 10 - tenths[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (let turn = 0; missing !== 0 && order.length > 0; turn++) {
    if (missing > 0) {
      tenths[order[turn % order.length]!.index]! += 1
      missing--
    } else {
      const { index } = order[order.length - 1 - (turn % order.length)]!
      if (tenths[index]! > 0) {
        tenths[index]! -= 1
        missing++
      } else if (tenths.every((value) => value <= 0)) break
    }
  }
  return tenths.map((value) => value / 10)
}

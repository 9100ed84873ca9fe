import Type, { type Static } from 'typebox'

// No $id: a rule's entry names a severity more than once (see report.ts).
export const Severity = Type.Union([Type.Literal('off'), Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')], {
  description: 'A rule’s severity in a rule set; off disables it.',
})
export type Severity = Static<typeof Severity>

/** A finding's severity: an enabled one. */
export const FindingSeverity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')], {
  $id: 'FindingSeverity',
  description: 'A finding’s severity: info never lowers the score, warning and error do.',
})
export type FindingSeverity = Static<typeof FindingSeverity>

const RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 }

export function severityRank(severity: Severity): number {
  return RANK[severity]
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold]
}

/** When a plan is judged: a draft gets the rule set's softer severities. */
export const Stage = Type.Union([Type.Literal('draft'), Type.Literal('submission')], {
  $id: 'Stage',
  description: 'When a plan is judged: a draft gets the rule set’s softer severities.',
})
export type Stage = Static<typeof Stage>

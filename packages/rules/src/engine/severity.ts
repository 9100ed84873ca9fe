import Type, { type Static } from 'typebox'

export const Severity = Type.Union([Type.Literal('off'), Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')])
export type Severity = Static<typeof Severity>
/** A finding's severity: an enabled one. */
export type FindingSeverity = Exclude<Severity, 'off'>

const RANK: Record<Severity, number> = { off: 0, info: 1, warning: 2, error: 3 }

export function severityRank(severity: Severity): number {
  return RANK[severity]
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold]
}

export type Stage = 'draft' | 'submission'

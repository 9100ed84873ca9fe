import type { CriterionStatus, Finding, Report } from '../engine/report.js'
import { fingerprinter } from './fingerprint.js'
import type { AssessmentContent, Recommendation, ReviewerStatus } from './schema.js'

/** The reviewer's status the engine's status of a criterion suggests. */
const SUGGESTED_STATUS: Record<CriterionStatus, ReviewerStatus> = {
  complete: 'compliant',
  partial: 'to-clarify',
  missing: 'non-compliant',
  not_applicable: 'not-applicable',
}

/** A fingerprint of the draft and the findings it names (one rule and message at one place may find several). */
export interface DraftFinding {
  fingerprint: string
  findings: Finding[]
}

export interface AssessmentDraft {
  content: AssessmentContent
  /** The fingerprints confirmed in `content`, in its order: errors and warnings. */
  confirmed: DraftFinding[]
  /** Information findings, left undecided (a letter requests only what is confirmed). */
  informational: DraftFinding[]
}

/**
 * The engine's view of a plan as the first draft of the reviewer's assessment, for the reviewer to correct:
 * each criterion of the grid with the status its findings suggest, every error and warning confirmed (so
 * that the letter requests it unless the reviewer dismisses it), information left undecided, and the
 * recommendation that follows (return while anything is to clarify, accept otherwise). It is valid as it
 * stands (`checkAssessment` finds nothing in it), so a letter can be written from it at once.
 */
export function draftAssessment(plan: unknown, report: Report): AssessmentDraft {
  const fingerprintOf = fingerprinter(plan)
  const byFingerprint = new Map<string, DraftFinding>()
  const confirmed: DraftFinding[] = []
  const informational: DraftFinding[] = []
  for (const finding of report.findings) {
    const fingerprint = fingerprintOf(finding)
    // Findings of one rule and message at one place share a fingerprint: one decision covers them all.
    const known = byFingerprint.get(fingerprint)
    if (known) {
      known.findings.push(finding)
      continue
    }
    const entry = { fingerprint, findings: [finding] }
    byFingerprint.set(fingerprint, entry)
    ;(finding.severity === 'info' ? informational : confirmed).push(entry)
  }
  const criteria = report.criteria.map((criterion) => ({ criterion: criterion.id, status: SUGGESTED_STATUS[criterion.status] }))
  const recommendation: Recommendation = confirmed.length > 0 || criteria.some((each) => each.status === 'to-clarify' || each.status === 'non-compliant') ? 'return' : 'accept'
  return {
    content: {
      criteria,
      recommendation,
      reasons: '',
      findings: confirmed.map(({ fingerprint }) => ({ fingerprint, decision: 'confirm' as const })),
      requests: [],
    },
    confirmed,
    informational,
  }
}

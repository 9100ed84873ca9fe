import type { Finding, Report } from '../engine/report.js'
import { fingerprinter } from './fingerprint.js'
import type { AssessedFinding, DismissedFinding, FindingDecision } from './schema.js'

/** The engine's findings on a plan, each with its fingerprint and the reviewer's decision (`open` if none). */
export function assessFindings(report: Report, plan: unknown, decisions: readonly FindingDecision[]): AssessedFinding[] {
  const fingerprintOf = fingerprinter(plan)
  const byFingerprint = new Map(decisions.map((decision) => [decision.fingerprint, decision]))
  return report.findings.map((finding) => {
    const fingerprint = fingerprintOf(finding)
    const decision = byFingerprint.get(fingerprint)
    return { fingerprint, decision: decision?.decision ?? 'open', ...(decision?.reason !== undefined && { reason: decision.reason }), finding }
  })
}

/**
 * A report as a reviewer's assessment leaves it: the findings it dismissed are taken out (with the reason,
 * in `dismissed`) and the summary counts what is left. A dismissal holds only while the element keeps its
 * text: the fingerprint names the text, so a changed element brings its finding back. Score and criteria
 * stay the engine's: they measure the plan, not the review.
 */
export function withoutDismissed(report: Report, plan: unknown, decisions: readonly FindingDecision[]): { report: Report; dismissed: DismissedFinding[] } {
  const dismissals = new Map(decisions.filter((decision) => decision.decision === 'dismiss').map((decision) => [decision.fingerprint, decision.reason ?? '']))
  if (dismissals.size === 0) return { report, dismissed: [] }
  const fingerprintOf = fingerprinter(plan)
  const kept: Finding[] = []
  const dismissed: DismissedFinding[] = []
  for (const finding of report.findings) {
    const fingerprint = fingerprintOf(finding)
    const reason = dismissals.get(fingerprint)
    if (reason === undefined) kept.push(finding)
    else dismissed.push({ fingerprint, ruleId: finding.ruleId, pointer: finding.pointer, label: finding.label, reason })
  }
  const count = (severity: Finding['severity']) => kept.filter((finding) => finding.severity === severity).length
  return { report: { ...report, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') }, findings: kept }, dismissed }
}

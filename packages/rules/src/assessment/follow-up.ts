import { parsePointer, placeNames, pointerOf, type PlanDocument, type Profile } from '@demarche/domain'
import { canonicalJson } from '../engine/canonical.js'
import { comparePointers } from '../engine/order.js'
import type { Finding, Report } from '../engine/report.js'
import { fingerprinter } from './fingerprint.js'
import type { AssessmentContent, AssessmentFollowUp, ElementChange, LetterFollowUp, PreviousRequestOutcome, RequestFollowUp } from './schema.js'

const idOf = (value: unknown): string | undefined => (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined)

/**
 * Where the element at `pointer` in `before` is in `after`: array items that carry an id (axes, objectives,
 * rows, actions, participants, steps…) are followed by their id, since a resubmitted plan may have rows added
 * or reordered before it; other items by their index. Undefined when the element is gone.
 */
export function relocatePointer(before: unknown, after: unknown, pointer: string): string | undefined {
  const segments: string[] = []
  let old: unknown = before
  let now: unknown = after
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(old) && Array.isArray(now)) {
      const index = Number(segment)
      const item = old[index]
      const id = idOf(item)
      const found = id === undefined ? index : now.findIndex((candidate) => idOf(candidate) === id)
      if (found < 0 || found >= now.length) return undefined
      segments.push(String(found))
      old = item
      now = now[found]
    } else if (old !== null && typeof old === 'object' && now !== null && typeof now === 'object' && !Array.isArray(now)) {
      if (!Object.hasOwn(now, segment)) return undefined
      segments.push(segment)
      old = (old as Record<string, unknown>)[segment]
      now = (now as Record<string, unknown>)[segment]
    } else {
      return undefined
    }
  }
  return pointerOf(...segments)
}

function valueAt(document: unknown, pointer: string): unknown {
  let current = document
  for (const segment of parsePointer(pointer)) current = (current as Record<string, unknown>)[segment]
  return current
}

/** Whether the element a request points to changed between the assessed version and a later one. */
export function elementChange(before: unknown, after: unknown, pointer: string): { now: string | null; element: ElementChange } {
  const now = relocatePointer(before, after, pointer)
  if (now === undefined) return { now: null, element: 'removed' }
  return { now, element: canonicalJson(valueAt(before, pointer)) === canonicalJson(valueAt(after, now)) ? 'unchanged' : 'changed' }
}

/**
 * A later version seen from the assessment: for each request, whether its element changed (named in the
 * later version's words), and the engine findings of the assessed version the later one no longer has — the
 * same rule and message at the same element, followed by ids.
 */
export function followUp(
  assessment: Pick<AssessmentContent, 'requests'>,
  assessed: { version: number; plan: PlanDocument; report: Report },
  later: { version: number; plan: PlanDocument; report: Report },
  profile: Profile,
): AssessmentFollowUp {
  const names = placeNames(later.plan, profile)
  const before = placeNames(assessed.plan, profile)
  const requests: RequestFollowUp[] = assessment.requests.map((request) => {
    const change = elementChange(assessed.plan, later.plan, request.pointer)
    return { id: request.id, pointer: request.pointer, ...change, label: change.now === null ? before.labelOf(request.pointer) : names.labelOf(change.now) }
  })
  const remaining = new Set(later.report.findings.map(findingKey))
  const goneFindings = assessed.report.findings.filter((finding) => {
    const now = relocatePointer(assessed.plan, later.plan, finding.pointer)
    return now === undefined || !remaining.has(findingKey({ ...finding, pointer: now }))
  })
  return { version: later.version, requests, goneFindings }
}

const findingKey = (finding: Pick<Finding, 'ruleId' | 'messageId' | 'pointer'>) => `${finding.ruleId}\u0000${finding.messageId}\u0000${finding.pointer}`

/** One round of review: a version of the plan, its submission-stage report and the assessment of it. */
export interface AssessedRound {
  version: number
  plan: PlanDocument
  report: Report
  assessment: AssessmentContent
  /** When the assessment was last revised (ISO 8601). */
  assessedAt: string
}

/**
 * What became of each thing the previous letter asked — the reviewer's requests and the engine findings it
 * confirmed — in the version now assessed, in the order of the form. The element is followed by its ids
 * (`relocatePointer`); the new assessment has the last word: a request or a confirmed finding at the same
 * element (or inside it) means the reviewer asks again, so it is still open even if the element changed.
 */
export function letterFollowUp(previous: AssessedRound, current: AssessedRound, profile: Profile): LetterFollowUp {
  const seen = followUp(previous.assessment, previous, current, profile)
  const before = placeNames(previous.plan, profile)
  const names = placeNames(current.plan, profile)
  const fingerprintOf = fingerprinter(current.plan)
  const confirmedNow = new Set(current.assessment.findings.filter((decision) => decision.decision === 'confirm').map((decision) => decision.fingerprint))
  const askedAt = [
    ...current.assessment.requests.map((request) => request.pointer),
    ...current.report.findings.filter((finding) => confirmedNow.has(fingerprintOf(finding))).map((finding) => finding.pointer),
  ]
  const askedAgain = (now: string) => askedAt.some((pointer) => pointer === now || pointer.startsWith(`${now}/`))
  const outcomeOf = (now: string | null, fixed: boolean): PreviousRequestOutcome['outcome'] =>
    now === null ? 'removed' : fixed && !askedAgain(now) ? 'addressed' : 'still-open'
  const label = (pointer: string, now: string | null) => (now === null ? before.labelOf(pointer) : names.labelOf(now))

  const confirmedBefore = new Set(previous.assessment.findings.filter((decision) => decision.decision === 'confirm').map((decision) => decision.fingerprint))
  const previousFingerprint = fingerprinter(previous.plan)
  const gone = new Set(seen.goneFindings.map(findingKey))
  // As the letter lists them at an element: the confirmed findings first, then the reviewer's requests.
  const items: PreviousRequestOutcome[] = []
  for (const finding of previous.report.findings) {
    if (!confirmedBefore.has(previousFingerprint(finding))) continue
    const change = elementChange(previous.plan, current.plan, finding.pointer)
    items.push({ pointer: finding.pointer, now: change.now, label: label(finding.pointer, change.now), text: finding.message, element: change.element, outcome: outcomeOf(change.now, gone.has(findingKey(finding))) })
  }
  for (const request of seen.requests)
    items.push({
      pointer: request.pointer,
      now: request.now,
      label: request.label,
      text: previous.assessment.requests.find((each) => each.id === request.id)!.text,
      element: request.element,
      outcome: outcomeOf(request.now, request.element === 'changed'),
    })
  // In the order of the form as it is now; what was removed, where it was.
  items.sort((a, b) => comparePointers(a.now ?? a.pointer, b.now ?? b.pointer))
  return { version: previous.version, assessedAt: previous.assessedAt, items }
}

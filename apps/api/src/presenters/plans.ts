import type { Profile } from '@demarche/domain'
import type { comments, evaluations, plans, transitions } from '../db/schema/index.js'
import type { TransitionName } from '../workflow.js'
import { fiscalYearLabel } from '../years.js'

type PlanRow = typeof plans.$inferSelect
type SummaryRow = Omit<PlanRow, 'document'> & { document?: unknown }

/** A plan without its document, as lists and workflow steps give it; `profiles`: those the service knows (for the fiscal years). */
export function summaryOf(row: SummaryRow, profiles: readonly Profile[]) {
  return {
    id: row.id,
    chantierId: row.chantierId,
    programmeId: row.programmeId,
    profileId: row.profileId,
    status: row.status,
    title: row.title,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    firstFiscalYear: fiscalYearLabel(row.profileId, row.firstYear, profiles),
    lastFiscalYear: fiscalYearLabel(row.profileId, row.lastYear, profiles),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A plan as the API gives it: its summary and its document. */
export function resourceOf(row: PlanRow, profiles: readonly Profile[]) {
  return { ...summaryOf(row, profiles), document: row.document }
}

/** Names one saved state of a plan (plus what was made of it): a state never changes once saved. */
export function savedStateKey(row: Pick<PlanRow, 'id' | 'version' | 'status' | 'updatedAt'>, ...variant: string[]): string {
  return [row.id, row.version, row.status, row.updatedAt.getTime(), ...variant].join('\u0000')
}

/**
 * Names the plan's current state: version, status, and the time of its last change, since a workflow
 * round trip (deposited → returned → deposited) comes back to the same version and status.
 */
export function etagOf(row: Pick<PlanRow, 'version' | 'status' | 'updatedAt'>): string {
  return `"v${row.version}-${row.status}-${row.updatedAt.getTime().toString(36)}"`
}

export function versionOf(row: { version: number; hash: string; savedBy: string; savedAt: Date }) {
  return { version: row.version, hash: row.hash, savedBy: row.savedBy, savedAt: row.savedAt.toISOString() }
}

export function transitionOf(row: typeof transitions.$inferSelect) {
  return { name: row.name as TransitionName, from: row.fromStatus, to: row.toStatus, version: row.version, actor: row.actor, reason: row.reason, at: row.at.toISOString() }
}

export function commentOf(row: typeof comments.$inferSelect) {
  return {
    id: row.id,
    version: row.version,
    pointer: row.pointer,
    body: row.body,
    author: row.author,
    replyTo: row.replyTo,
    resolved: row.resolvedAt !== null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    createdAt: row.createdAt.toISOString(),
  }
}

export function evaluationOf(row: typeof evaluations.$inferSelect) {
  return { id: row.id, planId: row.planId, version: row.version, ruleSet: `${row.ruleSetId}@${row.ruleSetVersion}`, stage: row.stage, score: row.score, createdAt: row.createdAt.toISOString(), report: row.report }
}

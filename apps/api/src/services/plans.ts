import { newId, type PlanDocument, validatePlan } from '@demarche/domain'
import { evaluatePlan, type Report } from '@demarche/rules'
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import fastJsonPatch, { type Operation } from 'fast-json-patch'
import type { Database } from '../db/client.js'
import { chantiers, comments, evaluations, plans, planVersions, transitions } from '../db/schema/index.js'
import { AppError, forbidden, notFound } from '../errors.js'
import type { Principal } from '../plugins/auth.js'
import { EDITABLE, type PlanStatus, type TransitionName, WORKFLOW } from '../workflow.js'
import { actorOf, audit, hashOf } from './audit.js'
import { SummaryCache } from './summary-cache.js'

type PlanRow = typeof plans.$inferSelect

/** Database timestamps as ISO 8601 (UTC). */
export function iso(value: string): string {
  return new Date(value.includes('T') ? value : value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString()
}

export function summaryOf(row: Omit<PlanRow, 'document'> & { document?: unknown }) {
  const { document: _document, ...summary } = row
  return { ...summary, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) }
}

/** A plan as the API gives it: its summary and its document. */
export function resourceOf(row: PlanRow) {
  return { ...summaryOf(row), document: row.document }
}

/** Names one saved state of a plan (plus what was made of it): a state never changes once saved. */
export function savedStateKey(row: Pick<PlanRow, 'id' | 'version' | 'status' | 'updatedAt'>, ...variant: string[]): string {
  return [row.id, row.version, row.status, row.updatedAt, ...variant].join('\u0000')
}

/**
 * Names the plan's current state: version, status, and the time of its last change, since a workflow
 * round trip (deposited → returned → deposited) comes back to the same version and status.
 */
export function etagOf(row: Pick<PlanRow, 'version' | 'status' | 'updatedAt'>): string {
  return `"v${row.version}-${row.status}-${Date.parse(iso(row.updatedAt)).toString(36)}"`
}

/** Whether the caller may see a plan: staff see all; coordinators their chantiers; everyone accepted plans. */
export function canSee(principal: Principal, row: Pick<PlanRow, 'chantierId' | 'status'>): boolean {
  if (principal.role === 'admin' || principal.role === 'reviewer') return true
  if (row.status === 'accepted') return true
  return principal.role === 'coordinator' && principal.chantierIds.includes(row.chantierId)
}

function canEdit(principal: Principal, row: Pick<PlanRow, 'chantierId'>): boolean {
  return principal.role === 'admin' || (principal.role === 'coordinator' && principal.chantierIds.includes(row.chantierId))
}

function invalidPlan(issues: ReturnType<typeof validatePlan>['issues']) {
  return new AppError(422, 'invalid-plan', { fr: 'Le document n’est pas un plan valide de son profil.', en: 'The document is not a valid plan of its profile.' }, {
    errors: issues.map((issue) => ({ in: 'body', pointer: `/document${issue.pointer}`, code: issue.code, message: issue.message })),
  })
}

const { document: _document, ...summaryColumns } = getTableColumns(plans)

export class PlansService {
  // Every read of a plan or its documents starts with this query: prepared once, it skips
  // parsing and planning per request (about a third of its cost on PGlite).
  private readonly summaryById
  private readonly summaries: SummaryCache<Omit<PlanRow, 'document'>>

  /** `ownsDatabase`: no other process writes to it (embedded PGlite), so summaries can be kept in memory. */
  constructor(
    private readonly db: Database,
    options: { ownsDatabase?: boolean } = {},
  ) {
    this.summaryById = db.select(summaryColumns).from(plans).where(eq(plans.id, sql.placeholder('id'))).limit(1).prepare('plan_summary_by_id')
    this.summaries = new SummaryCache(options.ownsDatabase === true)
  }

  /** Runs a write to one plan, with its kept summary forgotten before and after. */
  private async writing<T>(id: string, write: () => Promise<T>): Promise<T> {
    this.summaries.forget(id)
    try {
      return await write()
    } finally {
      this.summaries.forget(id)
    }
  }

  async get(principal: Principal, id: string): Promise<PlanRow> {
    const [row] = await this.db.select().from(plans).where(eq(plans.id, id)).limit(1)
    // A plan the caller may not see does not exist for them: 404, not 403, so nothing leaks.
    if (!row || !canSee(principal, row)) throw notFound('Plan')
    return row
  }

  async list(principal: Principal, filters: { chantierId?: string; programmeId?: string; status?: PlanStatus; firstYear?: number; lastYear?: number; cursor?: string; limit: number }) {
    const conditions: SQL[] = []
    if (filters.chantierId) conditions.push(eq(plans.chantierId, filters.chantierId))
    if (filters.programmeId) conditions.push(eq(plans.programmeId, filters.programmeId))
    if (filters.status) conditions.push(eq(plans.status, filters.status))
    if (filters.firstYear !== undefined) conditions.push(eq(plans.firstYear, filters.firstYear))
    if (filters.lastYear !== undefined) conditions.push(eq(plans.lastYear, filters.lastYear))
    if (principal.role === 'anonymous') conditions.push(eq(plans.status, 'accepted'))
    if (principal.role === 'coordinator') {
      const visible = principal.chantierIds.length > 0 ? or(eq(plans.status, 'accepted'), inArray(plans.chantierId, [...principal.chantierIds])) : eq(plans.status, 'accepted')
      conditions.push(visible!)
    }
    const cursor = decodeCursor(filters.cursor)
    if (cursor) conditions.push(or(lt(plans.createdAt, cursor.createdAt), and(eq(plans.createdAt, cursor.createdAt), lt(plans.id, cursor.id)))!)
    // The list never reads documents: only the summary columns, on the (created_at, id) index.
    const rows = await this.db
      .select(summaryColumns)
      .from(plans)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(plans.createdAt), desc(plans.id))
      .limit(filters.limit + 1)
    const page = rows.slice(0, filters.limit)
    const last = page.at(-1)
    return { items: page.map(summaryOf), nextCursor: rows.length > filters.limit && last ? encodeCursor(last) : null }
  }

  /** A plan's summary (no document), after the same visibility check as `get`. */
  async head(principal: Principal, id: string) {
    const row = await this.summaries.read(id, async () => (await this.summaryById.execute({ id }))[0])
    if (!row || !canSee(principal, row)) throw notFound('Plan')
    return row
  }

  async create(principal: Principal, chantierId: string, document: PlanDocument): Promise<PlanRow> {
    const [chantier] = await this.db.select().from(chantiers).where(eq(chantiers.id, chantierId)).limit(1)
    if (!chantier) throw new AppError(422, 'unknown-chantier', { fr: 'Chantier inconnu.', en: 'Unknown chantier.' })
    if (!canEdit(principal, { chantierId })) throw forbidden()
    const validation = validatePlan(document)
    if (!validation.ok) throw invalidPlan(validation.issues)
    const [existing] = await this.db.select({ id: plans.id }).from(plans).where(eq(plans.id, document.id)).limit(1)
    if (existing) throw new AppError(409, 'plan-exists', { fr: 'Un plan porte déjà cet identifiant.', en: 'A plan with this id already exists.' })
    return this.writing(document.id, () => this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(plans)
        .values({
          id: document.id,
          chantierId,
          programmeId: chantier.programmeId,
          profileId: document.profile.id,
          status: 'draft',
          title: document.metadata.title,
          firstYear: document.metadata.period?.firstYear ?? null,
          lastYear: document.metadata.period?.lastYear ?? null,
          version: 1,
          document,
        })
        .returning()
      await tx.insert(planVersions).values({ planId: document.id, version: 1, document, hash: hashOf(document)!, savedBy: actorOf(principal) })
      await audit(tx, principal, 'plan.create', `plans/${document.id}`, undefined, document)
      return row!
    }))
  }

  /** Saves a new state of the plan when `ifMatch` is its current ETag; otherwise nothing is written (412). */
  async replace(principal: Principal, id: string, document: PlanDocument, ifMatch: string | undefined): Promise<PlanRow> {
    const current = await this.get(principal, id)
    if (!canEdit(principal, current)) throw forbidden()
    if (!EDITABLE.includes(current.status))
      throw new AppError(409, 'not-editable', { fr: `Un plan « ${current.status} » ne se modifie plus.`, en: `A plan in status "${current.status}" can no longer be changed.` })
    if (ifMatch === undefined) throw new AppError(428, 'precondition-required', { fr: 'En-tête If-Match requis.', en: 'If-Match header required.' })
    if (ifMatch !== etagOf(current)) throw stale()
    if (document.id !== id) throw new AppError(422, 'id-mismatch', { fr: 'L’identifiant du document ne correspond pas au plan.', en: 'The document id does not match the plan.' })
    const validation = validatePlan(document)
    if (!validation.ok) throw invalidPlan(validation.issues)
    return this.writing(id, () => this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(plans)
        .set({
          document,
          title: document.metadata.title,
          firstYear: document.metadata.period?.firstYear ?? null,
          lastYear: document.metadata.period?.lastYear ?? null,
          version: current.version + 1,
          updatedAt: new Date().toISOString(),
        })
        .where(and(eq(plans.id, id), eq(plans.version, current.version), eq(plans.status, current.status)))
        .returning()
      // Another write came in between the read and this update: refuse this one rather than overwrite it.
      if (!row) throw stale()
      await tx.insert(planVersions).values({ planId: id, version: row.version, document, hash: hashOf(document)!, savedBy: actorOf(principal) })
      await audit(tx, principal, 'plan.update', `plans/${id}`, current.document, document)
      return row
    }))
  }

  async patch(principal: Principal, id: string, operations: Operation[], ifMatch: string | undefined): Promise<PlanRow> {
    const current = await this.get(principal, id)
    let document: PlanDocument
    try {
      document = fastJsonPatch.applyPatch(structuredClone(current.document), operations, true, false).newDocument
    } catch (error) {
      throw new AppError(422, 'invalid-patch', { fr: 'Le correctif JSON ne s’applique pas au plan.', en: 'The JSON Patch does not apply to the plan.' }, { detail: (error as Error).message.split('\n')[0] })
    }
    return this.replace(principal, id, document, ifMatch)
  }

  async versions(principal: Principal, id: string) {
    await this.get(principal, id)
    const rows = await this.db
      .select({ version: planVersions.version, hash: planVersions.hash, savedBy: planVersions.savedBy, savedAt: planVersions.savedAt })
      .from(planVersions)
      .where(eq(planVersions.planId, id))
      .orderBy(asc(planVersions.version))
    return rows.map((row) => ({ ...row, savedAt: iso(row.savedAt) }))
  }

  async version(principal: Principal, id: string, version: number): Promise<PlanDocument> {
    await this.get(principal, id)
    const [row] = await this.db.select().from(planVersions).where(and(eq(planVersions.planId, id), eq(planVersions.version, version))).limit(1)
    if (!row) throw notFound('Version')
    return row.document
  }

  /** Moves a plan along the workflow; a deposit or resubmission with submission errors is refused with its report. */
  async transition(principal: Principal, id: string, name: TransitionName, reason: string | undefined): Promise<{ row: PlanRow; report?: Report }> {
    const current = await this.get(principal, id)
    const step = WORKFLOW[name]
    if (principal.role === 'anonymous' || !step.by.includes(principal.role)) throw forbidden()
    if (principal.role === 'coordinator' && !canEdit(principal, current)) throw forbidden()
    if (!step.from.includes(current.status))
      throw new AppError(409, 'invalid-transition', { fr: `« ${name} » n’est pas possible depuis « ${current.status} ».`, en: `"${name}" is not possible from "${current.status}".` }, { status_: current.status })
    let report: Report | undefined
    if (name === 'deposit' || name === 'resubmit') {
      report = evaluatePlan(current.document, { stage: 'submission' })
      if (report.summary.errors > 0)
        throw new AppError(422, 'submission-has-errors', { fr: 'Le plan a des erreurs à corriger avant le dépôt.', en: 'The plan has errors to fix before it is deposited.' }, { report })
    }
    if ((name === 'return' || name === 'refuse') && !reason?.trim())
      throw new AppError(422, 'reason-required', { fr: 'Une raison est requise.', en: 'A reason is required.' })
    const row = await this.writing(id, () => this.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(plans)
        .set({ status: step.to, updatedAt: new Date().toISOString() })
        .where(and(eq(plans.id, id), eq(plans.status, current.status), eq(plans.version, current.version)))
        .returning()
      if (!updated) throw stale()
      await tx.insert(transitions).values({ planId: id, name, fromStatus: current.status, toStatus: step.to, version: current.version, actor: actorOf(principal), reason: reason ?? null })
      if (report) await tx.insert(evaluations).values({ id: newId('ev'), planId: id, version: current.version, ruleSetId: report.ruleSet.id, ruleSetVersion: report.ruleSet.version, stage: report.stage, score: report.score, report, createdBy: actorOf(principal) })
      await audit(tx, principal, `plan.${name}`, `plans/${id}`, { status: current.status }, { status: step.to })
      return updated
    }))
    return { row, ...(report && { report }) }
  }

  async history(principal: Principal, id: string) {
    await this.get(principal, id)
    const rows = await this.db.select().from(transitions).where(eq(transitions.planId, id)).orderBy(asc(transitions.id))
    return rows.map((row) => ({ name: row.name as TransitionName, from: row.fromStatus, to: row.toStatus, version: row.version, actor: row.actor, reason: row.reason, at: iso(row.at) }))
  }

  async comment(principal: Principal, id: string, pointer: string, body: string) {
    const plan = await this.get(principal, id)
    const allowed = principal.role === 'admin' || principal.role === 'reviewer' || (principal.role === 'coordinator' && canEdit(principal, plan))
    if (!allowed) throw forbidden()
    const [row] = await this.db.insert(comments).values({ id: newId('cm'), planId: id, version: plan.version, pointer, body, author: actorOf(principal) }).returning()
    await audit(this.db, principal, 'comment.create', `plans/${id}/comments/${row!.id}`, undefined, { pointer, body })
    return commentOf(row!)
  }

  async comments(principal: Principal, id: string) {
    await this.get(principal, id)
    const rows = await this.db.select().from(comments).where(eq(comments.planId, id)).orderBy(asc(comments.createdAt), asc(comments.id))
    return rows.map(commentOf)
  }

  async evaluate(principal: Principal, id: string, options: { ruleSet?: string; stage?: 'draft' | 'submission' }) {
    const plan = await this.get(principal, id)
    if (principal.role === 'anonymous') throw forbidden()
    const report = evaluatePlan(plan.document, { ...(options.ruleSet && { ruleSet: options.ruleSet }), stage: options.stage ?? 'submission' })
    const [row] = await this.db
      .insert(evaluations)
      .values({ id: newId('ev'), planId: id, version: plan.version, ruleSetId: report.ruleSet.id, ruleSetVersion: report.ruleSet.version, stage: report.stage, score: report.score, report, createdBy: actorOf(principal) })
      .returning()
    await audit(this.db, principal, 'evaluation.create', `plans/${id}/evaluations/${row!.id}`, undefined, { score: report.score })
    return row!
  }

  async evaluations(principal: Principal, id: string) {
    await this.get(principal, id)
    return this.db.select().from(evaluations).where(eq(evaluations.planId, id)).orderBy(desc(evaluations.createdAt), desc(evaluations.id))
  }
}

function stale() {
  return new AppError(412, 'precondition-failed', { fr: 'Le plan a changé depuis votre lecture (ETag périmé) : rien n’a été écrit.', en: 'The plan changed since you read it (stale ETag): nothing was written.' })
}

function encodeCursor(row: Pick<PlanRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt}|${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt))) throw new AppError(400, 'invalid-cursor', { fr: 'Curseur de pagination invalide.', en: 'Invalid pagination cursor.' })
  return { createdAt, id }
}

function commentOf(row: typeof comments.$inferSelect) {
  return { id: row.id, version: row.version, pointer: row.pointer, body: row.body, author: row.author, resolved: row.resolved, createdAt: iso(row.createdAt) }
}

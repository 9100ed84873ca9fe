import { newId, type PlanDocument, type Profile, profileRef, validatePlan } from '@demarche/domain'
import type { Report } from '@demarche/rules'
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Operation } from 'fast-json-patch'
import { type Cursor, decodeCursor, encodeCursor } from '../cursor.js'
import type { Database } from '../db/client.js'
import { chantiers, comments, evaluations, plans, planVersions, programmes, transitions } from '../db/schema/index.js'
import { AppError, notFound } from '../errors.js'
import { applyJsonPatch } from '../json-patch.js'
import type { Principal } from '../plugins/auth.js'
import { authorize, may, readablePlans } from '../policy.js'
import { etagOf } from '../presenters/plans.js'
import { assertEditable, assertReason, nextStatus, type PlanStatus, SUBMITS, type TransitionName } from '../workflow.js'
import { yearFilter } from '../years.js'
import type { Registry } from './registry.js'
import { actorOf, audit, hashOf } from './audit.js'
import { SummaryCache } from './summary-cache.js'

export type PlanRow = typeof plans.$inferSelect
/**
 * Evaluates a plan document with the rule set named (always named: the caller decides it, see
 * `PlansService.ruleSetOf`); the service's work pool gives one that runs off the event loop.
 */
export type Evaluator = (document: unknown, options: { ruleSet?: string; stage?: 'draft' | 'submission' }) => Promise<Report>
export type PlanSummaryRow = Omit<PlanRow, 'document'>

export interface PlanFilters {
  chantierId?: string
  programmeId?: string
  status?: PlanStatus
  /** As a reviewer writes it: "An 6", "2026-2027" or "2026" (`years.ts`). */
  firstYear?: string
  lastYear?: string
  cursor?: string
  limit: number
}

/**
 * Where a plan's issues point: into the request body's `document`, or — for a JSON Patch — into the plan
 * the patch would make, with the pointers the patch's own `path`s use (`/axes/0`, not `/document/axes/0`).
 */
type PlanSource = 'body' | 'patched'

function invalidPlan(issues: ReturnType<typeof validatePlan>['issues'], source: PlanSource = 'body') {
  const title =
    source === 'body'
      ? { fr: 'Le document n’est pas un plan valide de son profil.', en: 'The document is not a valid plan of its profile.' }
      : { fr: 'Le correctif JSON ferait un plan non valide pour son profil : rien n’a été écrit.', en: 'The JSON Patch would make a plan that is not valid for its profile: nothing was written.' }
  return new AppError('invalid-plan', title, {
    errors: issues.map((issue) => ({
      ...(source === 'body' ? { in: 'body', pointer: `/document${issue.pointer}` } : { in: 'document', pointer: issue.pointer }),
      code: issue.code,
      message: issue.message,
    })),
  })
}

function stale() {
  return new AppError('precondition-failed', { fr: 'Le plan a changé depuis votre lecture (ETag périmé) : rien n’a été écrit.', en: 'The plan changed since you read it (stale ETag): nothing was written.' })
}

const { document: _document, ...summaryColumns } = getTableColumns(plans)

/** The list's position, compared in the database's own precision (see `cursor.ts`). */
function after(cursor: Cursor): SQL {
  return or(sql`${plans.createdAt} < ${cursor.createdAt}::timestamptz`, and(sql`${plans.createdAt} = ${cursor.createdAt}::timestamptz`, lt(plans.id, cursor.id)))!
}

/**
 * Plans, their saved states, workflow, comments and evaluations: the SQL and the transactions. Asks the
 * policy who may do what, the workflow where a plan may go, and throws coded errors (no HTTP here).
 */
export class PlansService {
  // Every read of a plan or its documents starts with this query: prepared once, it skips
  // parsing and planning per request (about a third of its cost on PGlite).
  private readonly summaryById
  private readonly summaries: SummaryCache<PlanSummaryRow>
  private readonly maxDocumentBytes: number
  private readonly evaluatePlan: Evaluator
  /** Each programme's rule set, once read (programmes are never changed through the API). */
  private readonly programmeRuleSets = new Map<string, string | null>()

  /**
   * `registry`: the profiles and rule sets plans may name, built-in and registered.
   * `ownsDatabase`: no other process writes to it (embedded PGlite), so summaries can be kept in memory.
   * `maxDocumentBytes`: the largest plan a patch may make (the body limit: what could be sent whole).
   * `evaluate`: how evaluations are made (default: on the caller's thread, with the registry's engine).
   */
  constructor(
    private readonly db: Database,
    readonly registry: Registry,
    options: { ownsDatabase?: boolean; maxDocumentBytes?: number; evaluate?: Evaluator } = {},
  ) {
    this.evaluatePlan = options.evaluate ?? (async (document, evaluateOptions) => registry.engine().evaluate(document, evaluateOptions))
    this.maxDocumentBytes = options.maxDocumentBytes ?? 5 * 1024 * 1024
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
    if (!row || !may(principal, 'plan.read', row)) throw notFound('Plan')
    await this.registry.knowProfileIds([row.profileId])
    return row
  }

  /**
   * The rule set a stored plan is evaluated with when none is asked for: its programme's, if the programme
   * names one; otherwise the engine's choice for the plan's profile (see `Registry.forPlan`).
   */
  async ruleSetOf(plan: Pick<PlanRow, 'programmeId'>, asked?: string): Promise<string | undefined> {
    if (asked !== undefined) return asked
    let ruleSet = this.programmeRuleSets.get(plan.programmeId)
    if (ruleSet === undefined) {
      const [row] = await this.db.select({ ruleSet: programmes.ruleSet }).from(programmes).where(eq(programmes.id, plan.programmeId)).limit(1)
      ruleSet = row?.ruleSet ?? null
      this.programmeRuleSets.set(plan.programmeId, ruleSet)
    }
    return ruleSet ?? undefined
  }

  /** A stored plan's report: with the rule set asked for, else its programme's (`ruleSetOf`). */
  async report(plan: Pick<PlanRow, 'programmeId'>, document: unknown, options: { ruleSet?: string; stage?: 'draft' | 'submission' }): Promise<Report> {
    const ruleSet = await this.ruleSetOf(plan, options.ruleSet)
    return this.evaluatePlan(document, { ...(ruleSet && { ruleSet }), ...(options.stage && { stage: options.stage }) })
  }

  /** The plan, once the caller may read its review trail (saved states, steps, comments, evaluations). */
  private async trail(principal: Principal, id: string): Promise<PlanRow> {
    const row = await this.get(principal, id)
    authorize(principal, 'plan.read-trail', row)
    return row
  }

  async list(principal: Principal, filters: PlanFilters): Promise<{ items: PlanSummaryRow[]; nextCursor: string | null }> {
    const conditions: SQL[] = []
    if (filters.chantierId) conditions.push(eq(plans.chantierId, filters.chantierId))
    if (filters.programmeId) conditions.push(eq(plans.programmeId, filters.programmeId))
    if (filters.status) conditions.push(eq(plans.status, filters.status))
    for (const [bound, column] of [['first', plans.firstYear], ['last', plans.lastYear]] as const) {
      const text = bound === 'first' ? filters.firstYear : filters.lastYear
      if (text === undefined) continue
      const match = yearFilter(text, bound, `${bound}Year`, this.registry.profiles())
      conditions.push('planYear' in match ? eq(column, match.planYear) : or(...match.byProfile.map((each) => and(eq(plans.profileId, each.profileId), eq(column, each.planYear))))!)
    }
    const readable = readablePlans(principal)
    if (!readable.all) conditions.push(readable.chantierIds.length > 0 ? or(eq(plans.status, 'accepted'), inArray(plans.chantierId, [...readable.chantierIds]))! : eq(plans.status, 'accepted'))
    const cursor = decodeCursor(filters.cursor)
    if (cursor) conditions.push(after(cursor))
    // The list never reads documents: only the summary columns, on the (created_at, id) index.
    const rows = await this.db
      .select({ ...summaryColumns, cursorAt: sql<string>`${plans.createdAt}::text` })
      .from(plans)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(plans.createdAt), desc(plans.id))
      .limit(filters.limit + 1)
    const page = rows.slice(0, filters.limit)
    await this.registry.knowProfileIds(new Set(page.map((row) => row.profileId)))
    const last = page.at(-1)
    return { items: page, nextCursor: rows.length > filters.limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null }
  }

  /** A plan's summary (no document), after the same visibility check as `get`. */
  async head(principal: Principal, id: string): Promise<PlanSummaryRow> {
    const row = await this.summaries.read(id, async () => (await this.summaryById.execute({ id }))[0])
    if (!row || !may(principal, 'plan.read', row)) throw notFound('Plan')
    return row
  }

  /**
   * Creates a draft under an id the service assigns (`plan-` and 8 random characters), written into the
   * document's `id`. Ids are global: a client-chosen id taken by a plan the caller may not read would have
   * had to be refused, and the refusal would tell that the hidden plan exists. An assigned id never meets
   * another plan's, so creating a plan says nothing about the others.
   */
  async create(principal: Principal, chantierId: string, sent: PlanDocument): Promise<PlanRow> {
    const [chantier] = await this.db.select().from(chantiers).where(eq(chantiers.id, chantierId)).limit(1)
    if (!chantier) throw new AppError('unknown-chantier', { fr: 'Chantier inconnu.', en: 'Unknown chantier.' })
    authorize(principal, 'plan.create', { chantierId })
    const validation = validatePlan(sent, { profiles: await this.registry.profilesFor(sent) })
    if (!validation.ok) throw invalidPlan(validation.issues)
    await this.assertProgrammeProfile(chantier.programmeId, validation.profile)
    const id = newId('plan')
    const document: PlanDocument = { ...sent, id }
    return this.writing(id, () =>
      this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(plans)
          .values({
            id,
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
        await tx.insert(planVersions).values({ planId: id, version: 1, document, hash: hashOf(document)!, savedBy: actorOf(principal) })
        await audit(tx, principal, 'plan.create', `plans/${id}`, undefined, document)
        return row!
      }),
    )
  }

  /** A programme that names its profile takes plans of that profile only (`id@version`). */
  private async assertProgrammeProfile(programmeId: string, profile: Pick<Profile, 'id' | 'version'>): Promise<void> {
    const [programme] = await this.db.select({ profile: programmes.profile }).from(programmes).where(eq(programmes.id, programmeId)).limit(1)
    const expected = programme?.profile
    if (!expected || expected === profileRef(profile)) return
    throw new AppError(
      'wrong-profile',
      { fr: `Ce programme reçoit des plans du profil «\u00a0${expected}\u00a0», pas «\u00a0${profileRef(profile)}\u00a0».`, en: `This programme takes plans of profile "${expected}", not "${profileRef(profile)}".` },
      { errors: [{ in: 'body', pointer: '/document/profile', code: 'wrong-profile', message: { fr: `Profil attendu\u00a0: ${expected}.`, en: `Expected profile: ${expected}.` } }] },
    )
  }

  /**
   * The plan as it is, once the caller may change it, its status allows a change and `ifMatch` is its
   * current ETag: everything an update is refused for is checked here, before anything is computed.
   */
  private async editable(principal: Principal, id: string, ifMatch: string | undefined): Promise<PlanRow> {
    const current = await this.get(principal, id)
    authorize(principal, 'plan.update', current)
    assertEditable(current.status)
    if (ifMatch === undefined) throw new AppError('precondition-required', { fr: 'En-tête If-Match requis.', en: 'If-Match header required.' })
    if (ifMatch !== etagOf(current)) throw stale()
    return current
  }

  /** Saves a new state of the plan when `ifMatch` is its current ETag; otherwise nothing is written (412). */
  async replace(principal: Principal, id: string, document: PlanDocument, ifMatch: string | undefined): Promise<PlanRow> {
    return this.save(principal, await this.editable(principal, id, ifMatch), document)
  }

  /**
   * Applies a JSON Patch, after the same checks as `replace` (rights, status, ETag): a patch is applied
   * only for a caller who may save its result, and within the bounds of `applyJsonPatch`.
   */
  async patch(principal: Principal, id: string, operations: readonly Operation[], ifMatch: string | undefined): Promise<PlanRow> {
    const current = await this.editable(principal, id, ifMatch)
    return this.save(principal, current, applyJsonPatch(current.document, operations, this.maxDocumentBytes), 'patched')
  }

  private async save(principal: Principal, current: PlanRow, document: PlanDocument, source: PlanSource = 'body'): Promise<PlanRow> {
    const id = current.id
    if (document.id !== id) throw new AppError('id-mismatch', { fr: 'L’identifiant du document ne correspond pas au plan.', en: 'The document id does not match the plan.' })
    const validation = validatePlan(document, { profiles: await this.registry.profilesFor(document) })
    if (!validation.ok) throw invalidPlan(validation.issues, source)
    await this.assertProgrammeProfile(current.programmeId, validation.profile)
    return this.writing(id, () =>
      this.db.transaction(async (tx) => {
        const [row] = await tx
          .update(plans)
          .set({
            document,
            title: document.metadata.title,
            firstYear: document.metadata.period?.firstYear ?? null,
            lastYear: document.metadata.period?.lastYear ?? null,
            version: current.version + 1,
            updatedAt: new Date(),
          })
          .where(and(eq(plans.id, id), eq(plans.version, current.version), eq(plans.status, current.status)))
          .returning()
        // Another write came in between the read and this update: refuse this one rather than overwrite it.
        if (!row) throw stale()
        await tx.insert(planVersions).values({ planId: id, version: row.version, document, hash: hashOf(document)!, savedBy: actorOf(principal) })
        await audit(tx, principal, 'plan.update', `plans/${id}`, current.document, document)
        return row
      }),
    )
  }

  async versions(principal: Principal, id: string) {
    await this.trail(principal, id)
    return this.db
      .select({ version: planVersions.version, hash: planVersions.hash, savedBy: planVersions.savedBy, savedAt: planVersions.savedAt })
      .from(planVersions)
      .where(eq(planVersions.planId, id))
      .orderBy(asc(planVersions.version))
  }

  async version(principal: Principal, id: string, version: number): Promise<PlanDocument> {
    await this.trail(principal, id)
    const [row] = await this.db.select().from(planVersions).where(and(eq(planVersions.planId, id), eq(planVersions.version, version))).limit(1)
    if (!row) throw notFound('Version')
    return row.document
  }

  /** Moves a plan along the workflow; a deposit or resubmission with submission errors is refused with its report. */
  async transition(principal: Principal, id: string, name: TransitionName, reason: string | undefined): Promise<{ row: PlanRow; report?: Report }> {
    const current = await this.get(principal, id)
    authorize(principal, `plan.${name}`, current)
    const to = nextStatus(name, current.status)
    let report: Report | undefined
    if (SUBMITS.has(name)) {
      report = await this.report(current, current.document, { stage: 'submission' })
      if (report.summary.errors > 0)
        throw new AppError('submission-has-errors', { fr: 'Le plan a des erreurs à corriger avant le dépôt.', en: 'The plan has errors to fix before it is deposited.' }, { report })
    }
    assertReason(name, reason)
    const row = await this.writing(id, () =>
      this.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(plans)
          .set({ status: to, updatedAt: new Date() })
          .where(and(eq(plans.id, id), eq(plans.status, current.status), eq(plans.version, current.version)))
          .returning()
        if (!updated) throw stale()
        await tx.insert(transitions).values({ planId: id, name, fromStatus: current.status, toStatus: to, version: current.version, actor: actorOf(principal), reason: reason ?? null })
        if (report) await tx.insert(evaluations).values({ id: newId('ev'), planId: id, version: current.version, ruleSetId: report.ruleSet.id, ruleSetVersion: report.ruleSet.version, stage: report.stage, score: report.score, report, createdBy: actorOf(principal) })
        await audit(tx, principal, `plan.${name}`, `plans/${id}`, { status: current.status }, { status: to })
        return updated
      }),
    )
    return { row, ...(report && { report }) }
  }

  async history(principal: Principal, id: string) {
    await this.trail(principal, id)
    return this.db.select().from(transitions).where(eq(transitions.planId, id)).orderBy(asc(transitions.id))
  }

  /**
   * A comment on a place of the plan, or a reply in a comment's thread (`replyTo`: a reply to a reply joins
   * the thread of the comment that opened it, at that comment's place).
   */
  async comment(principal: Principal, id: string, input: { pointer?: string; body: string; replyTo?: string }) {
    const plan = await this.get(principal, id)
    authorize(principal, 'plan.comment', plan)
    const opening = input.replyTo === undefined ? undefined : await this.threadOf(id, input.replyTo)
    const pointer = opening?.pointer ?? input.pointer
    if (pointer === undefined)
      throw new AppError('invalid-request', { fr: 'La requête ne respecte pas le schéma attendu.', en: 'The request does not match the expected schema.' }, {
        errors: [{ in: 'body', pointer: '/pointer', code: 'required', message: { fr: 'Un commentaire qui ne répond pas à un autre nomme sa place dans le plan (« pointer »).', en: 'A comment that does not reply to another names its place in the plan ("pointer").' } }],
      })
    const [row] = await this.db
      .insert(comments)
      .values({ id: newId('cm'), planId: id, version: plan.version, pointer, body: input.body, author: actorOf(principal), replyTo: opening?.id ?? null })
      .returning()
    await audit(this.db, principal, 'comment.create', `plans/${id}/comments/${row!.id}`, undefined, { pointer, body: input.body, ...(opening && { replyTo: opening.id }) })
    return row!
  }

  /** Resolves or reopens a comment's thread, with who and when; doing it twice changes nothing. */
  async resolveComment(principal: Principal, id: string, commentId: string, resolved: boolean) {
    const plan = await this.get(principal, id)
    authorize(principal, 'plan.comment', plan)
    const opening = await this.threadOf(id, commentId)
    if ((opening.resolvedAt !== null) === resolved) return opening
    const [row] = await this.db
      .update(comments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actorOf(principal) } : { resolvedAt: null, resolvedBy: null })
      .where(eq(comments.id, opening.id))
      .returning()
    await audit(this.db, principal, resolved ? 'comment.resolve' : 'comment.reopen', `plans/${id}/comments/${opening.id}`)
    return row!
  }

  /** The comment that opens the thread `commentId` belongs to; 404 when the plan has no such comment. */
  private async threadOf(planId: string, commentId: string) {
    const [row] = await this.db.select().from(comments).where(and(eq(comments.planId, planId), eq(comments.id, commentId))).limit(1)
    if (!row) throw new AppError('not-found', { fr: 'Commentaire introuvable.', en: 'Comment not found.' })
    if (row.replyTo === null) return row
    const [opening] = await this.db.select().from(comments).where(eq(comments.id, row.replyTo)).limit(1)
    return opening!
  }

  async comments(principal: Principal, id: string) {
    await this.trail(principal, id)
    return this.db.select().from(comments).where(eq(comments.planId, id)).orderBy(asc(comments.createdAt), asc(comments.id))
  }

  async evaluate(principal: Principal, id: string, options: { ruleSet?: string; stage?: 'draft' | 'submission' }) {
    const plan = await this.get(principal, id)
    authorize(principal, 'plan.evaluate', plan)
    const report = await this.report(plan, plan.document, { ...(options.ruleSet && { ruleSet: options.ruleSet }), stage: options.stage ?? 'submission' })
    const [row] = await this.db
      .insert(evaluations)
      .values({ id: newId('ev'), planId: id, version: plan.version, ruleSetId: report.ruleSet.id, ruleSetVersion: report.ruleSet.version, stage: report.stage, score: report.score, report, createdBy: actorOf(principal) })
      .returning()
    await audit(this.db, principal, 'evaluation.create', `plans/${id}/evaluations/${row!.id}`, undefined, { score: report.score })
    return row!
  }

  async evaluations(principal: Principal, id: string) {
    await this.trail(principal, id)
    return this.db.select().from(evaluations).where(eq(evaluations.planId, id)).orderBy(desc(evaluations.createdAt), desc(evaluations.id))
  }
}

import type { PlanDocument } from '@demarche/domain'
import {
  type AssessedFinding, type AssessmentContent, type FindingDecision, type AssessmentFollowUp, assessFindings, checkAssessment, type DismissedFinding, followUp, type LetterFollowUp,
  letterFollowUp, type Report, withoutDismissed,
} from '@demarche/rules'
import { and, desc, eq, lt, lte } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { assessments, planVersions } from '../db/schema/index.js'
import { AppError } from '../errors.js'
import type { Principal } from '../plugins/auth.js'
import { authorize } from '../policy.js'
import { STATUS_WORDS } from '../workflow.js'
import { actorOf, audit } from './audit.js'
import type { PlanRow, PlansService } from './plans.js'

export type AssessmentRow = typeof assessments.$inferSelect

/** An assessment as it is read: the stored one, the engine's findings it decided on, and a resubmission's follow-up. */
export interface AssessmentRecord {
  row: AssessmentRow
  plan: PlanRow
  /** The assessed version's document and its submission-stage report. */
  document: PlanDocument
  report: Report
  findings: AssessedFinding[]
  followUp: AssessmentFollowUp | null
}

/** Names one revision of one version's assessment. */
export function assessmentEtag(row: Pick<AssessmentRow, 'version' | 'revision'>): string {
  return `"a${row.version}-${row.revision}"`
}

const stale = () => new AppError('precondition-failed', { fr: 'L’évaluation a changé depuis votre lecture (ETag périmé)\u00a0: rien n’a été écrit.', en: 'The assessment changed since you read it (stale ETag): nothing was written.' })
const noAssessment = () => new AppError('no-assessment', { fr: 'Le plan n’a pas encore d’évaluation de l’analyste.', en: 'The plan has no reviewer’s assessment yet.' })

/**
 * The reviewer's assessments: one per saved version of a plan, written by the Table's staff while the plan
 * is under review, read by the plan's chantier once the Table has answered (policy `plan.read-assessment`).
 * Findings are judged against the submission-stage report of the assessed version.
 */
export class AssessmentsService {
  constructor(
    private readonly db: Database,
    private readonly plans: PlansService,
  ) {}

  /** The profiles and rule sets the assessed plans name. */
  get registry() {
    return this.plans.registry
  }

  private async document(planId: string, version: number): Promise<PlanDocument> {
    const [row] = await this.db.select({ document: planVersions.document }).from(planVersions).where(and(eq(planVersions.planId, planId), eq(planVersions.version, version))).limit(1)
    return row!.document
  }

  /** The latest assessment of a version at most `version`: the one in force for it. */
  private async latest(planId: string, version: number): Promise<AssessmentRow | undefined> {
    const [row] = await this.db.select().from(assessments).where(and(eq(assessments.planId, planId), lte(assessments.version, version))).orderBy(desc(assessments.version)).limit(1)
    return row
  }

  private async exactly(planId: string, version: number): Promise<AssessmentRow | undefined> {
    const [row] = await this.db.select().from(assessments).where(and(eq(assessments.planId, planId), eq(assessments.version, version))).limit(1)
    return row
  }

  /** The dismissals of the assessment in force for `version`; undefined when it dismisses nothing. */
  async dismissals(planId: string, version: number): Promise<FindingDecision[] | undefined> {
    const dismissed = (await this.latest(planId, version))?.content.findings.filter((decision) => decision.decision === 'dismiss') ?? []
    return dismissed.length > 0 ? dismissed : undefined
  }

  /** The plan's assessment in force (or that of `version`), with the engine's findings of its version and, after a resubmission, what changed since. */
  async read(principal: Principal, planId: string, version?: number): Promise<AssessmentRecord> {
    const plan = await this.plans.get(principal, planId)
    authorize(principal, 'plan.read-assessment', plan)
    const row = version === undefined ? await this.latest(planId, plan.version) : await this.exactly(planId, version)
    if (!row) throw noAssessment()
    const document = row.version === plan.version ? plan.document : await this.document(planId, row.version)
    const report = await this.plans.report(plan, document, { stage: 'submission' })
    const findings = assessFindings(report, document, row.content.findings)
    let later: AssessmentFollowUp | null = null
    if (plan.version > row.version) {
      const profile = await this.plans.registry.profile(plan.document.profile.id, plan.document.profile.version)
      const laterReport = await this.plans.report(plan, plan.document, { stage: 'submission' })
      if (profile) later = followUp(row.content, { version: row.version, plan: document, report }, { version: plan.version, plan: plan.document, report: laterReport }, profile)
    }
    return { row, plan, document, report, findings, followUp: later }
  }

  /**
   * The assessment in force, as its letter is made: after a resubmission, with what became of each request of
   * the previous assessment (the one of the latest earlier version) in the version it judges.
   */
  async letter(principal: Principal, planId: string): Promise<AssessmentRecord & { letterFollowUp?: LetterFollowUp }> {
    const record = await this.read(principal, planId)
    const { row } = record
    const [previous] = await this.db.select().from(assessments).where(and(eq(assessments.planId, planId), lt(assessments.version, row.version))).orderBy(desc(assessments.version)).limit(1)
    if (!previous) return record
    const profile = await this.plans.registry.profile(record.document.profile.id, record.document.profile.version)
    if (!profile) return record
    const plan = await this.document(planId, previous.version)
    const report = await this.plans.report(record.plan, plan, { stage: 'submission' })
    const seen = letterFollowUp(
      { version: previous.version, plan, report, assessment: previous.content, assessedAt: previous.updatedAt.toISOString() },
      { version: row.version, plan: record.document, report: record.report, assessment: row.content, assessedAt: row.updatedAt.toISOString() },
      profile,
    )
    return { ...record, letterFollowUp: seen }
  }

  /**
   * Writes the assessment of the plan's current version while it is under review: created when there is
   * none (no `If-Match`), revised when `ifMatch` is its current ETag. Checked against the version's report
   * (criteria of its grid, fingerprints of its findings, places of the plan) before anything is written.
   */
  async save(principal: Principal, planId: string, content: AssessmentContent, ifMatch: string | undefined): Promise<AssessmentRecord & { created: boolean }> {
    const plan = await this.plans.get(principal, planId)
    authorize(principal, 'plan.assess', plan)
    if (plan.status !== 'under_review')
      throw new AppError(
        'not-under-review',
        { fr: `L’évaluation s’écrit pendant l’analyse; le plan est à l’état «\u00a0${STATUS_WORDS[plan.status].fr}\u00a0».`, en: `The assessment is written during the review; the plan is "${STATUS_WORDS[plan.status].en}".` },
        { planStatus: plan.status },
      )
    const [existing] = await this.db.select().from(assessments).where(and(eq(assessments.planId, planId), eq(assessments.version, plan.version))).limit(1)
    if (existing && ifMatch === undefined) throw new AppError('precondition-required', { fr: 'En-tête If-Match requis pour réviser l’évaluation.', en: 'If-Match header required to revise the assessment.' })
    if (ifMatch !== undefined && (!existing || ifMatch !== assessmentEtag(existing))) throw stale()
    const report = await this.plans.report(plan, plan.document, { stage: 'submission' })
    const issues = checkAssessment(content, plan.document, report)
    if (issues.length > 0)
      throw new AppError('invalid-assessment', { fr: 'L’évaluation ne s’applique pas à cette version du plan.', en: 'The assessment does not fit this version of the plan.' }, {
        errors: issues.map((issue) => ({ in: 'body', pointer: issue.pointer, code: issue.code, message: issue.message })),
      })
    const actor = actorOf(principal)
    const written = await this.db.transaction(async (tx) => {
      let row: AssessmentRow | undefined
      if (existing) {
        ;[row] = await tx
          .update(assessments)
          .set({ content, revision: existing.revision + 1, updatedBy: actor, updatedAt: new Date() })
          .where(and(eq(assessments.planId, planId), eq(assessments.version, plan.version), eq(assessments.revision, existing.revision)))
          .returning()
      } else {
        // Two first writes at once: the second meets the first's key and is refused as stale.
        ;[row] = await tx.insert(assessments).values({ planId, version: plan.version, revision: 1, content, createdBy: actor, updatedBy: actor }).onConflictDoNothing().returning()
      }
      if (!row) throw stale()
      await audit(tx, principal, existing ? 'assessment.update' : 'assessment.create', `plans/${planId}/assessment/${plan.version}`, existing?.content, content)
      return row
    })
    // The assessment of the current version, read back from the report it was checked against.
    return { row: written, plan, document: plan.document, report, findings: assessFindings(report, plan.document, content.findings), followUp: null, created: !existing }
  }

  /**
   * Stored evaluations as the assessments leave them: each loses the findings dismissed by the assessment in
   * force for its version, as long as their element keeps its text.
   */
  async reviewed<Evaluation extends { version: number; report: Report }>(planId: string, rows: readonly Evaluation[]): Promise<Array<Evaluation & { dismissed: DismissedFinding[] }>> {
    // A plan has an assessment per reviewed version at most: read once, newest first.
    const all = rows.length === 0 ? [] : await this.db.select().from(assessments).where(eq(assessments.planId, planId)).orderBy(desc(assessments.version))
    const documents = new Map<number, PlanDocument>()
    const out: Array<Evaluation & { dismissed: DismissedFinding[] }> = []
    for (const row of rows) {
      const assessment = all.find((each) => each.version <= row.version)
      if (!assessment || !assessment.content.findings.some((decision) => decision.decision === 'dismiss')) {
        out.push({ ...row, dismissed: [] })
        continue
      }
      let document = documents.get(row.version)
      if (!document) documents.set(row.version, (document = await this.document(planId, row.version)))
      const { report, dismissed } = withoutDismissed(row.report, document, assessment.content.findings)
      out.push({ ...row, report, dismissed })
    }
    return out
  }
}

import { forbidden } from './errors.js'
import type { Principal } from './plugins/auth.js'
import type { PlanStatus, TransitionName } from './workflow.js'

/**
 * Who the caller is to a resource: its role, and for a coordinator whether the plan belongs to one of its
 * chantiers. Reference data and the service's own records have no chantier: a coordinator is then just
 * `coordinator`.
 */
export const RELATIONS = ['anonymous', 'coordinator', 'chantier-coordinator', 'reviewer', 'admin'] as const
export type Relation = (typeof RELATIONS)[number]

/**
 * `true`, `false`, `'accepted'`: only while the plan is accepted, or `'answered'`: once the Table has
 * answered the plan (returned it or decided), so that a chantier reads the assessment it was sent, not one in
 * the making.
 */
export type Permission = boolean | 'accepted' | 'answered'

/** The statuses in which the Table has answered the plan: returned (and resubmitted since), accepted, refused. */
export const ANSWERED: readonly PlanStatus[] = ['returned', 'resubmitted', 'accepted', 'refused']

export type Action =
  | 'plan.read'
  | 'plan.read-trail'
  | 'plan.create'
  | 'plan.update'
  | `plan.${TransitionName}`
  | 'plan.comment'
  | 'plan.evaluate'
  | 'plan.assess'
  | 'plan.read-assessment'
  | 'document.evaluate'
  | 'reference.read'
  | 'chantier.create'
  | 'programme.create'
  | 'profile.register'
  | 'rule-set.register'
  | 'organisation.create'
  | 'api-key.list'
  | 'api-key.create'
  | 'api-key.revoke'
  | 'audit.list'

const nobody = { anonymous: false, coordinator: false, 'chantier-coordinator': false, reviewer: false, admin: false } as const
const staff = { ...nobody, reviewer: true, admin: true } as const
const chantier = { ...nobody, 'chantier-coordinator': true, admin: true } as const
const everyone = { anonymous: true, coordinator: true, 'chantier-coordinator': true, reviewer: true, admin: true } as const

/**
 * What each caller may do, the table `docs/api.md` publishes (a test compares them). A plan the caller may
 * not read answers 404 whatever the action, so that its existence does not leak; a plan it may read but
 * not act on answers 403. Whether the plan's status allows the action is the workflow's question (409).
 *
 * An accepted plan is public: its current text, its documents and its report. Its review trail — saved
 * states, workflow steps with their reasons, comments, stored evaluations with the keys that made them —
 * is the business of its chantier and of the reviewers only (`plan.read-trail`). Storing an evaluation
 * writes to that trail, so it is theirs too; anyone may evaluate a document without storing it.
 * Organisations are shared reference data, kept clean by the reviewers (and the admin).
 */
export const POLICY: Record<Action, Record<Relation, Permission>> = {
  'plan.read': { anonymous: 'accepted', coordinator: 'accepted', 'chantier-coordinator': true, reviewer: true, admin: true },
  'plan.read-trail': { ...staff, 'chantier-coordinator': true },
  'plan.create': chantier,
  'plan.update': chantier,
  'plan.deposit': chantier,
  'plan.resubmit': chantier,
  'plan.start_review': staff,
  'plan.return': staff,
  'plan.accept': staff,
  'plan.refuse': staff,
  'plan.comment': { ...staff, 'chantier-coordinator': true },
  'plan.evaluate': { ...staff, 'chantier-coordinator': true },
  'plan.assess': staff,
  'plan.read-assessment': { ...staff, 'chantier-coordinator': 'answered' },
  'document.evaluate': everyone,
  'reference.read': everyone,
  'chantier.create': { ...nobody, admin: true },
  'programme.create': { ...nobody, admin: true },
  'profile.register': { ...nobody, admin: true },
  'rule-set.register': { ...nobody, admin: true },
  'organisation.create': staff,
  'api-key.list': { ...nobody, admin: true },
  'api-key.create': { ...nobody, admin: true },
  'api-key.revoke': { ...nobody, admin: true },
  'audit.list': { ...nobody, admin: true },
}

export function relationOf(principal: Principal, resource?: { chantierId: string }): Relation {
  if (principal.role !== 'coordinator') return principal.role
  return resource && principal.chantierIds.includes(resource.chantierId) ? 'chantier-coordinator' : 'coordinator'
}

/**
 * The action each operation of the OpenAPI document asks the policy for, by `operationId`; `null`: the
 * operation is the service's own (health, readiness) and open to anyone. Handlers and services ask the
 * policy themselves; this map says which action each one asks, for the role × operation table of
 * `docs/api.md`, and `rights.test.ts` calls every operation as every kind of caller to check that it does.
 * The test walks the served document and fails on an operation missing here, so no new operation goes
 * without a decided right.
 */
export const OPERATION_ACTIONS: Readonly<Record<string, Action | null>> = {
  health: null,
  ready: null,
  getProblemType: null,
  listProfiles: 'reference.read',
  getProfile: 'reference.read',
  getBlankForm: 'reference.read',
  listRuleSets: 'reference.read',
  getRuleSet: 'reference.read',
  registerProfile: 'profile.register',
  registerRuleSet: 'rule-set.register',
  createProgramme: 'programme.create',
  listProgrammes: 'reference.read',
  listChantiers: 'reference.read',
  listOrganisations: 'reference.read',
  evaluateDocument: 'document.evaluate',
  createChantier: 'chantier.create',
  createOrganisation: 'organisation.create',
  listApiKeys: 'api-key.list',
  createApiKey: 'api-key.create',
  revokeApiKey: 'api-key.revoke',
  listAudit: 'audit.list',
  listPlans: 'plan.read',
  getPlan: 'plan.read',
  getPlanDocument: 'plan.read',
  getPlanReport: 'plan.read',
  createPlan: 'plan.create',
  importPlan: 'plan.create',
  replacePlan: 'plan.update',
  importPlanVersion: 'plan.update',
  patchPlan: 'plan.update',
  listPlanVersions: 'plan.read-trail',
  getPlanVersion: 'plan.read-trail',
  listPlanTransitions: 'plan.read-trail',
  listComments: 'plan.read-trail',
  listEvaluations: 'plan.read-trail',
  createComment: 'plan.comment',
  resolveComment: 'plan.comment',
  reopenComment: 'plan.comment',
  evaluatePlan: 'plan.evaluate',
  depositPlan: 'plan.deposit',
  resubmitPlan: 'plan.resubmit',
  startReviewPlan: 'plan.start_review',
  returnPlan: 'plan.return',
  acceptPlan: 'plan.accept',
  refusePlan: 'plan.refuse',
  getAssessment: 'plan.read-assessment',
  putAssessment: 'plan.assess',
  getAssessmentLetter: 'plan.read-assessment',
}

/** May this principal do this to this resource (a plan: its chantier and status)? */
export function may(principal: Principal, action: Action, resource?: { chantierId: string; status?: PlanStatus }): boolean {
  const permission = POLICY[action][relationOf(principal, resource)]
  if (permission === 'accepted') return resource?.status === 'accepted'
  if (permission === 'answered') return resource?.status !== undefined && ANSWERED.includes(resource.status)
  return permission
}

/** Throws `forbidden` unless the principal may. */
export function authorize(principal: Principal, action: Action, resource?: { chantierId: string; status?: PlanStatus }): void {
  if (!may(principal, action, resource)) throw forbidden()
}

/**
 * The plans a principal may read, for the list's SQL: every plan, or the accepted ones plus those of the
 * given chantiers. Derived from the `plan.read` row, so the list and the single read never disagree.
 */
export function readablePlans(principal: Principal): { all: true } | { all: false; chantierIds: readonly string[] } {
  const row = POLICY['plan.read']
  const relation = relationOf(principal)
  if (row[relation] === true) return { all: true }
  return { all: false, chantierIds: relation === 'coordinator' && row['chantier-coordinator'] === true ? principal.chantierIds : [] }
}

const HEADINGS: Record<Relation, string> = {
  anonymous: 'anonymous',
  coordinator: 'coordinator (other chantier)',
  'chantier-coordinator': 'coordinator (plan’s chantier)',
  reviewer: 'reviewer',
  admin: 'admin',
}

const cell = (permission: Permission) => (permission === 'accepted' ? 'accepted plans' : permission === 'answered' ? 'returned or decided plans' : permission ? 'yes' : '—')

/** The policy as the Markdown table of `docs/api.md`. */
export function policyTable(): string {
  return [
    `| Action | ${RELATIONS.map((relation) => HEADINGS[relation]).join(' | ')} |`,
    `|---|${RELATIONS.map(() => '---').join('|')}|`,
    ...Object.entries(POLICY).map(([action, row]) => `| \`${action}\` | ${RELATIONS.map((relation) => cell(row[relation])).join(' | ')} |`),
  ].join('\n')
}

/**
 * The role × operation table of `docs/api.md`: each operation (`METHOD path`, from the served OpenAPI
 * document, in its order) with its action and what each caller may do.
 */
export function operationTable(operations: ReadonlyArray<{ operationId: string; method: string; path: string }>): string {
  const everyoneRow = Object.fromEntries(RELATIONS.map((relation) => [relation, true])) as Record<Relation, Permission>
  return [
    `| Operation | \`operationId\` | Action | ${RELATIONS.map((relation) => HEADINGS[relation]).join(' | ')} |`,
    `|---|---|---|${RELATIONS.map(() => '---').join('|')}|`,
    ...operations.map(({ operationId, method, path }) => {
      const action = OPERATION_ACTIONS[operationId]
      if (action === undefined) throw new Error(`Operation ${operationId} has no right decided in OPERATION_ACTIONS`)
      const row = action ? POLICY[action] : everyoneRow
      return `| \`${method.toUpperCase()} ${path}\` | \`${operationId}\` | ${action ? `\`${action}\`` : 'none'} | ${RELATIONS.map((relation) => cell(row[relation])).join(' | ')} |`
    }),
  ].join('\n')
}

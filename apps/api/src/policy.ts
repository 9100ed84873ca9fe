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

/** `true`, `false`, or `'accepted'`: only while the plan is accepted. */
export type Permission = boolean | 'accepted'

export type Action =
  | 'plan.read'
  | 'plan.create'
  | 'plan.update'
  | `plan.${TransitionName}`
  | 'plan.comment'
  | 'plan.evaluate'
  | 'document.evaluate'
  | 'reference.read'
  | 'chantier.create'
  | 'organisation.create'
  | 'api-key.list'
  | 'api-key.create'
  | 'api-key.revoke'
  | 'audit.list'

const nobody = { anonymous: false, coordinator: false, 'chantier-coordinator': false, reviewer: false, admin: false } as const
const staff = { ...nobody, reviewer: true, admin: true } as const
const chantier = { ...nobody, 'chantier-coordinator': true, admin: true } as const
const everyone = { anonymous: true, coordinator: true, 'chantier-coordinator': true, reviewer: true, admin: true } as const
const keyHolders = { ...everyone, anonymous: false } as const

/**
 * What each caller may do, the table `docs/api.md` publishes (a test compares them). A plan the caller may
 * not read answers 404 whatever the action, so that its existence does not leak; a plan it may read but
 * not act on answers 403. Whether the plan's status allows the action is the workflow's question (409).
 */
export const POLICY: Record<Action, Record<Relation, Permission>> = {
  'plan.read': { anonymous: 'accepted', coordinator: 'accepted', 'chantier-coordinator': true, reviewer: true, admin: true },
  'plan.create': chantier,
  'plan.update': chantier,
  'plan.deposit': chantier,
  'plan.resubmit': chantier,
  'plan.start_review': staff,
  'plan.return': staff,
  'plan.accept': staff,
  'plan.refuse': staff,
  'plan.comment': { ...staff, 'chantier-coordinator': true },
  'plan.evaluate': keyHolders,
  'document.evaluate': everyone,
  'reference.read': everyone,
  'chantier.create': { ...nobody, admin: true },
  'organisation.create': keyHolders,
  'api-key.list': { ...nobody, admin: true },
  'api-key.create': { ...nobody, admin: true },
  'api-key.revoke': { ...nobody, admin: true },
  'audit.list': { ...nobody, admin: true },
}

export function relationOf(principal: Principal, resource?: { chantierId: string }): Relation {
  if (principal.role !== 'coordinator') return principal.role
  return resource && principal.chantierIds.includes(resource.chantierId) ? 'chantier-coordinator' : 'coordinator'
}

/** May this principal do this to this resource (a plan: its chantier and status)? */
export function may(principal: Principal, action: Action, resource?: { chantierId: string; status?: PlanStatus }): boolean {
  const permission = POLICY[action][relationOf(principal, resource)]
  return permission === 'accepted' ? resource?.status === 'accepted' : permission
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

/** The policy as the Markdown table of `docs/api.md`. */
export function policyTable(): string {
  const cell = (permission: Permission) => (permission === 'accepted' ? 'accepted plans' : permission ? 'yes' : '—')
  return [
    `| Action | ${RELATIONS.map((relation) => HEADINGS[relation]).join(' | ')} |`,
    `|---|${RELATIONS.map(() => '---').join('|')}|`,
    ...Object.entries(POLICY).map(([action, row]) => `| \`${action}\` | ${RELATIONS.map((relation) => cell(row[relation])).join(' | ')} |`),
  ].join('\n')
}

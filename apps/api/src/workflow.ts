import Type, { type TLiteral, type TUnion } from 'typebox'
import { AppError } from './errors.js'

/** A union of string literals that keeps each literal's type. */
export function literals<const Values extends readonly string[], const Options extends { $id?: string }>(values: Values, options: Options = {} as Options) {
  return Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<{ -readonly [K in keyof Values]: TLiteral<Values[K]> }> & Options
}

/** Where a plan stands in the Table des préfets' process. */
export const PLAN_STATUSES = ['draft', 'deposited', 'under_review', 'returned', 'resubmitted', 'accepted', 'refused'] as const
export const PlanStatus = literals(PLAN_STATUSES, { $id: 'PlanStatus' })
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const TRANSITIONS = ['deposit', 'start_review', 'return', 'resubmit', 'accept', 'refuse'] as const
export const TransitionName = literals(TRANSITIONS, { $id: 'TransitionName' })
export type TransitionName = (typeof TRANSITIONS)[number]

export const ROLES = ['admin', 'reviewer', 'coordinator'] as const
export const Role = literals(ROLES, { $id: 'Role' })
export type Role = (typeof ROLES)[number]

/** Each transition: the statuses it leaves from and the one it leads to (who may make it: `policy.ts`). */
export const WORKFLOW: Record<TransitionName, { from: readonly PlanStatus[]; to: PlanStatus }> = {
  deposit: { from: ['draft'], to: 'deposited' },
  start_review: { from: ['deposited', 'resubmitted'], to: 'under_review' },
  return: { from: ['deposited', 'under_review', 'resubmitted'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'resubmitted' },
  accept: { from: ['deposited', 'under_review', 'resubmitted'], to: 'accepted' },
  refuse: { from: ['deposited', 'under_review', 'resubmitted'], to: 'refused' },
}

/** Statuses in which a coordinator may still change the plan. */
export const EDITABLE: readonly PlanStatus[] = ['draft', 'returned']

/** Transitions whose plan is evaluated at the submission stage first, and refused when it has errors. */
export const SUBMITS: ReadonlySet<TransitionName> = new Set(['deposit', 'resubmit'])

/** Transitions that need a reason: the coordinator is told why. */
export const NEEDS_REASON: ReadonlySet<TransitionName> = new Set(['return', 'refuse'])

/** The status a transition leads to from `status`; `invalid-transition` when it cannot leave from there. */
export function nextStatus(name: TransitionName, status: PlanStatus): PlanStatus {
  const step = WORKFLOW[name]
  if (!step.from.includes(status))
    throw new AppError('invalid-transition', { fr: `« ${name} » n’est pas possible depuis « ${status} ».`, en: `"${name}" is not possible from "${status}".` }, { status_: status })
  return step.to
}

/** `not-editable` unless a plan in this status may still be changed. */
export function assertEditable(status: PlanStatus): void {
  if (!EDITABLE.includes(status)) throw new AppError('not-editable', { fr: `Un plan « ${status} » ne se modifie plus.`, en: `A plan in status "${status}" can no longer be changed.` })
}

/** `reason-required` when the transition needs a reason and none was given. */
export function assertReason(name: TransitionName, reason: string | undefined): void {
  if (NEEDS_REASON.has(name) && !reason?.trim()) throw new AppError('reason-required', { fr: 'Une raison est requise.', en: 'A reason is required.' })
}

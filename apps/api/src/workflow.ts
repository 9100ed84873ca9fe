import Type from 'typebox'

/** Where a plan stands in the Table des préfets' process. */
export const PLAN_STATUSES = ['draft', 'deposited', 'under_review', 'returned', 'resubmitted', 'accepted', 'refused'] as const
export const PlanStatus = Type.Union(PLAN_STATUSES.map((status) => Type.Literal(status)), { $id: 'PlanStatus' })
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const TRANSITIONS = ['deposit', 'start_review', 'return', 'resubmit', 'accept', 'refuse'] as const
export const TransitionName = Type.Union(TRANSITIONS.map((name) => Type.Literal(name)), { $id: 'TransitionName' })
export type TransitionName = (typeof TRANSITIONS)[number]

export const ROLES = ['admin', 'reviewer', 'coordinator'] as const
export const Role = Type.Union(ROLES.map((role) => Type.Literal(role)), { $id: 'Role' })
export type Role = (typeof ROLES)[number]

/** Each transition: the statuses it leaves from, the one it leads to, and who may make it. */
export const WORKFLOW: Record<TransitionName, { from: readonly PlanStatus[]; to: PlanStatus; by: readonly Role[] }> = {
  deposit: { from: ['draft'], to: 'deposited', by: ['coordinator', 'admin'] },
  start_review: { from: ['deposited', 'resubmitted'], to: 'under_review', by: ['reviewer', 'admin'] },
  return: { from: ['deposited', 'under_review', 'resubmitted'], to: 'returned', by: ['reviewer', 'admin'] },
  resubmit: { from: ['returned'], to: 'resubmitted', by: ['coordinator', 'admin'] },
  accept: { from: ['deposited', 'under_review', 'resubmitted'], to: 'accepted', by: ['reviewer', 'admin'] },
  refuse: { from: ['deposited', 'under_review', 'resubmitted'], to: 'refused', by: ['reviewer', 'admin'] },
}

/** Statuses in which a coordinator may still change the plan. */
export const EDITABLE: readonly PlanStatus[] = ['draft', 'returned']

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

type Words = { fr: string; en: string }

/** A status as the people of the Table and the chantiers say it (the code stays in `planStatus`). */
export const STATUS_WORDS: Record<PlanStatus, Words> = {
  draft: { fr: 'brouillon', en: 'draft' },
  deposited: { fr: 'déposé', en: 'deposited' },
  under_review: { fr: 'en analyse', en: 'under review' },
  returned: { fr: 'retourné', en: 'returned' },
  resubmitted: { fr: 'redéposé', en: 'resubmitted' },
  accepted: { fr: 'accepté', en: 'accepted' },
  refused: { fr: 'refusé', en: 'refused' },
}

/** A transition as an act, to say what cannot be done: « Le dépôt n’est pas possible… ». */
export const TRANSITION_WORDS: Record<TransitionName, Words> = {
  deposit: { fr: 'Le dépôt', en: 'Depositing' },
  start_review: { fr: 'Le début de l’analyse', en: 'Starting the review' },
  return: { fr: 'Le retour au chantier', en: 'Returning to the chantier' },
  resubmit: { fr: 'Le redépôt', en: 'Resubmitting' },
  accept: { fr: 'L’acceptation', en: 'Accepting' },
  refuse: { fr: 'Le refus', en: 'Refusing' },
}

/** The status a transition leads to from `status`; `invalid-transition` when it cannot leave from there. */
export function nextStatus(name: TransitionName, status: PlanStatus): PlanStatus {
  const step = WORKFLOW[name]
  if (!step.from.includes(status)) {
    const act = TRANSITION_WORDS[name]
    const quoted = (lang: 'fr' | 'en') => step.from.map((each) => (lang === 'fr' ? `« ${STATUS_WORDS[each].fr} »` : `"${STATUS_WORDS[each].en}"`))
    const either = (words: string[], or: string) => words.join(', ').replace(/, ([^,]*)$/, ` ${or} $1`)
    throw new AppError(
      'invalid-transition',
      {
        fr: `${act.fr} n’est pas possible : le plan est à l’état « ${STATUS_WORDS[status].fr} » (états permis : ${either(quoted('fr'), 'ou')}).`,
        en: `${act.en} is not possible: the plan is "${STATUS_WORDS[status].en}" (allowed: ${either(quoted('en'), 'or')}).`,
      },
      { planStatus: status },
    )
  }
  return step.to
}

/** `not-editable` unless a plan in this status may still be changed. */
export function assertEditable(status: PlanStatus): void {
  if (!EDITABLE.includes(status))
    throw new AppError('not-editable', { fr: `Un plan à l’état « ${STATUS_WORDS[status].fr} » ne se modifie plus.`, en: `A plan in state "${STATUS_WORDS[status].en}" can no longer be changed.` }, { planStatus: status })
}

/** `reason-required` when the transition needs a reason and none was given. */
export function assertReason(name: TransitionName, reason: string | undefined): void {
  if (NEEDS_REASON.has(name) && !reason?.trim()) throw new AppError('reason-required', { fr: 'Une raison est requise.', en: 'A reason is required.' })
}

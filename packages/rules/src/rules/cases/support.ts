// Test support for the rule cases: real seed plans, changed and prepared again so parsed values stay current.
import { findProfile, type PlanDocument, preparePlan } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import type { InvalidCase, RuleTesterCase } from '../../testing/rule-tester.js'

export type Cases = { valid: RuleTesterCase[]; invalid: InvalidCase[] }

export const seed2026 = () => examplePlans.crevale2026()
export const seed2021 = () => examplePlans.crevale2021()
export const serviceOffer = () => examplePlans.crevaleServiceOffer()

/** A seed plan changed by `change`, with ids and parsed values recomputed as a real edit would. */
export function edited(base: () => PlanDocument, change: (plan: PlanDocument) => void): PlanDocument {
  const plan = base()
  change(plan)
  return preparePlan(plan, findProfile(plan.profile.id, plan.profile.version)!)
}

/** The 2026 plan reduced to some of its axes (0-based), to look at one row at a time. */
export function onlyAxes(...indexes: number[]): (plan: PlanDocument) => void {
  return (plan) => {
    plan.axes = indexes.map((index) => plan.axes[index]!)
  }
}

export const row0 = '/axes/0/objectives/0/rows/0'

/** The 2021 plan with the first row of each objective naming no fiduciary: errors at submission. */
export const without2021Responsibles = () =>
  edited(seed2021, (plan) => {
    for (const objective of plan.axes[0]!.objectives) objective.rows[0]!.responsible = { raw: '' }
  })

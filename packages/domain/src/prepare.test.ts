import { describe, expect, it } from 'vitest'
import { newId } from './ids.js'
import type { PlanDocument } from './plan/plan-document.js'
import { notationsAreCurrent, preparePlan } from './prepare.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'
import { seedPlans } from './test-support.js'
import { validatePlan } from './validate.js'

function idsOf(plan: PlanDocument): string[] {
  return plan.axes.flatMap((axis) => [
    axis.id,
    ...axis.objectives.flatMap((objective) => [objective.id, ...objective.rows.flatMap((row) => [row.id, ...row.actions.map((action) => action.id)])]),
  ])
}

describe('preparePlan', () => {
  it('leaves a prepared plan unchanged', () => {
    const plan = seedPlans.crevale2026()
    expect(preparePlan(plan, lanaudiere2026)).toEqual(plan)
    expect(notationsAreCurrent(plan, lanaudiere2026)).toBe(true)
  })

  it('finds the notations current whatever the order of their keys', () => {
    const plan = seedPlans.crevale2026()
    const row = plan.axes[0]!.objectives[0]!.rows[0]!
    // The same value as another tool may write it: the parsed value first, the raw text last.
    const { raw, ...rest } = row.budget!
    row.budget = { ...rest, raw }
    expect(notationsAreCurrent(plan, lanaudiere2026)).toBe(true)
  })

  it('keeps every id through insertion and renumbering, and gives new nodes fresh unique ids', () => {
    const plan = seedPlans.crevale2026()
    const before = idsOf(plan)
    const axis = plan.axes[3]!
    const inserted = { title: 'Nouvel objectif', rows: [{ actions: [{ text: 'Nouvelle action' }], responsible: { raw: 'CREVALE' }, partners: { raw: '' }, results: [], schedule: [], budget: { raw: '' } }] } as unknown as PlanDocument['axes'][0]['objectives'][0]
    axis.objectives.unshift(inserted)
    axis.objectives.forEach((objective, i) => (objective.number = i + 1))
    plan.axes.reverse()
    const prepared = preparePlan(plan, lanaudiere2026)
    const after = idsOf(prepared)
    expect(after).toEqual(expect.arrayContaining(before))
    expect(new Set(after).size).toBe(after.length)
    expect(after.length).toBe(before.length + 3)
    expect(validatePlan(prepared).issues).toEqual([])
  })

  it('recomputes parsed values from the raw text', () => {
    const plan = seedPlans.crevale2026()
    const row = plan.axes[0]!.objectives[0]!.rows[0]!
    row.schedule![0]!.years = { raw: 'An 7 ou 8' }
    row.partners = { raw: 'CREVALE\nFirme externe\nInconnu inc.' }
    const prepared = preparePlan(plan, lanaudiere2026).axes[0]!.objectives[0]!.rows[0]!
    expect(prepared.schedule![0]!.years).toEqual({ raw: 'An 7 ou 8', value: { years: [7, 8], mode: 'any' } })
    expect(prepared.partners?.value?.names.map((name) => name.ref)).toEqual([
      { participant: plan.participants!.entries.find((entry) => entry.acronym === 'CREVALE')!.id },
      { partnerGroup: 'external-firm' },
      undefined,
    ])
  })

  it('makes random ids with the given prefix', () => {
    expect(newId('ob')).toMatch(/^ob-[0-9a-z]{8}$/)
    expect(newId('ob')).not.toBe(newId('ob'))
  })
})

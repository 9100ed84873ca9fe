import plan2021 from '../examples/crevale-2021.plan.json' with { type: 'json' }
import plan2026 from '../examples/crevale-2026-2028.plan.json' with { type: 'json' }
import serviceOffer from '../examples/crevale-service-offer.plan.json' with { type: 'json' }
import type { PlanDocument } from './plan/plan-document.js'
import { preparePlan } from './prepare.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'

/**
 * The real documents the project was built from, encoded in full (checked by the package's tests):
 * the 2026-2028 and 2021 work plans of the Chantier régional en réussite éducative, and the CREVALE's
 * offer of service to local committees. Each call returns a fresh copy that the caller may modify.
 */
export const examplePlans = {
  crevale2026: () => structuredClone(plan2026) as unknown as PlanDocument,
  crevale2021: () => structuredClone(plan2021) as unknown as PlanDocument,
  crevaleServiceOffer: () => structuredClone(serviceOffer) as unknown as PlanDocument,
} as const

export type ExamplePlanName = keyof typeof examplePlans

/**
 * A large plan made from the 2026-2028 plan's rows (fresh ids, one schedule block and step and two results
 * each, under axes of ten objectives), for benchmarks: about 1.5 kB per row.
 */
export function generatedPlan(rowCount: number): PlanDocument {
  const seed = examplePlans.crevale2026()
  const rows = seed.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows))
  const plan = structuredClone(seed)
  plan.id = `generated-${rowCount}`
  plan.axes = []
  let made = 0
  for (let a = 0; made < rowCount; a++) {
    const axis = { number: a + 1, title: `${seed.axes[a % seed.axes.length]!.title} (${a + 1})`, objectives: [] } as unknown as PlanDocument['axes'][number]
    for (let o = 0; o < 10 && made < rowCount; o++) {
      const source = structuredClone(rows[made % rows.length]!) as Partial<PlanDocument['axes'][number]['objectives'][number]['rows'][number]>
      delete source.id
      for (const action of source.actions ?? []) {
        delete (action as { id?: string }).id
        delete action.content
      }
      source.schedule = (source.schedule ?? []).slice(0, 1).map((block) => ({ ...block, steps: block.steps.slice(0, 1) }))
      source.results = (source.results ?? []).slice(0, 2)
      axis.objectives.push({ number: o + 1, title: `Objectif ${o + 1} de l'axe ${a + 1}`, rows: [source] } as unknown as PlanDocument['axes'][number]['objectives'][number])
      made++
    }
    plan.axes.push(axis)
  }
  return preparePlan(plan, lanaudiere2026)
}

import plan2021 from '../examples/crevale-2021.plan.json' with { type: 'json' }
import plan2026 from '../examples/crevale-2026-2028.plan.json' with { type: 'json' }
import serviceOffer from '../examples/crevale-service-offer.plan.json' with { type: 'json' }
import type { PlanDocument } from './plan/plan-document.js'

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

// Test helpers shared by the package's own tests; not exported from the package.
import { readFileSync } from 'node:fs'
import plan2021 from '../examples/crevale-2021.plan.json' with { type: 'json' }
import plan2026 from '../examples/crevale-2026-2028.plan.json' with { type: 'json' }
import serviceOffer from '../examples/crevale-service-offer.plan.json' with { type: 'json' }
import type { PlanDocument } from './plan/plan-document.js'

export const seedPlans = {
  crevale2026: () => structuredClone(plan2026) as unknown as PlanDocument,
  crevale2021: () => structuredClone(plan2021) as unknown as PlanDocument,
  crevaleServiceOffer: () => structuredClone(serviceOffer) as unknown as PlanDocument,
}

export function seedText(name: '000-plan-2026-2028' | '001-plan-2021' | '003-offre-de-service'): string {
  return readFileSync(new URL(`../examples/seeds/${name}.txt`, import.meta.url), 'utf8')
}

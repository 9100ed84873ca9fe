// The benchmark corpus: S is seed 000 itself; M and L are plans generated from its rows.
import { examplePlans, generatedPlan } from '@demarche/domain/examples'

/** The corpus by name, made on demand so that one size's objects do not weigh on another's timing. */
export const CORPUS = {
  S: () => examplePlans.crevale2026(),
  M: () => generatedPlan(1_000),
  L: () => generatedPlan(10_000),
}

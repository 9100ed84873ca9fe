import { type PlanDocument, placeNames, type Profile } from '@demarche/domain'
import type { Bilingual } from './rule.js'

/** Names any place of a plan for people: "Axe 2, objectif 1 — Budget", "Étape 14 de la préparation". */
export interface PlaceLabeller {
  labelOf(pointer: string): Bilingual
}

/** The domain's place names for one plan: every label a reader sees is made there. */
export function placeLabeller(plan: PlanDocument, profile: Profile): PlaceLabeller {
  return placeNames(plan, profile)
}

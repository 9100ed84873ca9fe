import { type Locale, localize } from '../locale.js'
import type { PlanTermKey, PlanTerms, Profile } from './profile.js'

/** Every word of `PlanTerms`, in one language. */
export type PlanTermWords = Record<PlanTermKey, string>

/**
 * The toolkit's neutral words for the facts around a plan, none of them a region's own: what a profile that
 * states no word of its own shows. Not part of the `generic` profile's definition: a registered profile is
 * stored resolved and named by its hash, and words added to the profile it extends would make the same file
 * another definition when posted again.
 */
export const NEUTRAL_TERMS = {
  group: { fr: 'Regroupement', en: 'Group' },
  fiduciary: { fr: 'Organisme fiduciaire', en: 'Fiduciary organisation' },
  fiduciaryMark: { fr: 'fiduciaire', en: 'fiduciary' },
  programme: { fr: 'Programme', en: 'Programme' },
  contacts: { fr: 'Personnes à joindre', en: 'Contact people' },
  row: { fr: 'Rangée', en: 'Row' },
} as const satisfies PlanTerms

/**
 * The profile's words for the facts around its plan in one language: each word the profile states, else the
 * toolkit's neutral one (`NEUTRAL_TERMS`); the Document sheet's field for the fiduciary is the document's word for it
 * when the profile gives no form of its own.
 */
export function planTerms(profile: Pick<Profile, 'terms'>, language: Locale): PlanTermWords {
  const stated: PlanTerms = { ...NEUTRAL_TERMS, ...profile.terms }
  // The neutral words hold every word but `fiduciaryField`, whose default is the fiduciary's word.
  const word = (key: PlanTermKey) => localize(stated[key] ?? stated.fiduciary!, language)
  return {
    group: word('group'),
    fiduciary: word('fiduciary'),
    fiduciaryField: word('fiduciaryField'),
    fiduciaryMark: word('fiduciaryMark'),
    programme: word('programme'),
    contacts: word('contacts'),
    row: word('row'),
  }
}

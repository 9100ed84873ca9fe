import { type Locale, localize } from '../locale.js'
import { generic } from './generic.js'
import type { PlanTermKey, PlanTerms, Profile } from './profile.js'

/** Every word of `PlanTerms`, in one language. */
export type PlanTermWords = Record<PlanTermKey, string>

/**
 * The profile's words for the facts around its plan in one language: each word the profile states, else the
 * toolkit's neutral one (`generic`'s); the Document sheet's field for the fiduciary is the document's word for it
 * when the profile gives no form of its own.
 */
export function planTerms(profile: Pick<Profile, 'terms'>, language: Locale): PlanTermWords {
  const stated: PlanTerms = { ...generic.terms, ...profile.terms }
  // `generic` states every word but `fiduciaryField`, whose default is the fiduciary's word.
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

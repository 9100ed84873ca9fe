import { findProfile, fiscalYearOf, planYearOfText, type Profile } from '@demarche/domain'
import { AppError } from './errors.js'

/**
 * The plans a year filter names. Plans store their years in the chantier's count (An 6); a reviewer writes
 * "2026" or "2026-2027" as well, and a calendar or fiscal year is a different An N under each profile's
 * year scheme, so such a filter is one plan year per profile (`profiles`: every one the service knows,
 * registered ones included). "An 6" (or "6") is the same everywhere.
 */
export type YearMatch = { planYear: number } | { byProfile: readonly { profileId: string; planYear: number }[] }

export function yearFilter(text: string, bound: 'first' | 'last', parameter: string, profiles: readonly Profile[]): YearMatch {
  const counted = /^(?:an|year)?\s*\d{1,2}$/i.test(text.trim())
  if (counted) {
    const planYear = planYearOfText(text, profiles[0]!.yearScheme, bound)
    if (planYear !== undefined) return { planYear }
  } else {
    const byProfile = profiles.flatMap((profile) => {
      const planYear = planYearOfText(text, profile.yearScheme, bound)
      return planYear === undefined ? [] : [{ profileId: profile.id, planYear }]
    })
    if (byProfile.length > 0) return { byProfile }
  }
  const message = {
    fr: `« ${text} » n’est pas une année : écrivez « An 6 », « 2026-2027 » ou « 2026 ».`,
    en: `"${text}" is not a year: write "An 6", "2026-2027" or "2026".`,
  }
  throw new AppError('invalid-request', { fr: 'La requête ne respecte pas le schéma attendu.', en: 'The request does not match the expected schema.' }, {
    errors: [{ in: 'querystring', pointer: `/${parameter}`, code: 'invalid-year', message }],
  })
}

/** A plan year as its fiscal year ("2026-2027") under the plan's profile (among `profiles`); null when either is unknown. */
export function fiscalYearLabel(profileId: string, planYear: number | null, profiles: readonly Profile[]): string | null {
  const profile = planYear === null ? undefined : findProfile(profileId, undefined, profiles)
  return profile && planYear !== null ? fiscalYearOf(planYear, profile.yearScheme).label : null
}

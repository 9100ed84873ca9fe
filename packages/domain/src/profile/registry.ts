import { crevaleServiceOffer } from './crevale-service-offer.js'
import { generic } from './generic.js'
import { lanaudiere2021 } from './lanaudiere-2021.js'
import { lanaudiere2026 } from './lanaudiere-2026.js'
import type { Profile } from './profile.js'

/** The profiles shipped with the package; other regions pass their own to the functions that take one. */
export const builtinProfiles: readonly Profile[] = [lanaudiere2026, lanaudiere2021, generic, crevaleServiceOffer]

export function findProfile(id: string, version?: number, profiles: readonly Profile[] = builtinProfiles): Profile | undefined {
  return profiles
    .filter((profile) => profile.id === id && (version === undefined || profile.version === version))
    .sort((a, b) => b.version - a.version)[0]
}

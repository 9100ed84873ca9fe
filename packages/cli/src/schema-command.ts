import { builtinProfiles, findProfile, type Locale, planJsonSchema } from '@demarche/domain'
import type { Io } from './io.js'

/** `demarche schema [--profile id]`: the plan JSON Schema, for tools outside TypeScript. */
export function schemaCommand(profileId: string | undefined, locale: Locale, io: Io): number {
  if (profileId === undefined) {
    io.stdout(JSON.stringify(planJsonSchema(), null, 2) + '\n')
    return 0
  }
  const profile = findProfile(profileId)
  if (!profile) {
    const known = builtinProfiles.map((candidate) => candidate.id).join(', ')
    io.stderr(`${locale === 'fr' ? 'Profil inconnu' : 'Unknown profile'}: ${profileId} (${known})\n`)
    return 2
  }
  io.stdout(JSON.stringify(planJsonSchema(profile), null, 2) + '\n')
  return 0
}

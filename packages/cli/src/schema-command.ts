import { builtinProfiles, findProfile, type Locale, planJsonSchema } from '@demarche/domain'
import type { Io } from './io.js'
import { messages } from './messages.js'

/** `demarche schema [--profile id]`: the plan JSON Schema, for tools outside TypeScript. */
export function schemaCommand(profileId: string | undefined, locale: Locale, io: Io): number {
  if (profileId === undefined) {
    io.stdout(JSON.stringify(planJsonSchema(), null, 2) + '\n')
    return 0
  }
  const profile = findProfile(profileId)
  if (!profile) {
    io.stderr(`${messages.unknownProfile(profileId, builtinProfiles.map((candidate) => candidate.id))[locale]}\n`)
    return 2
  }
  io.stdout(JSON.stringify(planJsonSchema(profile), null, 2) + '\n')
  return 0
}

import { findProfile, type Locale, planJsonSchema, profileFileJsonSchema } from '@demarche/domain'
import { assessmentFileJsonSchema, ruleSetFileJsonSchema } from '@demarche/rules'
import type { Io } from './io.js'
import { messages } from './messages.js'
import { knownProfiles, onlyRegionProfile, type Project, ProjectConfig } from './project.js'

export interface SchemaOptions {
  /** "profile", "rule-set", "assessment" or "config" for those files' schemas; none for plans. */
  kind: string | undefined
  /** A profile id for the plan schema of that profile. */
  profile: string | undefined
  project: Project
}

/**
 * `demarche schema [profile|rule-set|assessment|config] [--profile id|file]`: the JSON Schema of plans (of one profile,
 * built-in or loaded from a file) or of the files a region writes, for editors and tools outside TypeScript.
 */
export function schemaCommand(options: SchemaOptions, locale: Locale, io: Io): number {
  const print = (schema: unknown) => {
    io.stdout(JSON.stringify(schema, null, 2) + '\n')
    return 0
  }
  if (options.kind === 'profile') return print(profileFileJsonSchema())
  if (options.kind === 'rule-set') return print(ruleSetFileJsonSchema())
  if (options.kind === 'assessment') return print(assessmentFileJsonSchema())
  if (options.kind === 'config') return print({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(ProjectConfig)) })
  if (options.kind !== undefined) {
    io.stderr(`${messages.unknownSchema(options.kind)[locale]}\n`)
    return 2
  }
  if (options.profile === undefined) return print(planJsonSchema(options.project.lastProfile ?? onlyRegionProfile(options.project)))
  const [id, version] = options.profile.split('@')
  const profile = findProfile(id!, version === undefined ? undefined : Number(version), options.project.profiles)
  if (!profile) {
    io.stderr(`${messages.unknownProfile(options.profile, knownProfiles(options.project))[locale]}\n`)
    return 2
  }
  return print(planJsonSchema(profile))
}

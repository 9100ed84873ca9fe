import { dirname, join, relative, resolve } from 'node:path'
import { builtinProfiles, findProfile, type LocatedIssue, type Locale, loadProfileText, type Profile, placeOf, readSourceText } from '@demarche/domain'
import { builtinRules, builtinRuleSets, canonicalJson, createRulesEngine, type Engine, loadRuleSetText, type RuleSetDefinition } from '@demarche/rules'
import Type, { type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import type { Io } from './io.js'
import { CliFailure, type Message, messages } from './messages.js'

export const CONFIG_FILE = 'demarche.config.json'

/**
 * `demarche.config.json`, found from the current folder upward: the profile and rule set files of a
 * region's repository (paths relative to the config file) and the rule set to use by default, so that no
 * command needs flags there.
 */
export const ProjectConfig = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    profiles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Profile files (JSON or YAML), in order: one may extend an earlier one.' })),
    ruleSets: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Rule set files (JSON or YAML), in order.' })),
    ruleSet: Type.Optional(Type.String({ description: 'Rule set used by lint and render --report when none is given: id@version.' })),
  },
  { additionalProperties: false, $id: 'https://demarche.example/schemas/demarche.config.schema.json', title: 'demarche.config.json' },
)
export type ProjectConfig = Static<typeof ProjectConfig>

/** The profiles and rule sets a command works with: the built-in ones, then the project's and the flags'. */
export interface Project {
  profiles: readonly Profile[]
  ruleSets: readonly RuleSetDefinition[]
  /** The config file's default rule set, if any. */
  ruleSet?: string
  engine: Engine
  /** The profile named by the last --profile, for `schema --profile`. */
  lastProfile?: Profile
  /** The profiles loaded from files (the config's and the flags'), each once, in order. */
  regionProfiles: readonly Profile[]
}

/** The profile `template`, `import` and `schema` use when given no id: the one region profile loaded, if only one is. */
export function onlyRegionProfile(project: Pick<Project, 'regionProfiles'>): Profile | undefined {
  return project.regionProfiles.length === 1 ? project.regionProfiles[0] : undefined
}

export interface ProjectOptions {
  profileFiles: readonly string[]
  ruleFiles: readonly string[]
  cwd: string
}

/**
 * Loads the project: the config file found from `cwd` upward, then the --profile and --rules files. A file
 * that cannot be read or is not a valid profile or rule set ends the command (exit 2) with every problem
 * located as file:line:column and JSON Pointer.
 */
export async function loadProject(options: ProjectOptions, locale: Locale, io: Io): Promise<Project> {
  const config = await findConfig(options.cwd, locale, io)
  const profileFiles = [...(config?.value.profiles ?? []).map((path) => join(config!.folder, path)), ...options.profileFiles]
  const ruleFiles = [...(config?.value.ruleSets ?? []).map((path) => join(config!.folder, path)), ...options.ruleFiles]
  const profiles: Profile[] = [...builtinProfiles]
  let lastProfile: Profile | undefined
  // Where each loaded profile came from, for the message when another file defines the same id@version.
  const sources = new Map<Profile, string>()
  for (const file of profileFiles) {
    const loaded = loadProfileText(await readText(file, io), shown(file, options.cwd), profiles)
    if (!loaded.ok) throw failure(loaded.issues, locale)
    // Plans name id@version: a second, different definition of one would change what an existing plan means.
    // The identical definition (the config's file given again with --profile) is the same profile: kept once.
    const existing = profiles.find((profile) => profile.id === loaded.profile.id && profile.version === loaded.profile.version)
    if (existing && canonicalJson(existing) === canonicalJson(loaded.profile)) {
      lastProfile = existing
      continue
    }
    if (existing) {
      const ref = `${loaded.profile.id}@${loaded.profile.version}`
      const first = sources.get(existing)
      throw failure(
        [
          {
            file: shown(file, options.cwd),
            code: 'profile-exists',
            pointer: '/version',
            message: first
              ? {
                  fr: `Le profil « ${ref} » est déjà défini autrement dans ${first} : une autre définition demande une nouvelle version.`,
                  en: `Profile "${ref}" is already defined differently in ${first}: another definition needs a new version.`,
                }
              : {
                  fr: `Le profil « ${ref} » est un profil intégré : une autre définition demande un autre identifiant ou une nouvelle version.`,
                  en: `Profile "${ref}" is a built-in profile: another definition needs another id or a new version.`,
                },
          },
        ],
        locale,
      )
    }
    profiles.push(loaded.profile)
    sources.set(loaded.profile, shown(file, options.cwd))
    lastProfile = loaded.profile
  }
  const ruleSets: RuleSetDefinition[] = [...builtinRuleSets]
  for (const file of ruleFiles) {
    const loaded = loadRuleSetText(await readText(file, io), shown(file, options.cwd), ruleSets, builtinRules)
    if (!loaded.ok) throw failure(loaded.issues, locale)
    ruleSets.push(loaded.ruleSet)
  }
  const extraProfiles = profiles.filter((profile) => !builtinProfiles.includes(profile))
  const extraRuleSets = ruleSets.filter((ruleSet) => !builtinRuleSets.includes(ruleSet))
  return {
    profiles,
    ruleSets,
    ...(config?.value.ruleSet !== undefined && { ruleSet: config.value.ruleSet }),
    ...(lastProfile && { lastProfile }),
    regionProfiles: extraProfiles,
    engine: createRulesEngine({ profiles: extraProfiles, ruleSets: extraRuleSets }),
  }
}

/** The profile a plan names, among the project's; the message lists the known ones when there is none. */
export function profileOf(project: Project, input: unknown): { profile: Profile } | { unknown: Message } {
  const ref = (input as { profile?: { id?: unknown; version?: unknown } } | null)?.profile
  const id = String(ref?.id)
  const profile = findProfile(id, typeof ref?.version === 'number' ? ref.version : undefined, project.profiles)
  return profile ? { profile } : { unknown: messages.unknownProfile(id, knownProfiles(project)) }
}

export function knownProfiles(project: Pick<Project, 'profiles'>): string[] {
  return project.profiles.map((profile) => `${profile.id}@${profile.version}`)
}

const checkConfig = Compile(ProjectConfig)

async function findConfig(cwd: string, locale: Locale, io: Io): Promise<{ folder: string; value: ProjectConfig } | undefined> {
  let folder = resolve(cwd)
  for (;;) {
    const path = join(folder, CONFIG_FILE)
    let text: string | undefined
    try {
      text = await io.readFile(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliFailure('io', messages.cannotRead(path, code))
    }
    if (text !== undefined) {
      const file = shown(path, cwd)
      const read = readSourceText(text, file)
      if (!read.ok) throw failure(read.issues, locale)
      if (!checkConfig.Check(read.value))
        throw failure(
          [...checkConfig.Errors(read.value)].slice(0, 20).map((error) => {
            const position = read.positionOf(error.instancePath)
            return {
              file,
              code: 'invalid-config',
              pointer: error.instancePath,
              ...(position && { position }),
              message: { fr: `Valeur invalide : ${error.message}.`, en: `Invalid value: ${error.message}.` },
            }
          }),
          locale,
        )
      return { folder, value: read.value as ProjectConfig }
    }
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

async function readText(file: string, io: Io): Promise<string> {
  try {
    return await io.readFile(file)
  } catch (error) {
    throw new CliFailure('io', messages.cannotRead(file, (error as NodeJS.ErrnoException).code))
  }
}

/** Paths as the person typed them: relative to the current folder when inside it. */
function shown(path: string, cwd: string): string {
  const fromCwd = relative(cwd, resolve(cwd, path))
  return fromCwd.startsWith('..') ? resolve(cwd, path) : fromCwd
}

function failure(issues: readonly LocatedIssue[], _locale: Locale): CliFailure {
  const lines = (language: Locale) => issues.map((issue) => `${placeOf(issue)}  ${issue.message[language]}  [${issue.code}]`).join('\n')
  return new CliFailure('io', { fr: lines('fr'), en: lines('en') })
}

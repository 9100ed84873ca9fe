import Type, { type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { Settings } from 'typebox/system'
import { Id, LocalizedText } from '../common.js'
import type { Issue } from '../errors.js'
import { type LocatedIssue, locatedIn, readSourceText } from '../source-text.js'
import { issuesFromSchemaErrors, type SchemaError } from '../validation-messages.js'
import { Column, Level, PlanTerms, Profile, ProfileBudgetLine, Section, VocabularyEntry, YearScheme } from './profile.js'
import { builtinProfiles } from './registry.js'

/** "lanaudiere-2026@1": a profile (or rule set) and its version, the form files and plans name them by. */
export const VersionedRef = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*@[1-9][0-9]*$', description: 'id@version, e.g. generic@1' })

const Removal = <Key extends string>(key: Key, schema: typeof Id | typeof ProfileBudgetLine.properties.line) =>
  Type.Object({ [key]: schema, remove: Type.Literal(true) } as Record<Key, typeof schema> & { remove: ReturnType<typeof Type.Literal<true>> }, {
    additionalProperties: false,
  })

/** A vocabulary entry stated by the file: a new or replaced entry, or `{ id, remove: true }`. */
export const VocabularyPatch = Type.Union([VocabularyEntry, Removal('id', Id)])
/** A budget line stated by the file: a new or replaced line, or `{ line, remove: true }`. */
export const BudgetLinePatch = Type.Union([ProfileBudgetLine, Removal('line', ProfileBudgetLine.properties.line)])

/**
 * A profile as a file. With `extends`, it states only its differences from the named profile:
 * - objects merge key by key (a level's `label` replaces the base's label, its other keys stay, except its
 *   `grammar`, dropped when the file renames the level's `short` form without stating it);
 * - vocabularies merge by `id` and budget lines by `line`: a stated entry replaces the base's entry of the
 *   same id (in place) or is appended; `{ "id": …, "remove": true }` removes one;
 * - columns and sections are the form's fixed places: one is taken out with `"presence": "absent"`;
 * - `terms` merge word by word, each word replaced whole (its French and English together).
 * Without `extends`, the file must be a whole profile.
 */
export const ProfileFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Profile.properties.id,
    version: Profile.properties.version,
    extends: Type.Optional(VersionedRef),
    title: Type.Optional(LocalizedText),
    documentType: Type.Optional(Profile.properties.documentType),
    levels: Type.Optional(
      Type.Object(
        { axis: Type.Optional(Type.Partial(Level)), objective: Type.Optional(Type.Partial(Level)), action: Type.Optional(Type.Partial(Level)) },
        { additionalProperties: false },
      ),
    ),
    columns: Type.Optional(
      Type.Object(
        Object.fromEntries(Object.keys(Profile.properties.columns.properties).map((key) => [key, Type.Optional(Type.Partial(Column))])),
        { additionalProperties: false },
      ),
    ),
    sections: Type.Optional(
      Type.Object(
        Object.fromEntries(Object.keys(Profile.properties.sections.properties).map((key) => [key, Type.Optional(Type.Partial(Section))])),
        { additionalProperties: false },
      ),
    ),
    transversalPriorities: Type.Optional(Type.Array(VocabularyPatch)),
    standardEffects: Type.Optional(Type.Array(VocabularyPatch)),
    partnerGroups: Type.Optional(Type.Array(VocabularyPatch)),
    preparationStepKinds: Type.Optional(Type.Array(VocabularyPatch)),
    yearScheme: Type.Optional(Type.Partial(YearScheme)),
    budgetLines: Type.Optional(Type.Array(BudgetLinePatch)),
    terms: Type.Optional(PlanTerms),
  },
  {
    additionalProperties: false,
    $id: 'https://demarche.example/schemas/profile.schema.json',
    title: 'Profil de formulaire Démarche / Démarche form profile',
  },
)
export type ProfileFile = Static<typeof ProfileFile>

export type ProfileLoad = { ok: true; profile: Profile } | { ok: false; issues: LocatedIssue[] }

const checks: { file?: ReturnType<typeof Compile>; profile?: ReturnType<typeof Compile> } = {}

/** "id@version" of a profile. */
export function profileRef(profile: Pick<Profile, 'id' | 'version'>): string {
  return `${profile.id}@${profile.version}`
}

/** Splits "id@version"; a bare id means its newest version. */
export function parseRef(ref: string): { id: string; version?: number } {
  const at = ref.lastIndexOf('@')
  if (at < 0) return { id: ref }
  const version = Number(ref.slice(at + 1))
  return Number.isInteger(version) && version >= 1 ? { id: ref.slice(0, at), version } : { id: ref }
}

/**
 * Reads a profile file's text (JSON or YAML) and resolves its `extends` against `known` (the built-in
 * profiles and any loaded before it). Every problem is located: file, JSON Pointer, line and column.
 */
export function loadProfileText(text: string, file: string, known: readonly Profile[] = builtinProfiles): ProfileLoad {
  const read = readSourceText(text, file)
  if (!read.ok) return read
  const located = (issues: readonly Issue[]): LocatedIssue[] => locatedIn(read, file, issues)
  const resolved = resolveProfileFile(read.value, known)
  return resolved.ok ? resolved : { ok: false, issues: located(resolved.issues) }
}

/** Resolves a parsed profile file (see `ProfileFile`) into a whole `Profile`; never throws on bad input. */
export function resolveProfileFile(input: unknown, known: readonly Profile[] = builtinProfiles): { ok: true; profile: Profile } | { ok: false; issues: Issue[] } {
  checks.file ??= Compile(ProfileFile)
  const shape = schemaIssues(checks.file, input)
  if (shape.length > 0) return { ok: false, issues: shape }
  const file = input as ProfileFile
  let merged: unknown
  if (file.extends === undefined) {
    const { $schema: _schema, ...whole } = file
    merged = whole
  } else {
    const { id, version } = parseRef(file.extends)
    const base = known.find((candidate) => candidate.id === id && candidate.version === version)
    if (!base) {
      const names = known.map(profileRef).join(', ')
      return {
        ok: false,
        issues: [
          {
            code: 'unknown-profile',
            pointer: '/extends',
            message: {
              fr: `Profil de base inconnu : « ${file.extends} ». Profils connus : ${names}.`,
              en: `Unknown base profile: "${file.extends}". Known profiles: ${names}.`,
            },
          },
        ],
      }
    }
    merged = mergeProfile(base, file)
  }
  checks.profile ??= Compile(Profile)
  const whole = schemaIssues(checks.profile, merged)
  if (whole.length > 0) return { ok: false, issues: whole }
  return { ok: true, profile: merged as Profile }
}

/** The base profile with the file's differences applied (see `ProfileFile` for the rules). */
export function mergeProfile(base: Profile, file: ProfileFile): Profile {
  const result = structuredClone(base) as unknown as Record<string, unknown>
  const { $schema: _schema, extends: _extends, ...stated } = file
  for (const [key, value] of Object.entries(stated)) {
    if (value === undefined) continue
    if (key === 'budgetLines') result[key] = mergeByKey(base.budgetLines, value as ProfileFile['budgetLines'] & object, 'line')
    // A word is replaced whole: a French word with the base's English one would mix two profiles' words.
    else if (key === 'terms') result[key] = { ...base.terms, ...structuredClone(value as PlanTerms) }
    else if (Array.isArray(value)) result[key] = mergeByKey(result[key] as { id: string }[], value as { id: string }[], 'id')
    else result[key] = mergeObjects(result[key], value)
  }
  // A level renamed without its grammar does not keep the base name's: "Axe" is masculine, "Orientation" is not.
  const levels = result.levels as Profile['levels']
  for (const level of ['axis', 'objective', 'action'] as const) {
    const patch = file.levels?.[level]
    if (patch?.short && !patch.grammar) delete levels[level].grammar
  }
  return result as unknown as Profile
}

function mergeObjects(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch)
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    // A localized text is replaced whole: a French label with the base's English one would mix two forms.
    result[key] = key === 'label' || key === 'short' || key === 'prompt' || key === 'columnHeading' ? structuredClone(value) : mergeObjects(base[key], value)
  }
  return result
}

function mergeByKey<Entry extends Record<string, unknown>>(base: readonly Entry[], patches: readonly Record<string, unknown>[], key: string): Entry[] {
  const result = base.map((entry) => structuredClone(entry))
  for (const patch of patches) {
    const at = result.findIndex((entry) => entry[key] === patch[key])
    if (patch.remove === true) {
      if (at >= 0) result.splice(at, 1)
    } else if (at >= 0) result[at] = structuredClone(patch) as Entry
    else result.push(structuredClone(patch) as Entry)
  }
  return result
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function schemaIssues(check: ReturnType<typeof Compile>, input: unknown): Issue[] {
  if (check.Check(input)) return []
  const previous = Settings.Get().maxErrors
  Settings.Set({ maxErrors: 50 })
  try {
    return issuesFromSchemaErrors(check.Errors(input) as unknown as SchemaError[]).slice(0, 50)
  } finally {
    Settings.Set({ maxErrors: previous })
  }
}

/** The published JSON Schema of profile files, for editors. */
export function profileFileJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...ProfileFile })) as Record<string, unknown>
}

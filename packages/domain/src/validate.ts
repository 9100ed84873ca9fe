import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { Settings } from 'typebox/system'
import type { Issue } from './errors.js'
import { Value } from 'typebox/value'
import { forEachIdentifiedNode } from './identified.js'
import { buildNameIndex, type NameIndex } from './names.js'
import { type NotationSlot, parseSlot } from './prepare.js'
import { PlanDocument } from './plan/plan-document.js'
import type { Profile, YearScheme } from './profile/profile.js'
import { builtinProfiles, findProfile } from './profile/registry.js'
import { pointerResolves } from './pointer.js'
import { planSchemaFor } from './schema.js'
import { visitPlan } from './walk.js'
import { forbiddenCharacterIssues } from './xml-text.js'
import { issuesFromSchemaErrors, type SchemaError } from './validation-messages.js'

export type ValidationResult =
  | { ok: true; plan: PlanDocument; profile: Profile; issues: [] }
  | { ok: false; plan?: undefined; profile?: Profile; issues: Issue[] }

export interface ValidateOptions {
  /** Profiles to look the plan's profile up in; the built-in ones by default. */
  profiles?: readonly Profile[]
  /** Most issues to report (schema errors past this are not collected). */
  maxIssues?: number
  /**
   * The caller found no forbidden character in the input's JSON text (`jsonMayHoldForbidden` on
   * JSON.stringify's text of it, as the rules engine does while hashing the input): the walk that would
   * locate one is skipped. Only for plain JSON values, whose JSON text holds every string they hold.
   */
  jsonTextChecked?: boolean
}

type Check = ReturnType<typeof Compile>
const baseCheck: { current?: Check } = {}
const profileChecks = new WeakMap<Profile, Check>()

/**
 * Validates any JSON value as a plan of its declared profile: the document shape, then the profile's
 * columns and sections, then what a schema cannot say (unique ids, vocabulary references, notations
 * whose parsed value no longer matches their raw text). Never throws on bad input.
 */
export function validatePlan(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const maxIssues = options.maxIssues ?? 200
  const declared = profileRefOf(input)
  const profile = declared && findProfile(declared.id, declared.version, options.profiles ?? builtinProfiles)
  if (!profile) {
    // Without its profile a document can still be told what is wrong with its shape.
    baseCheck.current ??= Compile(PlanDocument)
    const shapeIssues = schemaIssues(baseCheck.current, input, maxIssues)
    if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues }
    const plan = input as PlanDocument
    const known = (options.profiles ?? builtinProfiles).map((candidate) => `${candidate.id}@${candidate.version}`).join(', ')
    return {
      ok: false,
      issues: [
        {
          code: 'unknown-profile',
          pointer: '/profile',
          message: {
            fr: `Profil inconnu : ${plan.profile.id} version ${plan.profile.version} (profils connus : ${known}).`,
            en: `Unknown profile: ${plan.profile.id} version ${plan.profile.version} (known profiles: ${known}).`,
          },
        },
      ],
    }
  }
  // The profile's schema narrows the base schema, so it alone says everything about the shape.
  const shapeIssues = schemaIssues(profileCheck(profile), input, maxIssues)
  if (shapeIssues.length > 0) return { ok: false, profile, issues: shapeIssues }
  // Every text must be able to become XML (DOCX, XLSX): a forbidden character is refused where it is.
  const characterIssues = options.jsonTextChecked ? [] : forbiddenCharacterIssues(input, maxIssues)
  if (characterIssues.length > 0) return { ok: false, profile, issues: characterIssues }
  const plan = input as PlanDocument
  const issues = semanticIssues(plan, profile)
  return issues.length === 0 ? { ok: true, plan, profile, issues: [] } : { ok: false, profile, issues }
}

function profileCheck(profile: Profile): Check {
  let check = profileChecks.get(profile)
  if (!check) {
    check = Compile(planSchemaFor(profile) as TSchema)
    profileChecks.set(profile, check)
  }
  return check
}

function schemaIssues(check: Check, input: unknown, maxIssues: number): Issue[] {
  if (check.Check(input)) return []
  const previous = Settings.Get().maxErrors
  Settings.Set({ maxErrors: maxIssues })
  try {
    return issuesFromSchemaErrors(check.Errors(input) as unknown as SchemaError[]).slice(0, maxIssues)
  } finally {
    Settings.Set({ maxErrors: previous })
  }
}

function profileRefOf(input: unknown): { id: string; version: number } | undefined {
  const profile = (input as { profile?: unknown } | null)?.profile as { id?: unknown; version?: unknown } | undefined
  if (typeof profile?.id !== 'string') return undefined
  return { id: profile.id, version: typeof profile.version === 'number' ? profile.version : 1 }
}

/**
 * What a schema cannot say, in one walk of the plan: ids seen (a second walk names the duplicates, only
 * when there are any), effects of results, and notations whose parsed value is stale.
 */
function semanticIssues(plan: PlanDocument, profile: Profile): Issue[] {
  const vocabulary = formVocabularyIssues(plan, profile)
  const effects = new Set(profile.standardEffects.map((entry) => entry.id))
  const stale = new StaleNotations(plan, profile)
  // Ids only: holding a pointer per node until the end costs a large plan more than a second walk.
  const ids = new Set<string>()
  let duplicated = false
  visitPlan(plan, profile, {
    node(visit) {
      const id = visit.node.id ?? ''
      if (ids.has(id)) duplicated = true
      else ids.add(id)
      if (visit.kind === 'row' && visit.row.results)
        visit.row.results.forEach((result, n) => {
          if (result.effect !== undefined && !effects.has(result.effect))
            vocabulary.push(unknownVocabulary(profile, `${visit.pointer}/results/${n}/effect`, { fr: 'un effet recherché', en: 'a standard effect' }, result.effect))
        })
    },
    notation: (slot) => stale.check(slot),
  })
  return [...(duplicated ? duplicateIds(plan, profile) : []), ...vocabulary, ...stale.issues, ...noteIssues(plan)]
}

/** A note is attached to a text or cell that exists: a note on nothing would be lost in every format. */
function noteIssues(plan: PlanDocument): Issue[] {
  const issues: Issue[] = []
  plan.notes?.forEach((note, i) => {
    if (note.at !== undefined && !pointerResolves(plan, note.at))
      issues.push({
        code: 'note-target-missing',
        pointer: `/notes/${i}/at`,
        message: { fr: `La note est rattachée à « ${note.at} », qui n’existe pas dans le plan.`, en: `The note is attached to "${note.at}", which does not exist in the plan.` },
      })
  })
  return issues
}

function duplicateIds(plan: PlanDocument, profile: Profile): Issue[] {
  const seen = new Map<string, string>()
  const issues: Issue[] = []
  forEachIdentifiedNode(plan, profile, (node, pointer) => {
    const id = node.id ?? ''
    const first = seen.get(id)
    if (first === undefined) seen.set(id, pointer)
    else
      issues.push({
        code: 'duplicate-id',
        pointer: `${pointer}/id`,
        message: { fr: `L’identifiant « ${id} » est déjà utilisé en ${first}.`, en: `Id "${id}" is already used at ${first}.` },
      })
  })
  return issues
}

function unknownVocabulary(profile: Profile, pointer: string, what: { fr: string; en: string }, value: string): Issue {
  return {
    code: 'unknown-vocabulary',
    pointer,
    message: { fr: `« ${value} » n’est pas ${what.fr} du profil ${profile.id}.`, en: `"${value}" is not ${what.en} of profile ${profile.id}.` },
  }
}

/** Transversal priorities and step kinds that are not the profile's (effects of results are checked in the walk). */
function formVocabularyIssues(plan: PlanDocument, profile: Profile): Issue[] {
  const issues: Issue[] = []
  const priorities = new Set(profile.transversalPriorities.map((entry) => entry.id))
  plan.priorityResponses?.forEach((response, i) => {
    if (!priorities.has(response.priorityId))
      issues.push(unknownVocabulary(profile, `/priorityResponses/${i}/priorityId`, { fr: 'une priorité transversale', en: 'a transversal priority' }, response.priorityId))
  })
  const kinds = new Set(profile.preparationStepKinds.map((entry) => entry.id))
  plan.preparation?.steps.forEach((step, i) => {
    if (!kinds.has(step.kind)) issues.push(unknownVocabulary(profile, `/preparation/steps/${i}/kind`, { fr: 'un type d’étape', en: 'a step kind' }, step.kind))
  })
  return issues
}

/** Notations whose stored parsed value is not what their raw text parses to. */
class StaleNotations {
  readonly issues: Issue[] = []
  private readonly names: NameIndex
  private readonly scheme: YearScheme
  // Plans repeat the same cells ("CREVALE", "An 6 et 7"): each distinct raw text of a kind is parsed once.
  private readonly fresh = new Map<NotationSlot['kind'], Map<string, unknown>>()

  constructor(plan: PlanDocument, profile: Profile) {
    this.names = buildNameIndex(plan.participants?.entries ?? [], profile.partnerGroups)
    this.scheme = profile.yearScheme
  }

  check(slot: NotationSlot): void {
    let parsed = this.fresh.get(slot.kind)
    if (!parsed) this.fresh.set(slot.kind, (parsed = new Map()))
    let expected = parsed.get(slot.stored.raw)
    if (expected === undefined) parsed.set(slot.stored.raw, (expected = parseSlot(slot, this.names, this.scheme)))
    if (!Value.Equal(slot.stored, expected))
      this.issues.push({
        code: 'stale-notation',
        pointer: slot.pointer,
        message: {
          fr: 'La valeur interprétée ne correspond pas au texte saisi (raw) : relancez la préparation du plan.',
          en: 'The parsed value does not match the raw text: prepare the plan again.',
        },
      })
  }
}

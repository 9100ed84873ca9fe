import { builtinProfiles, type Issue, type LocatedIssue, locatedIn, type Profile, profileRef, readSourceText, resolveProfileFile, type SourceRead } from '@demarche/domain'
import { builtinRules, builtinRuleSets, loadRuleSetText, type RuleSetDefinition, ruleSetKey } from '@demarche/rules'
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { plans, profiles, programmes, ruleSets } from '../db/schema/index.js'
import { AppError } from '../errors.js'
import { checkJson, jsonSizeWithin, LIMITS } from '../limits.js'
import type { Principal } from '../plugins/auth.js'
import type { ProblemCode } from '../plugins/problem.js'
import { authorize } from '../policy.js'
import { actorOf, audit } from './audit.js'
import { definitionHash, findRuleSet, type Origin, type Registry } from './registry.js'

/** A registration's answer: the definition, where it comes from, and whether this request wrote it. */
export interface Registration<Definition> {
  definition: Definition
  origin: Origin
  created: boolean
}

/** What a request body holds once read: the value, and for a YAML body its text and where each value sits. */
interface Body {
  value: unknown
  read?: Extract<SourceRead, { ok: true }> & { text: string }
}

const TITLES = {
  'invalid-profile': { fr: 'Le fichier n’est pas un profil valide : rien n’a été enregistré.', en: 'The file is not a valid profile: nothing was registered.' },
  'invalid-rule-set': { fr: 'Le fichier n’est pas un jeu de règles valide : rien n’a été enregistré.', en: 'The file is not a valid rule set: nothing was registered.' },
} as const

/** Issues of a definition as the problem's located `errors` (JSON Pointer into the body; line and column when read from text). */
function invalid(code: 'invalid-profile' | 'invalid-rule-set', issues: readonly (Issue | LocatedIssue)[]): AppError {
  return new AppError(code, TITLES[code], {
    errors: issues.map((issue) => ({
      in: 'body',
      pointer: issue.pointer,
      code: issue.code,
      message: issue.message,
      ...('position' in issue && issue.position && { line: issue.position.line, column: issue.position.column }),
    })),
  })
}

/**
 * Registers profiles and rule sets (admin). A definition is named `id@version` and never changes once
 * registered, used or not: plans, stored evaluations and reports name it, other instances and the worker
 * threads keep it in memory, and a fix is a new version. Posting the same definition again (the same
 * canonical JSON once resolved) is idempotent; another one under a name in use is refused (409).
 */
export class RegistrationsService {
  constructor(
    private readonly db: Database,
    private readonly registry: Registry,
  ) {}

  /** `body`: a parsed JSON body, or the text of a YAML one. */
  async registerProfile(principal: Principal, body: unknown): Promise<Registration<Profile>> {
    authorize(principal, 'profile.register')
    const { value, read } = readBody(body, 'invalid-profile')
    // `extends` may name a profile another instance registered.
    await this.registry.sync()
    const resolved = resolveProfileFile(value, this.registry.profiles())
    if (!resolved.ok) throw invalid('invalid-profile', read ? locatedIn(read, 'body', resolved.issues) : resolved.issues)
    const profile = resolved.profile
    assertBounded(profile, 'profile')
    const ref = profileRef(profile)
    const hash = definitionHash(profile)
    const builtin = builtinProfiles.find((candidate) => profileRef(candidate) === ref)
    if (builtin) {
      if (definitionHash(builtin) === hash) return { definition: builtin, origin: 'built-in', created: false }
      throw exists('profile', ref, 'built-in', 0)
    }
    const [row] = await this.db.insert(profiles).values({ id: profile.id, version: profile.version, hash, definition: profile, registeredBy: actorOf(principal) }).onConflictDoNothing().returning()
    if (row) {
      this.registry.remember('profile', row)
      await audit(this.db, principal, 'profile.register', `profiles/${ref}`, undefined, profile)
      return { definition: profile, origin: 'registered', created: true }
    }
    const [existing] = await this.db.select().from(profiles).where(and(eq(profiles.id, profile.id), eq(profiles.version, profile.version))).limit(1)
    this.registry.remember('profile', existing!)
    if (existing!.hash === hash) return { definition: existing!.definition, origin: 'registered', created: false }
    throw exists('profile', ref, 'registered', await this.plansOfProfile(profile))
  }

  async registerRuleSet(principal: Principal, body: unknown): Promise<Registration<RuleSetDefinition>> {
    authorize(principal, 'rule-set.register')
    const { value, read } = readBody(body, 'invalid-rule-set')
    await this.registry.sync()
    // The same id@version again: compared before anything is resolved (the loader refuses a known name).
    const named = value as { $schema?: unknown; id?: unknown; version?: unknown } | null
    if (named !== null && typeof named === 'object' && typeof named.id === 'string' && Number.isInteger(named.version)) {
      const ref = `${named.id}@${named.version as number}`
      const known = findRuleSet(ref, this.registry.ruleSets())
      if (known) {
        const { $schema: _schema, ...definition } = named
        const origin: Origin = builtinRuleSets.includes(known) ? 'built-in' : 'registered'
        if (definitionHash(definition) === definitionHash(known)) return { definition: known, origin, created: false }
        throw exists('rule-set', ref, origin, origin === 'built-in' ? 0 : await this.programmesOfRuleSet(ref))
      }
    }
    // The loader checks the shape, every rule, option and criterion, located in the text.
    const loaded = loadRuleSetText(read ? read.text : JSON.stringify(value), 'body', this.registry.ruleSets(), builtinRules)
    if (!loaded.ok) throw invalid('invalid-rule-set', read ? loaded.issues : loaded.issues.map(({ position: _position, ...issue }) => issue))
    const definition = loaded.ruleSet
    assertBounded(definition, 'rule-set')
    const ref = ruleSetKey(definition)
    const hash = definitionHash(definition)
    const [row] = await this.db.insert(ruleSets).values({ id: definition.id, version: definition.version, hash, definition, registeredBy: actorOf(principal) }).onConflictDoNothing().returning()
    if (row) {
      this.registry.remember('rule-set', row)
      await audit(this.db, principal, 'rule-set.register', `rule-sets/${ref}`, undefined, definition)
      return { definition, origin: 'registered', created: true }
    }
    // Another request registered it between the read and the write.
    const [existing] = await this.db.select().from(ruleSets).where(and(eq(ruleSets.id, definition.id), eq(ruleSets.version, definition.version))).limit(1)
    this.registry.remember('rule-set', existing!)
    if (existing!.hash === hash) return { definition: existing!.definition, origin: 'registered', created: false }
    throw exists('rule-set', ref, 'registered', await this.programmesOfRuleSet(ref))
  }

  private async plansOfProfile(profile: Pick<Profile, 'id' | 'version'>): Promise<number> {
    const [row] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(plans)
      .where(and(eq(plans.profileId, profile.id), sql`${plans.document} #>> '{profile,version}' = ${String(profile.version)}`))
    return Number(row?.count ?? 0)
  }

  private async programmesOfRuleSet(ref: string): Promise<number> {
    const [row] = await this.db.select({ count: sql<number>`count(*)::int` }).from(programmes).where(eq(programmes.ruleSet, ref))
    return Number(row?.count ?? 0)
  }
}

/** The body as a value: parsed JSON as is, a YAML text read (bounded like any JSON body once read). */
function readBody(body: unknown, code: 'invalid-profile' | 'invalid-rule-set'): Body {
  if (typeof body !== 'string') return { value: body }
  const read = readSourceText(body, 'body')
  if (!read.ok) throw invalid(code, read.issues)
  checkJson(read.value, 'body')
  return { value: read.value, read: { ...read, text: body } }
}

/**
 * A resolved definition is bounded like its body: `extends` chains add each file's entries to the
 * base's, so a chain of small files could otherwise grow one definition without end.
 */
function assertBounded(definition: unknown, kind: 'profile' | 'rule-set'): void {
  if (jsonSizeWithin(definition, LIMITS.definitionBytes) !== Number.POSITIVE_INFINITY) return
  const what = kind === 'profile' ? { fr: 'Le profil', en: 'The profile' } : { fr: 'Le jeu de règles', en: 'The rule set' }
  throw new AppError('definition-too-large', {
    fr: `${what.fr}, une fois « extends » appliqué, dépasse ${LIMITS.definitionBytes / 1024} Kio de JSON.`,
    en: `${what.en}, once "extends" is applied, is larger than ${LIMITS.definitionBytes / 1024} KiB of JSON.`,
  })
}

function exists(kind: 'profile' | 'rule-set', ref: string, origin: Origin, uses: number): AppError {
  const code: ProblemCode = kind === 'profile' ? 'profile-version-exists' : 'rule-set-version-exists'
  const what = kind === 'profile' ? { fr: 'Le profil', en: 'Profile' } : { fr: 'Le jeu de règles', en: 'Rule set' }
  const used =
    kind === 'profile'
      ? { fr: uses > 0 ? ` ; ${uses} plan(s) l’utilisent` : '', en: uses > 0 ? `; ${uses} plan(s) use it` : '' }
      : { fr: uses > 0 ? ` ; ${uses} programme(s) l’utilisent` : '', en: uses > 0 ? `; ${uses} programme(s) use it` : '' }
  const where = origin === 'built-in' ? { fr: 'est livré avec le service', en: 'ships with the service' } : { fr: 'est déjà enregistré', en: 'is already registered' }
  return new AppError(code, {
    fr: `${what.fr} «\u00a0${ref}\u00a0» ${where.fr} avec une autre définition${used.fr}\u00a0: une version ne change plus une fois enregistrée, enregistrez la vôtre sous une nouvelle version.`,
    en: `${what.en} "${ref}" ${where.en} with another definition${used.en}: a version never changes once registered; register yours as a new version.`,
  }, { errors: [{ in: 'body', pointer: '/version', code, message: { fr: `Version déjà prise\u00a0: ${ref}.`, en: `Version already taken: ${ref}.` } }] })
}

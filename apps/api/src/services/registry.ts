import { createHash } from 'node:crypto'
import { builtinProfiles, findProfile, parseRef, type Profile, profileRef } from '@demarche/domain'
import { builtinRuleSets, canonicalJson, createRulesEngine, type Engine, type RuleSetDefinition, ruleSetKey } from '@demarche/rules'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { profiles, ruleSets } from '../db/schema/index.js'

/** Where a profile or rule set comes from: shipped with the packages, or registered by an admin over the API. */
export type Origin = 'built-in' | 'registered'

/** A registered definition as the registry keeps it. */
export interface RegisteredRow<Definition> {
  definition: Definition
  hash: string
  registeredBy: string
  registeredAt: Date
}

/**
 * The definitions a worker thread needs, as the JSON text it receives (`workers/tasks.ts`): only registered
 * ones (a worker has the built-in ones), and only those the task reads — the plan's profile and the rule
 * set chain it is evaluated with. A document whose profile is known only once read (`POST /v1/evaluate`, an
 * imported file) is sent first with the asked rule set's chain alone, and again with its profile's when the
 * worker answers that it names one it was not sent (`Needs`).
 */
export interface Definitions {
  profiles: Profile[]
  ruleSets: RuleSetDefinition[]
}

/** The SHA-256 of a definition's canonical JSON: the same definition gives the same hash whatever its key order (JSONB reorders keys). */
export function definitionHash(definition: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(definition)).digest('hex')}`
}

/**
 * The profiles and rule sets the service knows: the built-in ones and those registered in the database.
 * Registered definitions are immutable and never deleted, so each instance keeps them in memory once read,
 * and the row counts tell whether the database holds any it has not read (`sync`: one small query). That
 * check runs on a miss (a plan, programme or request naming an `id@version` this one does not know) and
 * before work that reads every definition; the tables are read only when the counts differ, so a request
 * naming something that does not exist costs one count, not a read of every definition. Whatever this instance knows is consistent with the database, only possibly behind it.
 */
export class Registry {
  private readonly registeredProfiles = new Map<string, RegisteredRow<Profile>>()
  private readonly registeredRuleSets = new Map<string, RegisteredRow<RuleSetDefinition>>()
  private loading: Promise<void> | undefined
  private memo: { profiles: readonly Profile[]; ruleSets: readonly RuleSetDefinition[]; engine?: Engine; everything?: { definitions?: string; key: string } } | undefined

  constructor(private readonly db: Database) {}

  /** Reads every registered definition not yet in memory (one read at a time: callers meanwhile wait for it). */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  private async load(): Promise<void> {
    const [profileRows, ruleSetRows] = await Promise.all([this.db.select().from(profiles), this.db.select().from(ruleSets)])
    let added = false
    for (const row of profileRows) added = this.keep(this.registeredProfiles, row) || added
    for (const row of ruleSetRows) added = this.keep(this.registeredRuleSets, row) || added
    if (added) this.memo = undefined
  }

  private keep<Definition>(into: Map<string, RegisteredRow<Definition>>, row: RegisteredRow<Definition> & { id: string; version: number }): boolean {
    const ref = `${row.id}@${row.version}`
    if (into.has(ref)) return false
    into.set(ref, { definition: row.definition, hash: row.hash, registeredBy: row.registeredBy, registeredAt: row.registeredAt })
    return true
  }

  /**
   * `sync`, unless one began less than `ms` ago: for the hot path of `POST /v1/evaluate`, where a count
   * query on every request (on the embedded database, on the event loop) cost a share of each evaluation.
   * What this instance registers it knows at once; what another instance registers it learns within `ms`,
   * or at once when a document names a profile it does not know (the worker asks for it, which reads through).
   */
  private syncing: { at: number; done: Promise<void> } | undefined
  syncWithin(ms: number): Promise<void> {
    const now = performance.now()
    if (this.syncing && now - this.syncing.at < ms) return this.syncing.done
    const done = this.sync()
    this.syncing = { at: now, done }
    // A failed count is not kept: the next request tries again.
    done.catch(() => (this.syncing = undefined))
    return done
  }

  /** Catches up with the database when it holds definitions this instance has not read (rows are only ever added, so counts tell). */
  async sync(): Promise<void> {
    const result = await this.db.execute<{ profiles: number | string; rule_sets: number | string }>(
      sql`select (select count(*) from ${profiles}) as profiles, (select count(*) from ${ruleSets}) as rule_sets`,
    )
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ profiles: number | string; rule_sets: number | string }>
    const counts = rows[0]
    if (counts && (Number(counts.profiles) !== this.registeredProfiles.size || Number(counts.rule_sets) !== this.registeredRuleSets.size)) await this.refresh()
  }

  /** Adds a definition this instance has just written (or read back) to what it knows. */
  remember(kind: 'profile', row: RegisteredRow<Profile> & { id: string; version: number }): void
  remember(kind: 'rule-set', row: RegisteredRow<RuleSetDefinition> & { id: string; version: number }): void
  remember(kind: 'profile' | 'rule-set', row: RegisteredRow<Profile | RuleSetDefinition> & { id: string; version: number }): void {
    const into = (kind === 'profile' ? this.registeredProfiles : this.registeredRuleSets) as Map<string, RegisteredRow<Profile | RuleSetDefinition>>
    if (this.keep(into, row)) this.memo = undefined
  }

  private known() {
    this.memo ??= {
      profiles: [...builtinProfiles, ...[...this.registeredProfiles.values()].map((row) => row.definition)],
      ruleSets: [...builtinRuleSets, ...[...this.registeredRuleSets.values()].map((row) => row.definition)],
    }
    return this.memo
  }

  /** Every profile known to this instance: the built-in ones first, then the registered ones in the order read. */
  profiles(): readonly Profile[] {
    return this.known().profiles
  }

  /** Every rule set known to this instance, built-in ones first. */
  ruleSets(): readonly RuleSetDefinition[] {
    return this.known().ruleSets
  }

  /** An engine with the built-in rules and every known profile and rule set. */
  engine(): Engine {
    const known = this.known()
    known.engine ??= createRulesEngine({ profiles: known.profiles.slice(builtinProfiles.length), ruleSets: known.ruleSets.slice(builtinRuleSets.length) })
    return known.engine
  }

  /** The registration of a profile or rule set, or undefined for a built-in (or unknown) one. */
  registration(kind: 'profile' | 'rule-set', ref: string): RegisteredRow<unknown> | undefined {
    return (kind === 'profile' ? this.registeredProfiles : this.registeredRuleSets).get(ref)
  }

  /** A profile by id and version (its latest without one), read through on a miss. */
  async profile(id: string, version?: number): Promise<Profile | undefined> {
    const found = findProfile(id, version, this.profiles())
    if (found) return found
    await this.sync()
    return findProfile(id, version, this.profiles())
  }

  /** Reads through when a stored plan names a profile id this instance has not seen (registered on another). */
  async knowProfileIds(ids: Iterable<string>): Promise<void> {
    const known = new Set(this.profiles().map((profile) => profile.id))
    for (const id of ids) if (!known.has(id)) return this.sync()
  }

  /** Every profile a plan's `profile` may name, its own read through if this instance has not seen it. */
  async profilesFor(document: unknown): Promise<readonly Profile[]> {
    const ref = (document as { profile?: { id?: unknown; version?: unknown } } | null)?.profile
    if (typeof ref?.id === 'string') await this.profile(ref.id, typeof ref.version === 'number' ? ref.version : undefined)
    return this.profiles()
  }

  /** A rule set by "id@version" (or "id", its latest), read through on a miss. */
  async ruleSet(ref: string): Promise<RuleSetDefinition | undefined> {
    const found = findRuleSet(ref, this.ruleSets())
    if (found) return found
    await this.sync()
    return findRuleSet(ref, this.ruleSets())
  }

  /**
   * What a task on a stored plan needs: the rule set it is evaluated with — the one asked for, else the
   * latest made for the plan's profile — and the registered definitions it reads, as a worker's text.
   */
  async forPlan(document: unknown, asked: string | undefined): Promise<{ ruleSet: string; definitions?: string }> {
    const known = await this.profilesFor(document)
    const ref = (document as { profile?: { id?: unknown; version?: unknown } } | null)?.profile
    const profile = typeof ref?.id === 'string' ? findProfile(ref.id, typeof ref.version === 'number' ? ref.version : undefined, known) : undefined
    if (asked !== undefined) await this.ruleSet(asked)
    const ruleSet = asked ?? this.engine().defaultRuleSet(profile?.id)
    const wanted: Definitions = { profiles: [], ruleSets: [] }
    if (profile && this.registeredProfiles.has(profileRef(profile))) wanted.profiles.push(profile)
    // The chain of `extends` down to the built-in sets: each registered one in it crosses to the worker.
    wanted.ruleSets.push(...this.chain(ruleSet))
    return { ruleSet, ...definitionsText(wanted) }
  }

  /**
   * What a task whose document is read in the worker needs before its profile is known: only the chain of the
   * rule set asked for, if it is a registered one (nothing for a built-in one). The worker answers `needs` when
   * the document names a profile it was not sent, and the task is sent again with `forPlan`'s definitions.
   */
  async forRuleSet(asked: string | undefined): Promise<{ definitions?: string }> {
    if (asked === undefined) return {}
    await this.ruleSet(asked)
    return definitionsText({ profiles: [], ruleSets: this.chain(asked) })
  }

  /** The registered rule sets of `ref`'s `extends` chain, the base first. */
  private chain(ref: string): RuleSetDefinition[] {
    const chain: RuleSetDefinition[] = []
    const seen = new Set<string>()
    for (let at = findRuleSet(ref, this.ruleSets()); at && !seen.has(ruleSetKey(at)); at = at.extends ? findRuleSet(at.extends, this.ruleSets()) : undefined) {
      seen.add(ruleSetKey(at))
      if (this.registeredRuleSets.has(ruleSetKey(at))) chain.unshift(at)
    }
    return chain
  }

  /**
   * Every registered definition, after catching up with the database. `key` names that set (its hash), for
   * what is kept per set (the reports of `POST /v1/evaluate`: a profile registered since may change what the
   * same bytes mean); the definitions themselves are no longer sent to workers (`forRuleSet`, `forPlan`).
   */
  async everything(): Promise<{ definitions?: string; key: string }> {
    await this.syncWithin(EVERYTHING_FRESHNESS_MS)
    const known = this.known()
    if (!known.everything) {
      const text = definitionsText({ profiles: [...known.profiles.slice(builtinProfiles.length)], ruleSets: [...known.ruleSets.slice(builtinRuleSets.length)] })
      known.everything = { ...text, key: text.definitions === undefined ? 'built-in' : definitionHash(text.definitions) }
    }
    return known.everything
  }
}

/** How old the registry's last look at the database may be for `POST /v1/evaluate` (see `syncWithin`). */
const EVERYTHING_FRESHNESS_MS = 1000

function definitionsText(definitions: Definitions): { definitions?: string } {
  return definitions.profiles.length === 0 && definitions.ruleSets.length === 0 ? {} : { definitions: JSON.stringify(definitions) }
}

/** "id@version", or "id" for its latest version, among `known`. */
export function findRuleSet(ref: string, known: readonly RuleSetDefinition[]): RuleSetDefinition | undefined {
  const { id, version } = parseRef(ref)
  return known.filter((each) => each.id === id && (version === undefined || each.version === version)).sort((a, b) => b.version - a.version)[0]
}

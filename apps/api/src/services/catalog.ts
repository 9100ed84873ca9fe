import { foldText, newId, parseRef, splitAcronym } from '@demarche/domain'
import { RuleSetError } from '@demarche/rules'
import { and, asc, desc, eq, ilike, isNull } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import { apiKeys, auditLog, chantiers, organisations, programmes } from '../db/schema/index.js'
import { AppError, notFound } from '../errors.js'
import { hashKey, newKey, type Principal } from '../plugins/auth.js'
import { authorize } from '../policy.js'
import type { Role } from '../workflow.js'
import { audit } from './audit.js'
import type { Registry } from './registry.js'

const PROGRAMME_COLUMNS = { id: programmes.id, name: programmes.name, reviewingBody: programmes.reviewingBody, profile: programmes.profile, ruleSet: programmes.ruleSet }

/** Programmes, chantiers, organisations, API keys and the audit log: the data around plans. */
export class CatalogService {
  /** `registry`: the profiles and rule sets a programme may name (not needed by the keys command). */
  constructor(
    private readonly db: Database,
    private readonly registry?: Registry,
  ) {}

  programmes() {
    return this.db.select(PROGRAMME_COLUMNS).from(programmes).orderBy(asc(programmes.name))
  }

  /**
   * A programme naming the profile its plans are written in and the rule set they are evaluated with, each
   * built-in or registered, checked now (an unknown name is 422 with its place in the body).
   */
  async createProgramme(principal: Principal, input: { id: string; name: string; reviewingBody: string; profile?: string; ruleSet?: string }) {
    authorize(principal, 'programme.create')
    const registry = this.registry!
    if (input.profile !== undefined) {
      const { id, version } = parseRef(input.profile)
      if (!(await registry.profile(id, version))) {
        const known = registry.profiles().map((profile) => `${profile.id}@${profile.version}`).join(', ')
        throw new AppError('invalid-request', { fr: 'La requête ne respecte pas le schéma attendu.', en: 'The request does not match the expected schema.' }, {
          errors: [{ in: 'body', pointer: '/profile', code: 'unknown-profile', message: { fr: `Profil inconnu\u00a0: «\u00a0${input.profile}\u00a0» (profils connus\u00a0: ${known}).`, en: `Unknown profile: "${input.profile}" (known profiles: ${known}).` } }],
        })
      }
    }
    if (input.ruleSet !== undefined) {
      await registry.ruleSet(input.ruleSet)
      try {
        registry.engine().resolve(input.ruleSet)
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error
        throw new AppError('invalid-rule-set', { fr: 'Jeu de règles inconnu ou invalide.', en: 'Unknown or invalid rule set.' }, {
          errors: error.problems.map((problem) => ({ in: 'body', pointer: '/ruleSet', code: 'invalid-rule-set', message: problem.message })),
        })
      }
    }
    const [row] = await this.db
      .insert(programmes)
      .values({ id: input.id, name: input.name, reviewingBody: input.reviewingBody, profile: input.profile ?? null, ruleSet: input.ruleSet ?? null })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('programme-exists', { fr: 'Ce programme existe déjà.', en: 'This programme already exists.' })
    const programme = { id: row.id, name: row.name, reviewingBody: row.reviewingBody, profile: row.profile, ruleSet: row.ruleSet }
    await audit(this.db, principal, 'programme.create', `programmes/${row.id}`, undefined, programme)
    return programme
  }

  chantiers() {
    return this.db.select({ id: chantiers.id, name: chantiers.name, programmeId: chantiers.programmeId, fiduciary: chantiers.fiduciary }).from(chantiers).orderBy(asc(chantiers.name))
  }

  async createChantier(principal: Principal, input: { id?: string; name: string; programmeId: string; fiduciary?: string }) {
    authorize(principal, 'chantier.create')
    const [programme] = await this.db.select().from(programmes).where(eq(programmes.id, input.programmeId)).limit(1)
    if (!programme) throw new AppError('unknown-programme', { fr: 'Démarche inconnue.', en: 'Unknown programme.' })
    const [row] = await this.db
      .insert(chantiers)
      .values({ id: input.id ?? newId('ch'), name: input.name, programmeId: input.programmeId, fiduciary: input.fiduciary ?? null })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('chantier-exists', { fr: 'Ce chantier existe déjà.', en: 'This chantier already exists.' })
    await audit(this.db, principal, 'chantier.create', `chantiers/${row.id}`, undefined, row)
    return { id: row.id, name: row.name, programmeId: row.programmeId, fiduciary: row.fiduciary }
  }

  /** Organisations whose folded name contains the folded query: "CREVALE", "crevale", "Comité régional…" all match. */
  organisations(query: string | undefined, limit: number) {
    const select = this.db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations)
    const filtered = query ? select.where(ilike(organisations.nameKey, `%${foldText(query).replace(/[%_\\]/g, '\\$&')}%`)) : select
    return filtered.orderBy(asc(organisations.name)).limit(limit)
  }

  async createOrganisation(principal: Principal, input: { name: string; acronym?: string }) {
    authorize(principal, 'organisation.create')
    const { name, acronym } = splitAcronym(input.name)
    const resolvedAcronym = input.acronym ?? acronym ?? null
    const key = nameKey(name, resolvedAcronym)
    const [row] = await this.db.insert(organisations).values({ id: newId('org'), name: input.name.trim(), acronym: resolvedAcronym, nameKey: key }).onConflictDoNothing().returning()
    if (!row) {
      const [existing] = await this.db.select().from(organisations).where(eq(organisations.nameKey, key)).limit(1)
      throw new AppError('organisation-exists', { fr: 'Cette organisation existe déjà.', en: 'This organisation already exists.' }, { existing: existing && { id: existing.id, name: existing.name, acronym: existing.acronym } })
    }
    await audit(this.db, principal, 'organisation.create', `organisations/${row.id}`, undefined, row)
    return { id: row.id, name: row.name, acronym: row.acronym }
  }

  async createKey(principal: Principal | 'bootstrap', input: { role: Role; chantierIds?: string[]; label: string }, key = newKey()) {
    if (principal !== 'bootstrap') authorize(principal, 'api-key.create')
    const id = newId('key')
    await this.db.insert(apiKeys).values({ id, hash: hashKey(key), role: input.role, chantierIds: input.chantierIds ?? [], label: input.label })
    if (principal !== 'bootstrap') await audit(this.db, principal, 'key.create', `api-keys/${id}`, undefined, { role: input.role, chantierIds: input.chantierIds ?? [] })
    return { id, key, role: input.role, chantierIds: input.chantierIds ?? [], label: input.label }
  }

  /** Every key, revoked ones included (with when), oldest first; never a secret (only hashes are kept). */
  async keys(principal: Principal | 'bootstrap') {
    if (principal !== 'bootstrap') authorize(principal, 'api-key.list')
    const rows = await this.db
      .select({ id: apiKeys.id, role: apiKeys.role, chantierIds: apiKeys.chantierIds, label: apiKeys.label, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
    return rows.map(({ revokedAt, ...key }) => (revokedAt ? { ...key, revokedAt: revokedAt.toISOString() } : key))
  }

  /**
   * Revokes a key: it fails from the next request on, on every instance (the auth plugin reads the key's
   * row on each request, no cache). Revoking a revoked key changes nothing; an unknown id is 404.
   */
  async revokeKey(principal: Principal | 'bootstrap', id: string): Promise<void> {
    if (principal !== 'bootstrap') authorize(principal, 'api-key.revoke')
    const [row] = await this.db.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning()
    if (row) {
      if (principal !== 'bootstrap') await audit(this.db, principal, 'key.revoke', `api-keys/${id}`, { id, role: row.role }, undefined)
      return
    }
    const [existing] = await this.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id)).limit(1)
    if (!existing) throw notFound('Clé d’API / API key')
  }

  /** The latest writes first. */
  async audit(principal: Principal, limit: number) {
    authorize(principal, 'audit.list')
    return this.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit)
  }

  /** An admin key that still works. */
  async hasAdmin(): Promise<boolean> {
    const rows = await this.db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.role, 'admin'), isNull(apiKeys.revokedAt))).limit(1)
    return rows.length > 0
  }

  async hasKeyHash(key: string): Promise<boolean> {
    const rows = await this.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.hash, hashKey(key))).limit(1)
    return rows.length > 0
  }
}

/** The folded name an organisation is known by: its name without the bracketed acronym, with the acronym. */
function nameKey(name: string, acronym: string | null): string {
  return foldText(acronym ? `${name} (${acronym})` : name)
}

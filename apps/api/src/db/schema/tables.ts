import { sql } from 'drizzle-orm'
import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { PlanDocument, Profile } from '@demarche/domain'
import type { AssessmentContent, Report, RuleSetDefinition } from '@demarche/rules'
import { PLAN_STATUSES, ROLES } from '../../workflow.js'

const created = { createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow() }

export const programmes = pgTable('programmes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  reviewingBody: text('reviewing_body').notNull(),
  /** "id@version" of the profile its plans are written in (built-in or registered); null: any profile. */
  profile: text('profile'),
  /** "id@version" of the rule set its plans are evaluated with; null: the latest one made for the plan's profile. */
  ruleSet: text('rule_set'),
  ...created,
})

/**
 * The definitions an admin registered (`POST /v1/profiles`, `POST /v1/rule-sets`): immutable once written,
 * never deleted, so that every instance may keep them in memory (`services/registry.ts`). `definition` is
 * the resolved whole (a profile with its `extends` applied; a rule set as published), `hash` the SHA-256 of
 * its canonical JSON, which decides whether a second registration of the same `id@version` is the same one.
 */
const registered = {
  id: text('id').notNull(),
  version: integer('version').notNull(),
  hash: text('hash').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}

export const profiles = pgTable(
  'profiles',
  { ...registered, definition: jsonb('definition').$type<Profile>().notNull() },
  (table) => [primaryKey({ columns: [table.id, table.version] })],
)

export const ruleSets = pgTable(
  'rule_sets',
  { ...registered, definition: jsonb('definition').$type<RuleSetDefinition>().notNull() },
  (table) => [primaryKey({ columns: [table.id, table.version] })],
)

export const chantiers = pgTable('chantiers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  programmeId: text('programme_id').notNull().references(() => programmes.id),
  fiduciary: text('fiduciary'),
  ...created,
})

/** One row per organisation; `name_key` (case-, accent- and spacing-folded) keeps the same one from being entered twice. */
export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    nameKey: text('name_key').notNull(),
    ...created,
  },
  (table) => [uniqueIndex('organisations_name_key').on(table.nameKey)],
)

export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey(),
    chantierId: text('chantier_id').notNull().references(() => chantiers.id),
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    profileId: text('profile_id').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull(),
    title: text('title').notNull(),
    firstYear: integer('first_year'),
    lastYear: integer('last_year'),
    /** Increases by one with every saved change; the ETag is derived from it. */
    version: integer('version').notNull(),
    document: jsonb('document').$type<PlanDocument>().notNull(),
    ...created,
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('plans_list').on(table.createdAt, table.id), index('plans_chantier').on(table.chantierId), index('plans_status').on(table.status)],
)

/** Every saved state of every plan: nothing saved is ever overwritten. */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: text('plan_id').notNull().references(() => plans.id),
    version: integer('version').notNull(),
    document: jsonb('document').$type<PlanDocument>().notNull(),
    hash: text('hash').notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.planId, table.version] })],
)

export const transitions = pgTable('transitions', {
  id: serial('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id),
  name: text('name').notNull(),
  fromStatus: text('from_status', { enum: PLAN_STATUSES }).notNull(),
  toStatus: text('to_status', { enum: PLAN_STATUSES }).notNull(),
  version: integer('version').notNull(),
  actor: text('actor').notNull(),
  reason: text('reason'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})

/** A reviewer's comment anchored to a place of a given version of the plan (a JSON Pointer). */
export const comments = pgTable('comments', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id),
  version: integer('version').notNull(),
  pointer: text('pointer').notNull(),
  body: text('body').notNull(),
  author: text('author').notNull(),
  /** A reply names the comment that opens its thread; a thread is resolved and reopened as a whole. */
  replyTo: text('reply_to').references((): AnyPgColumn => comments.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  resolvedBy: text('resolved_by'),
  ...created,
})

export const evaluations = pgTable('evaluations', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => plans.id),
  version: integer('version').notNull(),
  ruleSetId: text('rule_set_id').notNull(),
  ruleSetVersion: integer('rule_set_version').notNull(),
  stage: text('stage').notNull(),
  score: real('score').notNull(),
  report: jsonb('report').$type<Report>().notNull(),
  createdBy: text('created_by').notNull(),
  ...created,
})

/**
 * The reviewer's assessment of one saved version of a plan: one per version, revised (`revision`, the ETag)
 * while the plan is under review; what the letter (avis) is made from.
 */
export const assessments = pgTable(
  'assessments',
  {
    planId: text('plan_id').notNull().references(() => plans.id),
    version: integer('version').notNull(),
    revision: integer('revision').notNull(),
    content: jsonb('content').$type<AssessmentContent>().notNull(),
    createdBy: text('created_by').notNull(),
    ...created,
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.planId, table.version] })],
)

/** API keys are stored as SHA-256 hashes; the key itself is shown once, when it is made. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  hash: text('hash').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  chantierIds: jsonb('chantier_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  label: text('label').notNull(),
  ...created,
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
})

/** Failed authentications per client address in the current window, shared by every instance (plugins/auth-failures.ts). */
export const authFailures = pgTable('auth_failures', {
  address: text('address').primaryKey(),
  count: integer('count').notNull(),
  windowEnds: timestamp('window_ends', { withTimezone: true, mode: 'date' }).notNull(),
})

export const auditLog = pgTable('audit_log', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  beforeHash: text('before_hash'),
  afterHash: text('after_hash'),
})

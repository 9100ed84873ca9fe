import { PlanDocument as DomainPlanDocument, Profile as DomainProfile } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { AssessedFinding, AssessmentContent, AssessmentFollowUp, ASSESSMENT_SCHEMAS, CriterionResult, DismissedFinding, Report, RULES_SCHEMAS, RuleSetSummary } from '@demarche/rules'
import { VersionedRef } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { LIMITS } from './limits.js'
import { PlanStatus, Role, TransitionName } from './workflow.js'

/** The domain's schemas under the names the OpenAPI document gives them. */
export const PlanDocument = { ...DomainPlanDocument, $id: 'PlanDocument' } as typeof DomainPlanDocument & { $id: 'PlanDocument' }
export const Profile = { ...DomainProfile, $id: 'Profile' } as typeof DomainProfile & { $id: 'Profile' }

/** Organisations: the one reference resource a problem can carry (`organisation-exists` names the one found). */
export const Organisation = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' }), name: Type.String(), acronym: Type.Union([Type.String(), Type.Null()]) }, { $id: 'Organisation' })

/** RFC 9457 problem details, with the located, bilingual issues of an invalid request. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine code' }),
    detail: Type.Optional(Type.String()),
    title_fr: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.String({ description: 'body, querystring, params or headers; `document` for the plan a JSON Patch would make' }),
          pointer: Type.String({ description: 'JSON Pointer into that part of the request (for `document`, the pointer a patch operation uses)' }),
          code: Type.String(),
          message: Type.Object({ fr: Type.String(), en: Type.String() }),
          line: Type.Optional(Type.Integer({ description: 'For a body sent as YAML: the line of the value pointed at (1-based)' })),
          column: Type.Optional(Type.Integer({ description: 'For a body sent as YAML: its column (1-based)' })),
        }),
      ),
    ),
    /** `submission-has-errors`: the submission-stage report with its errors. */
    report: Type.Optional(Report),
    /** `organisation-exists`: the organisation already known under that name. */
    existing: Type.Optional(Organisation),
    /** `invalid-transition`, `not-editable`: the plan's current status. */
    planStatus: Type.Optional(PlanStatus),
    /** `unsupported-media-type`: the media types the operation takes. */
    accepted: Type.Optional(Type.Array(Type.String(), { description: '`unsupported-media-type`: the media types the operation takes' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
)
export type Problem = Static<typeof Problem>

export const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' })

/** The path parameter of every operation on one plan. */
export const PlanParams = Type.Object({ planId: Type.String({ maxLength: 64 }) })

export const PlanSummary = Type.Object(
  {
    id: Id,
    chantierId: Id,
    programmeId: Id,
    profileId: Type.String(),
    status: PlanStatus,
    title: Type.String(),
    firstYear: Type.Union([Type.Integer(), Type.Null()], { description: 'The first year in the chantier’s count (An 6 → 6)' }),
    lastYear: Type.Union([Type.Integer(), Type.Null()], { description: 'The last year in the chantier’s count' }),
    firstFiscalYear: Type.Union([Type.String(), Type.Null()], { description: 'The first year as a fiscal year under the plan’s profile (2026-2027)' }),
    lastFiscalYear: Type.Union([Type.String(), Type.Null()], { description: 'The last year as a fiscal year (2027-2028)' }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'PlanSummary' },
)

export const Plan = Type.Object(
  { ...PlanSummary.properties, document: PlanDocument },
  { $id: 'Plan' },
)

export const PlanList = Type.Object(
  { items: Type.Array(PlanSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'PlanList' },
)

/** Request examples are the real plans of the Chantier régional en réussite éducative. */
const seedExample = (() => {
  const document = examplePlans.crevale2026()
  document.id = 'mon-plan-2026-2028'
  return document
})()

export const CreatePlan = Type.Object(
  { chantierId: Id, document: PlanDocument },
  { $id: 'CreatePlan', additionalProperties: false, examples: [{ chantierId: 'reussite-educative', document: seedExample }] },
)
export const ReplacePlan = Type.Object({ document: PlanDocument }, { $id: 'ReplacePlan', additionalProperties: false })

export const JsonPatchOperation = Type.Object(
  {
    op: Type.Union(['add', 'remove', 'replace', 'move', 'copy', 'test'].map((op) => Type.Literal(op))),
    path: Type.String(),
    from: Type.Optional(Type.String()),
    value: Type.Optional(Type.Unknown()),
  },
  { $id: 'JsonPatchOperation', additionalProperties: false },
)
export const JsonPatch = Type.Array(JsonPatchOperation, { $id: 'JsonPatch', maxItems: LIMITS.patchOperations })

export const PlanVersion = Type.Object(
  { version: Type.Integer(), hash: Type.String(), savedBy: Type.String(), savedAt: Type.String() },
  { $id: 'PlanVersion' },
)

export const TransitionRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 5000 })) },
  { $id: 'TransitionRequest', additionalProperties: false, examples: [{ reason: 'Échéancier hors de la période du plan : voir le commentaire sur l’axe 4, objectif 4.' }] },
)
export const TransitionRecord = Type.Object(
  {
    name: TransitionName,
    from: PlanStatus,
    to: PlanStatus,
    version: Type.Integer(),
    actor: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    at: Type.String(),
  },
  { $id: 'TransitionRecord' },
)

export const Comment = Type.Object(
  {
    id: Id,
    version: Type.Integer({ description: 'The version of the plan the comment was made on' }),
    pointer: Type.String({ description: 'The place in the plan (JSON Pointer); a reply has its thread’s' }),
    body: Type.String(),
    author: Type.String(),
    replyTo: Type.Union([Id, Type.Null()], { description: 'The comment that opens this reply’s thread; null for a thread’s first comment' }),
    resolved: Type.Boolean({ description: 'Whether the thread is resolved (on a thread’s first comment)' }),
    resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    resolvedBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Comment' },
)
export const CreateComment = Type.Object(
  {
    pointer: Type.Optional(Type.String({ pattern: '^(/[^/]*)*$', maxLength: 500, description: 'The place in the plan; required unless the comment replies to another' })),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
    replyTo: Type.Optional(Type.String({ maxLength: 64, description: 'A comment of the plan: this one joins its thread' })),
  },
  { $id: 'CreateComment', additionalProperties: false, examples: [{ pointer: '/axes/3/objectives/3', body: 'L’échéancier « An 6-7 et 8 » dépasse la période du plan (An 6 à An 7).' }] },
)
export const CommentParams = Type.Object({ planId: Type.String({ maxLength: 64 }), commentId: Type.String({ maxLength: 64 }) })

/** A stored evaluation: the report and what it was made from. */

export const Evaluation = Type.Object(
  {
    id: Id,
    planId: Id,
    version: Type.Integer(),
    ruleSet: Type.String(),
    stage: Type.String(),
    score: Type.Number(),
    createdAt: Type.String(),
    report: Report,
    /** Left out of `report` (and its summary) by the reviewer's assessment in force for this version. */
    dismissed: Type.Array(DismissedFinding, { description: 'Findings the reviewer’s assessment in force for this version dismissed: left out of `report` and its summary while their element keeps its text.' }),
  },
  { $id: 'Evaluation' },
)

/** The reviewer's assessment of a plan version, as read: what was written, and what it bears on. */
export const Assessment = Type.Object(
  {
    planId: Id,
    version: Type.Integer({ minimum: 1, description: 'The version of the plan assessed' }),
    revision: Type.Integer({ minimum: 1, description: 'Increases with every revision; the ETag is derived from it' }),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedBy: Type.String(),
    updatedAt: Type.String({ format: 'date-time' }),
    content: AssessmentContent,
    criteria: Type.Array(CriterionResult, { description: 'The engine’s judgement of each criterion of the grid on the assessed version, beside the reviewer’s in `content.criteria`' }),
    findings: Type.Array(AssessedFinding, { description: 'The engine’s findings on the assessed version (submission stage), with their fingerprints and the reviewer’s decisions' }),
    followUp: Type.Union([AssessmentFollowUp, Type.Null()], { description: 'When the plan has a later version (a resubmission): each request’s element changed or not, and the findings gone' }),
  },
  { $id: 'Assessment' },
)
export const EvaluateRequest = Type.Object(
  {
    ruleSet: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*(@\\d+)?$' })),
    stage: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submission')])),
  },
  { $id: 'EvaluateRequest', additionalProperties: false },
)

export const Programme = Type.Object(
  {
    id: Id,
    name: Type.String(),
    reviewingBody: Type.String(),
    profile: Type.Union([VersionedRef, Type.Null()], { description: 'The profile (`id@version`) its plans are written in; null: any profile.' }),
    ruleSet: Type.Union([VersionedRef, Type.Null()], { description: 'The rule set (`id@version`) its plans are evaluated with; null: the latest one made for the plan’s profile.' }),
  },
  { $id: 'Programme' },
)
export const CreateProgramme = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    reviewingBody: Type.String({ minLength: 1, maxLength: 300 }),
    profile: Type.Optional(VersionedRef),
    ruleSet: Type.Optional(VersionedRef),
  },
  { $id: 'CreateProgramme', additionalProperties: false },
)

/** Where a profile or rule set comes from. */
export const Origin = Type.Union([Type.Literal('built-in'), Type.Literal('registered')], { $id: 'Origin', description: 'built-in: ships with the service; registered: registered by an admin (POST)' })
const Registered = {
  origin: Origin,
  registeredAt: Type.Optional(Type.String({ description: 'When it was registered (registered ones only)' })),
}
/** A profile as the API lists it: the whole profile (its `extends` applied) and where it comes from. */
export const ProfileEntry = Type.Object({ ...DomainProfile.properties, ...Registered }, { $id: 'ProfileEntry' })
/** A rule set as the API lists it: its `extends` chain applied, and where it comes from. */
export const RuleSetEntry = Type.Object({ ...RuleSetSummary.properties, ...Registered }, { $id: 'RuleSetEntry' })
export const Chantier = Type.Object({ id: Id, name: Type.String(), programmeId: Id, fiduciary: Type.Union([Type.String(), Type.Null()]) }, { $id: 'Chantier' })
export const CreateChantier = Type.Object(
  { id: Type.Optional(Id), name: Type.String({ minLength: 1, maxLength: 300 }), programmeId: Id, fiduciary: Type.Optional(Type.String({ maxLength: 300 })) },
  { $id: 'CreateChantier', additionalProperties: false },
)
export const CreateOrganisation = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), acronym: Type.Optional(Type.String({ maxLength: 30 })) },
  { $id: 'CreateOrganisation', additionalProperties: false },
)

export const ApiKey = Type.Object(
  { id: Id, role: Role, chantierIds: Type.Array(Id), label: Type.String(), key: Type.Optional(Type.String({ description: 'Shown once, at creation' })), revokedAt: Type.Optional(Type.String({ description: 'When the key was revoked; absent while it works' })) },
  { $id: 'ApiKey' },
)
export const CreateApiKey = Type.Object(
  { role: Role, chantierIds: Type.Optional(Type.Array(Id, { maxItems: 100 })), label: Type.String({ minLength: 1, maxLength: 200 }) },
  { $id: 'CreateApiKey', additionalProperties: false },
)

export const AuditEntry = Type.Object(
  { id: Type.Integer(), at: Type.String(), actor: Type.String(), action: Type.String(), target: Type.String(), beforeHash: Type.Union([Type.String(), Type.Null()]), afterHash: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'AuditEntry' },
)

export const ProblemType = Type.Object(
  {
    type: Type.String(),
    code: Type.String(),
    status: Type.Union([Type.Integer(), Type.Null()], { description: 'The HTTP status of this code; null when it keeps the status of the HTTP layer' }),
    title: Type.Object({ fr: Type.String(), en: Type.String() }),
  },
  { $id: 'ProblemType' },
)

export const Health = Type.Object({ status: Type.Literal('ok') }, { $id: 'Health' })
export const Readiness = Type.Object({ status: Type.Literal('ready'), database: Type.String() }, { $id: 'Readiness' })

/**
 * Every named schema, registered once, each after the schemas it contains, so that the OpenAPI document
 * names each one a component (no def-0) and route schemas can use the objects themselves.
 */
export const SHARED_SCHEMAS = [
  ...RULES_SCHEMAS,
  ...ASSESSMENT_SCHEMAS,
  PlanDocument,
  Profile,
  PlanStatus,
  TransitionName,
  Role,
  Organisation,
  Problem,
  PlanSummary,
  Plan,
  PlanList,
  CreatePlan,
  ReplacePlan,
  JsonPatchOperation,
  JsonPatch,
  PlanVersion,
  TransitionRequest,
  TransitionRecord,
  Comment,
  CreateComment,
  Evaluation,
  Assessment,
  EvaluateRequest,
  Programme,
  CreateProgramme,
  Origin,
  ProfileEntry,
  RuleSetEntry,
  Chantier,
  CreateChantier,
  CreateOrganisation,
  ApiKey,
  CreateApiKey,
  AuditEntry,
  ProblemType,
  Health,
  Readiness,
]

const NAMES = new Set(SHARED_SCHEMAS.map((schema) => (schema as { $id: string }).$id))
const references = new Map<string, { $ref: string }>()

/**
 * A schema with every named schema inside it (every one of `SHARED_SCHEMAS`) replaced by a reference to
 * its name; `keepRoot` keeps the root itself (a component's own definition). Code writes and types route
 * schemas with the schema objects; what Fastify compiles and what the OpenAPI document shows refers to each
 * named schema by its name, so it is one component, compiled once, and a validator never meets one `$id`
 * twice under a root. A name's reference is one object, so serializers compiled per schema object are shared.
 */
export function byReference<Schema>(schema: Schema, keepRoot = false): Schema {
  const walk = (value: unknown, root: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, false))
    if (value === null || typeof value !== 'object') return value
    const id = (value as { $id?: unknown }).$id
    if (!root && typeof id === 'string' && NAMES.has(id)) {
      let reference = references.get(id)
      if (reference === undefined) references.set(id, (reference = { $ref: id }))
      return reference
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'examples' || key === 'default' || key === 'const' ? item : walk(item, false)]))
  }
  return walk(schema, keepRoot) as Schema
}

/**
 * Problem responses for the given statuses, declared on every route, with the two any request can meet:
 * 400 (text the service refuses, a number that is not finite) and 413 (the bounds of `limits.ts`).
 */
export function problems(...statuses: number[]) {
  const all = [...new Set([400, 413, ...statuses])].sort((a, b) => a - b)
  return Object.fromEntries(all.map((status) => [status, { description: 'RFC 9457 problem details', content: { 'application/problem+json': { schema: Problem } } }]))
}

export { Report, RuleSetSummary }

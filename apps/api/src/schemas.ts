import { PlanDocument, Profile } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import Type, { type Static } from 'typebox'
import { PlanStatus, Role, TransitionName } from './workflow.js'

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
          in: Type.String({ description: 'body, querystring, params or headers' }),
          pointer: Type.String({ description: 'JSON Pointer into that part of the request' }),
          code: Type.String(),
          message: Type.Object({ fr: Type.String(), en: Type.String() }),
        }),
      ),
    ),
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
    status: Type.Ref('PlanStatus'),
    title: Type.String(),
    firstYear: Type.Union([Type.Integer(), Type.Null()]),
    lastYear: Type.Union([Type.Integer(), Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'PlanSummary' },
)

export const Plan = Type.Object(
  { ...PlanSummary.properties, document: Type.Ref('PlanDocument') },
  { $id: 'Plan' },
)

export const PlanList = Type.Object(
  { items: Type.Array(Type.Ref('PlanSummary')), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'PlanList' },
)

/** Request examples are the real plans of the Chantier régional en réussite éducative. */
const seedExample = (() => {
  const document = examplePlans.crevale2026()
  document.id = 'mon-plan-2026-2028'
  return document
})()

export const CreatePlan = Type.Object(
  { chantierId: Id, document: Type.Ref('PlanDocument') },
  { $id: 'CreatePlan', additionalProperties: false, examples: [{ chantierId: 'reussite-educative', document: seedExample }] },
)
export const ReplacePlan = Type.Object({ document: Type.Ref('PlanDocument') }, { $id: 'ReplacePlan', additionalProperties: false })

export const JsonPatchOperation = Type.Object(
  {
    op: Type.Union(['add', 'remove', 'replace', 'move', 'copy', 'test'].map((op) => Type.Literal(op))),
    path: Type.String(),
    from: Type.Optional(Type.String()),
    value: Type.Optional(Type.Unknown()),
  },
  { $id: 'JsonPatchOperation', additionalProperties: false },
)
export const JsonPatch = Type.Array(Type.Ref('JsonPatchOperation'), { $id: 'JsonPatch', maxItems: 1000 })

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
    name: Type.Ref('TransitionName'),
    from: Type.Ref('PlanStatus'),
    to: Type.Ref('PlanStatus'),
    version: Type.Integer(),
    actor: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    at: Type.String(),
  },
  { $id: 'TransitionRecord' },
)

export const Comment = Type.Object(
  { id: Id, version: Type.Integer(), pointer: Type.String(), body: Type.String(), author: Type.String(), resolved: Type.Boolean(), createdAt: Type.String() },
  { $id: 'Comment' },
)
export const CreateComment = Type.Object(
  { pointer: Type.String({ pattern: '^(/[^/]*)*$', maxLength: 500 }), body: Type.String({ minLength: 1, maxLength: 10000 }) },
  { $id: 'CreateComment', additionalProperties: false, examples: [{ pointer: '/axes/3/objectives/3', body: 'L’échéancier « An 6-7 et 8 » dépasse la période du plan (An 6 à An 7).' }] },
)

export const EvaluationReport = Type.Object({}, { $id: 'EvaluationReport', additionalProperties: true, description: 'A report of @demarche/rules: score, criteria and findings (see docs/rules.md)' })

export const Evaluation = Type.Object(
  {
    id: Id,
    planId: Id,
    version: Type.Integer(),
    ruleSet: Type.String(),
    stage: Type.String(),
    score: Type.Number(),
    createdAt: Type.String(),
    report: Type.Ref('EvaluationReport'),
  },
  { $id: 'Evaluation' },
)
export const EvaluateRequest = Type.Object(
  {
    ruleSet: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*(@\\d+)?$' })),
    stage: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submission')])),
  },
  { $id: 'EvaluateRequest', additionalProperties: false },
)

export const Programme = Type.Object({ id: Id, name: Type.String(), reviewingBody: Type.String() }, { $id: 'Programme' })
export const Chantier = Type.Object({ id: Id, name: Type.String(), programmeId: Id, fiduciary: Type.Union([Type.String(), Type.Null()]) }, { $id: 'Chantier' })
export const CreateChantier = Type.Object(
  { id: Type.Optional(Id), name: Type.String({ minLength: 1, maxLength: 300 }), programmeId: Id, fiduciary: Type.Optional(Type.String({ maxLength: 300 })) },
  { $id: 'CreateChantier', additionalProperties: false },
)
export const Organisation = Type.Object({ id: Id, name: Type.String(), acronym: Type.Union([Type.String(), Type.Null()]) }, { $id: 'Organisation' })
export const CreateOrganisation = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), acronym: Type.Optional(Type.String({ maxLength: 30 })) },
  { $id: 'CreateOrganisation', additionalProperties: false },
)

export const ApiKey = Type.Object(
  { id: Id, role: Type.Ref('Role'), chantierIds: Type.Array(Id), label: Type.String(), key: Type.Optional(Type.String({ description: 'Shown once, at creation' })) },
  { $id: 'ApiKey' },
)
export const CreateApiKey = Type.Object(
  { role: Type.Ref('Role'), chantierIds: Type.Optional(Type.Array(Id, { maxItems: 100 })), label: Type.String({ minLength: 1, maxLength: 200 }) },
  { $id: 'CreateApiKey', additionalProperties: false },
)

export const AuditEntry = Type.Object(
  { id: Type.Integer(), at: Type.String(), actor: Type.String(), action: Type.String(), target: Type.String(), beforeHash: Type.Union([Type.String(), Type.Null()]), afterHash: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'AuditEntry' },
)

/** Every named schema, registered once so OpenAPI names its components (no def-0). */
export const SHARED_SCHEMAS = [
  { ...PlanDocument, $id: 'PlanDocument' },
  { ...Profile, $id: 'Profile' },
  PlanStatus,
  TransitionName,
  Role,
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
  EvaluationReport,
  Evaluation,
  EvaluateRequest,
  Programme,
  Chantier,
  CreateChantier,
  Organisation,
  CreateOrganisation,
  ApiKey,
  CreateApiKey,
  AuditEntry,
]

/** Problem responses for the given statuses, declared on every route. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('Problem')]))
}

import Type, { type Static } from 'typebox'
import { FindingSeverity, Stage } from './severity.js'

// The report's shape is published as schemas, and its types are derived from them: a client generated
// from the API is fully typed. Each part has an `$id` an OpenAPI document can name as a component, except
// the small leaves used more than once in one schema (Bilingual): a validator such as Ajv refuses an `$id`
// met twice under one root. Schemas describe; the engine builds reports in their own key order (golden
// reports are byte-compared).

/** A message in both languages of the reports: always both, English falling back to French. */
export const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() }, { additionalProperties: false, description: 'A text in French and English (English falls back to French).' })
export type Bilingual = Static<typeof Bilingual>

/** A JSON Pointer (RFC 6901) into the evaluated document; "" is the whole document. */
const Pointer = Type.String({ pattern: '^(/[^/]*)*$', description: 'A JSON Pointer (RFC 6901) into the evaluated document; "" is the whole document.' })

export const CriterionStatus = Type.Union([Type.Literal('complete'), Type.Literal('partial'), Type.Literal('missing'), Type.Literal('not_applicable')], {
  $id: 'CriterionStatus',
  description: 'complete: every subject passed; partial: some did; missing: none did; not_applicable: no subject was examined.',
})
export type CriterionStatus = Static<typeof CriterionStatus>

export const Finding = Type.Object(
  {
    /** Stable across runs: derived from rule, message, place and data. */
    id: Type.String({ pattern: '^f-[0-9a-z]+$', description: 'Stable across runs: derived from rule, message, place and data.' }),
    ruleId: Type.String(),
    messageId: Type.String(),
    criterion: Type.String(),
    severity: FindingSeverity,
    message: Bilingual,
    pointer: Pointer,
    /** Where the missing thing is expected, when it is not there. */
    expected: Type.Optional(Pointer),
    /** The subject the finding counts against (a row, a step), when it is not `pointer`. */
    subject: Type.Optional(Type.String({ description: 'The subject the finding counts against (a row, a step), when it is not `pointer`.' })),
    label: Bilingual,
    suggestion: Type.Optional(Bilingual),
  },
  { $id: 'Finding', additionalProperties: false, description: 'A located, bilingual finding of a rule.' },
)
export type Finding = Static<typeof Finding>

const Count = Type.Integer({ minimum: 0 })

export const CriterionResult = Type.Object(
  {
    id: Type.String(),
    label: Bilingual,
    question: Type.Optional(Bilingual),
    weight: Type.Number({ minimum: 0 }),
    status: CriterionStatus,
    /** Subjects examined by the criterion's rules (a row, a step…), counted once per rule. */
    applicable: Type.Integer({ minimum: 0, description: 'Subjects examined by the criterion’s rules (a row, a step…), counted once per rule.' }),
    /** Of those, the ones with no warning or error. */
    passed: Type.Integer({ minimum: 0, description: 'Of those, the ones with no warning or error.' }),
    /** Points this criterion adds to the score (out of its share of 100). */
    contribution: Type.Number({ minimum: 0, maximum: 100, description: 'Points this criterion adds to the score (out of its share of 100).' }),
    /** Its share of 100: what it would add if complete. */
    share: Type.Number({ minimum: 0, maximum: 100, description: 'Its share of 100: what it would add if complete.' }),
  },
  { $id: 'CriterionResult', additionalProperties: false, description: 'One criterion of the reviewers’ grid, as judged.' },
)
export type CriterionResult = Static<typeof CriterionResult>

export const ReportEngine = Type.Object({ name: Type.String(), version: Type.String() }, { $id: 'ReportEngine', additionalProperties: false, description: 'The engine that wrote the report.' })
export type ReportEngine = Static<typeof ReportEngine>

export const ReportRuleSet = Type.Object(
  { id: Type.String(), version: Type.Integer({ minimum: 1 }) },
  { $id: 'ReportRuleSet', additionalProperties: false, description: 'The rule set the plan was judged by.' },
)
export type ReportRuleSet = Static<typeof ReportRuleSet>

export const ReportProfile = Type.Object(
  { id: Type.String(), version: Type.Integer({ minimum: 1 }) },
  { $id: 'ReportProfile', additionalProperties: false, description: 'The profile (form edition) the document declares, when it is known.' },
)
export type ReportProfile = Static<typeof ReportProfile>

export const ReportPlan = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Null()]),
    hash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$', description: 'SHA-256 of the document’s JSON text as given.' }),
  },
  { $id: 'ReportPlan', additionalProperties: false, description: 'The evaluated document: its id when it has one, and its content hash.' },
)
export type ReportPlan = Static<typeof ReportPlan>

export const ReportSummary = Type.Object(
  { errors: Count, warnings: Count, infos: Count },
  { $id: 'ReportSummary', additionalProperties: false, description: 'Findings counted by severity.' },
)
export type ReportSummary = Static<typeof ReportSummary>

export const Report = Type.Object(
  {
    reportVersion: Type.Literal(1),
    engine: ReportEngine,
    ruleSet: ReportRuleSet,
    profile: Type.Union([ReportProfile, Type.Null()]),
    stage: Stage,
    plan: ReportPlan,
    /** False when the document is not a plan of its profile: only the document criterion was evaluated. */
    valid: Type.Boolean({ description: 'False when the document is not a plan of its profile: only the document criterion was evaluated.' }),
    /** 0–100, one decimal: see `docs/rules.md` for the formula. */
    score: Type.Number({ minimum: 0, maximum: 100, description: 'Completeness, 0–100 with one decimal (docs/rules.md gives the formula).' }),
    summary: ReportSummary,
    criteria: Type.Array(CriterionResult),
    findings: Type.Array(Finding),
  },
  { $id: 'Report', additionalProperties: false, description: 'A completeness report of @demarche/rules: score, criteria and findings.' },
)
export type Report = Static<typeof Report>

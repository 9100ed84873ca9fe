import Type, { type Static } from 'typebox'
import { Bilingual, Finding } from '../engine/report.js'

// The reviewer's assessment of one version of a plan, published as schemas like the report: what the API
// stores and validates, what its OpenAPI document names, and what the letter (avis) is made from.

/** A JSON Pointer (RFC 6901) into the plan; "" is the whole plan. */
const Pointer = Type.String({ pattern: '^(/[^/]*)*$', maxLength: 500, description: 'A JSON Pointer (RFC 6901) into the plan; "" is the whole plan.' })

/** What a reviewer writes: bounded, so that an assessment stays a letter's worth of text. */
const Note = (description: string) => Type.String({ maxLength: 5000, description })

export const REVIEWER_STATUSES = ['compliant', 'to-clarify', 'non-compliant', 'not-applicable'] as const
export const ReviewerStatus = Type.Union([Type.Literal('compliant'), Type.Literal('to-clarify'), Type.Literal('non-compliant'), Type.Literal('not-applicable')], {
  $id: 'ReviewerStatus',
  description: 'The reviewer’s status of a criterion: conforme, à préciser, non conforme, sans objet.',
})
export type ReviewerStatus = (typeof REVIEWER_STATUSES)[number]

export const RECOMMENDATIONS = ['accept', 'return', 'refuse'] as const
export const Recommendation = Type.Union([Type.Literal('accept'), Type.Literal('return'), Type.Literal('refuse')], { $id: 'Recommendation', description: 'accept; return with requests; refuse.' })
export type Recommendation = (typeof RECOMMENDATIONS)[number]

export const CriterionAssessment = Type.Object(
  {
    criterion: Type.String({ maxLength: 100, description: 'A criterion of the rule set’s grid (its id).' }),
    status: ReviewerStatus,
    note: Type.Optional(Note('The reviewer’s note on the criterion, sent to the chantier.')),
  },
  { $id: 'CriterionAssessment', additionalProperties: false, description: 'The reviewer’s judgement of one criterion of the grid.' },
)
export type CriterionAssessment = Static<typeof CriterionAssessment>

export const FindingDecision = Type.Object(
  {
    fingerprint: Type.String({ pattern: '^fp-[0-9a-f]{24}$', description: 'The finding’s fingerprint (rule, message, place and the text of the element there).' }),
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('dismiss')]),
    reason: Type.Optional(Note('Why: required to dismiss.')),
  },
  { $id: 'FindingDecision', additionalProperties: false, description: 'The reviewer confirms an engine finding (it is requested in the letter) or dismisses it with a reason.' },
)
export type FindingDecision = Static<typeof FindingDecision>

export const ReviewerRequest = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Chosen by the reviewer, unique in the assessment (r1, r2…).' }),
    pointer: Pointer,
    criterion: Type.Optional(Type.String({ maxLength: 100, description: 'The criterion of the grid the request belongs to.' })),
    text: Type.String({ minLength: 1, maxLength: 5000, description: 'What is requested, as the letter says it.' }),
  },
  { $id: 'ReviewerRequest', additionalProperties: false, description: 'A finding the reviewer adds: a request about one place of the plan.' },
)
export type ReviewerRequest = Static<typeof ReviewerRequest>

export const AssessmentContent = Type.Object(
  {
    criteria: Type.Array(CriterionAssessment, { maxItems: 100 }),
    recommendation: Recommendation,
    reasons: Note('Why this recommendation: the opening of the letter.'),
    findings: Type.Array(FindingDecision, { maxItems: 2000 }),
    requests: Type.Array(ReviewerRequest, { maxItems: 500 }),
  },
  {
    $id: 'AssessmentContent',
    additionalProperties: false,
    description: 'The reviewer’s assessment of a plan version: criteria, recommendation with reasons, decisions on engine findings, requests.',
  },
)
export type AssessmentContent = Static<typeof AssessmentContent>

/** An engine finding of the assessed version with its fingerprint and the reviewer's decision, if any. */
export const AssessedFinding = Type.Object(
  {
    fingerprint: Type.String(),
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('dismiss'), Type.Literal('open')], { description: 'open: not decided yet.' }),
    reason: Type.Optional(Type.String()),
    finding: Finding,
  },
  { $id: 'AssessedFinding', additionalProperties: false },
)
export type AssessedFinding = Static<typeof AssessedFinding>

/** A finding left out of a served evaluation because the reviewer dismissed it (same element, same text). */
export const DismissedFinding = Type.Object(
  { fingerprint: Type.String(), ruleId: Type.String(), pointer: Pointer, label: Bilingual, reason: Type.String() },
  { $id: 'DismissedFinding', additionalProperties: false },
)
export type DismissedFinding = Static<typeof DismissedFinding>

export const ELEMENT_CHANGES = ['changed', 'unchanged', 'removed'] as const

/** A request, seen in a later version: where its element is now and whether it changed. */
export const RequestFollowUp = Type.Object(
  {
    id: Type.String(),
    pointer: Pointer,
    /** The same element in the later version, followed by the ids of axes, objectives and rows; null when it is gone. */
    now: Type.Union([Pointer, Type.Null()], { description: 'The same element in the later version (followed by node ids); null when it is gone.' }),
    element: Type.Union([Type.Literal('changed'), Type.Literal('unchanged'), Type.Literal('removed')], { description: 'Whether the element at the request’s place differs in the later version.' }),
    label: Bilingual,
  },
  { $id: 'RequestFollowUp', additionalProperties: false },
)
export type RequestFollowUp = Static<typeof RequestFollowUp>
export type ElementChange = (typeof ELEMENT_CHANGES)[number]

export const AssessmentFollowUp = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The later version compared with the assessed one.' }),
    requests: Type.Array(RequestFollowUp),
    /** Engine findings of the assessed version that the later version no longer has. */
    goneFindings: Type.Array(Finding, { description: 'Engine findings of the assessed version that the later version no longer has.' }),
  },
  { $id: 'AssessmentFollowUp', additionalProperties: false, description: 'A resubmitted version compared with the assessed one.' },
)
export type AssessmentFollowUp = Static<typeof AssessmentFollowUp>

export const REQUEST_OUTCOMES = ['addressed', 'still-open', 'removed'] as const

/**
 * What became of one thing the previous letter asked (a reviewer's request, or an engine finding it
 * confirmed) in the version now assessed: `addressed` when its element changed (or the finding is gone) and
 * the new assessment does not ask again at that element; `still-open` when the element is unchanged, the
 * finding is still there, or the reviewer asks again; `removed` when the element is no longer in the plan.
 */
export const PreviousRequestOutcome = Type.Object(
  {
    pointer: Pointer,
    now: Type.Union([Pointer, Type.Null()], { description: 'The same element in the version now assessed; null when it is gone.' }),
    label: Bilingual,
    /** What was asked, as the previous letter said it (a reviewer's words are in one language). */
    text: Type.Union([Type.String(), Bilingual]),
    element: Type.Union([Type.Literal('changed'), Type.Literal('unchanged'), Type.Literal('removed')]),
    outcome: Type.Union([Type.Literal('addressed'), Type.Literal('still-open'), Type.Literal('removed')]),
  },
  { additionalProperties: false },
)
export type PreviousRequestOutcome = Static<typeof PreviousRequestOutcome>
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number]

/** The previous letter's requests seen from the version now assessed: what a letter after a resubmission reports first. */
export const LetterFollowUp = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the previous assessment judged.' }),
    assessedAt: Type.String({ description: 'When the previous assessment was last revised (ISO 8601).' }),
    items: Type.Array(PreviousRequestOutcome),
  },
  { additionalProperties: false },
)
export type LetterFollowUp = Static<typeof LetterFollowUp>

/** The outcomes as the letter says them. */
export const REQUEST_OUTCOME_WORDS: Record<RequestOutcome, Bilingual> = {
  addressed: { fr: 'Demande traitée', en: 'Addressed' },
  'still-open': { fr: 'Toujours à préciser', en: 'Still to be clarified' },
  removed: { fr: 'Élément retiré du plan', en: 'Element removed from the plan' },
}

/** Every schema of the assessment with an `$id`, each after the ones it contains. */
export const ASSESSMENT_SCHEMAS = [
  ReviewerStatus, Recommendation, CriterionAssessment, FindingDecision, ReviewerRequest, AssessmentContent, AssessedFinding, DismissedFinding, RequestFollowUp, AssessmentFollowUp,
] as const

/** The reviewer's statuses and recommendations as the letter says them. */
export const REVIEWER_STATUS_WORDS: Record<ReviewerStatus, Bilingual> = {
  compliant: { fr: 'Conforme', en: 'Compliant' },
  'to-clarify': { fr: 'À préciser', en: 'To clarify' },
  'non-compliant': { fr: 'Non conforme', en: 'Non-compliant' },
  'not-applicable': { fr: 'Sans objet', en: 'Not applicable' },
}
export const RECOMMENDATION_WORDS: Record<Recommendation, Bilingual> = {
  accept: { fr: 'Plan accepté', en: 'Plan accepted' },
  return: { fr: 'Plan retourné avec demandes de précisions', en: 'Plan returned with requests' },
  refuse: { fr: 'Plan refusé', en: 'Plan refused' },
}

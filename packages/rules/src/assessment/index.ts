export {
  ReviewerStatus, REVIEWER_STATUSES, Recommendation, RECOMMENDATIONS, CriterionAssessment, FindingDecision, ReviewerRequest, AssessmentContent, AssessedFinding,
  DismissedFinding, RequestFollowUp, AssessmentFollowUp, ELEMENT_CHANGES, ASSESSMENT_SCHEMAS, REVIEWER_STATUS_WORDS, RECOMMENDATION_WORDS,
  REQUEST_OUTCOMES, REQUEST_OUTCOME_WORDS, PreviousRequestOutcome, LetterFollowUp,
} from './schema.js'
export type { ElementChange, RequestOutcome } from './schema.js'
export { fingerprinter } from './fingerprint.js'
export { assessFindings, withoutDismissed } from './review.js'
export { relocatePointer, elementChange, followUp, letterFollowUp } from './follow-up.js'
export type { AssessedRound } from './follow-up.js'
export { checkAssessment } from './check.js'
export type { AssessmentIssue } from './check.js'
export { AssessmentFile, loadAssessmentText, assessmentFileJsonSchema } from './assessment-file.js'
export type { AssessmentFileLoad } from './assessment-file.js'
export { draftAssessment } from './draft.js'
export type { AssessmentDraft, DraftFinding } from './draft.js'

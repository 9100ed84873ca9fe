import { createEngine, type Engine, type EngineOptions, type EvaluateOptions } from './engine/engine.js'
import { CriterionExplanation, Explanation } from './engine/explain.js'
import {
  CriterionResult, CriterionStatus, Finding, Report, ReportEngine, ReportPlan, ReportProfile, ReportRuleSet, ReportSummary,
} from './engine/report.js'
import { CriterionDefinition, ResolvedCriterion, RuleEntry, RuleSetDefinition, RuleSetRule, RuleSetSummary } from './engine/ruleset.js'
import { FindingSeverity, Stage } from './engine/severity.js'
import { builtinRules } from './rules/index.js'
import { builtinRuleSets } from './rulesets/index.js'

// Engine
export { ENGINE_NAME, ENGINE_VERSION } from './engine/engine.js'
export type { Engine, EngineOptions, EvaluateOptions } from './engine/engine.js'
export { defineRule } from './engine/rule.js'
export type { Rule, AnyRule, RuleMeta, RuleContext, RuleVisitors, ReportDescriptor, SpellChecker } from './engine/rule.js'
export { Severity, FindingSeverity, Stage, atLeast, severityRank } from './engine/severity.js'
export {
  RuleSetDefinition, RuleEntry, CriterionDefinition, ResolvedCriterion, RuleSetRule, RuleSetSummary, RuleSetError, resolveRuleSet, ruleSetKey,
  summarizeRuleSet,
} from './engine/ruleset.js'
export type { ResolvedRuleSet, ResolvedRuleConfig, RuleSetProblem } from './engine/ruleset.js'
// The report's schemas (TypeBox, each with an $id) and their types, of the same names.
export {
  Report, Finding, CriterionResult, CriterionStatus, Bilingual, ReportEngine, ReportRuleSet, ReportProfile, ReportPlan, ReportSummary,
} from './engine/report.js'
export { explain, Explanation, CriterionExplanation } from './engine/explain.js'
export { canonicalJson, contentHash } from './engine/canonical.js'
export { placeLabeller } from './engine/labels.js'
export { comparePointers } from './engine/order.js'
export type { PlaceLabeller } from './engine/labels.js'

/**
 * Every schema of the package that has an `$id`, each after the ones it contains: registered one by one in
 * this order (Ajv's addSchema, Fastify's), each becomes one named component.
 */
export const RULES_SCHEMAS = [
  FindingSeverity, Stage, CriterionStatus, Finding, CriterionResult, ReportEngine, ReportRuleSet, ReportProfile, ReportPlan, ReportSummary, Report,
  CriterionExplanation, Explanation, ResolvedCriterion, RuleSetRule, RuleSetSummary, CriterionDefinition, RuleEntry, RuleSetDefinition,
] as const

// The reviewer's assessment of a plan version: its schemas, finding fingerprints, follow-up of a resubmission
export {
  ReviewerStatus, REVIEWER_STATUSES, Recommendation, RECOMMENDATIONS, CriterionAssessment, FindingDecision, ReviewerRequest, AssessmentContent, AssessedFinding,
  DismissedFinding, RequestFollowUp, AssessmentFollowUp, ELEMENT_CHANGES, ASSESSMENT_SCHEMAS, REVIEWER_STATUS_WORDS, RECOMMENDATION_WORDS,
  fingerprinter, assessFindings, withoutDismissed, relocatePointer, elementChange, followUp, checkAssessment,
  REQUEST_OUTCOMES, REQUEST_OUTCOME_WORDS, PreviousRequestOutcome, LetterFollowUp, letterFollowUp, AssessmentFile, loadAssessmentText, assessmentFileJsonSchema,
  draftAssessment,
} from './assessment/index.js'
export type { ElementChange, AssessmentIssue, AssessedRound, RequestOutcome, AssessmentFileLoad, AssessmentDraft, DraftFinding } from './assessment/index.js'

// Built-in rules and rule sets
export { builtinRules } from './rules/index.js'
export { builtinRuleSets, lanaudiere2026RuleSet, lanaudiere2021RuleSet, genericRuleSet } from './rulesets/index.js'
export { textFields } from './rules/kit.js'
export type { TextField } from './engine/rule.js'

// Reports as text
export { formatReport, FORMATS } from './format/index.js'
export type { ReportFormat, FormatOptions, RuleDescription } from './format/index.js'
export { formatMarkdown, colon, formatScore, plural, REPORT_WORDS, SEVERITY_WORDS, STAGE_WORDS, STATUS_WORDS, summaryLine } from './format.js'
export type { MarkdownReportOptions, ReportWords } from './format.js'
export { rulesCatalogue } from './catalogue.js'

/** An engine with the built-in rules and rule sets, plus the caller's own. */
export function createRulesEngine(options: EngineOptions = {}): Engine {
  return createEngine({ rules: builtinRules, ruleSets: builtinRuleSets }, options)
}

let defaultEngine: Engine | undefined

/** Evaluates any JSON value with the built-in rule sets (the one made for the plan's profile by default). */
export function evaluatePlan(input: unknown, options?: EvaluateOptions): Report {
  defaultEngine ??= createRulesEngine()
  return defaultEngine.evaluate(input, options)
}
export { loadRuleSetText, RuleSetFile, ruleSetFileJsonSchema, type RuleSetLoad } from './rulesets/rule-set-file.js'

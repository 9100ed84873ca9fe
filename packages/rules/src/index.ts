import { createEngine, type Engine, type EngineOptions, type EvaluateOptions } from './engine/engine.js'
import type { Report } from './engine/report.js'
import { builtinRules } from './rules/index.js'
import { builtinRuleSets } from './rulesets/index.js'

// Engine
export { ENGINE_NAME, ENGINE_VERSION } from './engine/engine.js'
export type { Engine, EngineOptions, EvaluateOptions } from './engine/engine.js'
export { defineRule } from './engine/rule.js'
export type { Rule, AnyRule, RuleMeta, RuleContext, RuleVisitors, ReportDescriptor, Bilingual } from './engine/rule.js'
export { Severity, atLeast, severityRank } from './engine/severity.js'
export type { FindingSeverity, Stage } from './engine/severity.js'
export { RuleSetDefinition, RuleEntry, CriterionDefinition, RuleSetError, resolveRuleSet, ruleSetKey } from './engine/ruleset.js'
export type { ResolvedRuleSet, ResolvedRuleConfig, ResolvedCriterion, RuleSetProblem } from './engine/ruleset.js'
export type { Report, Finding, CriterionResult, CriterionStatus } from './engine/report.js'
export { explain } from './engine/explain.js'
export type { Explanation, CriterionExplanation } from './engine/explain.js'
export { canonicalJson, contentHash } from './engine/canonical.js'
export { placeLabeller } from './engine/labels.js'
export type { PlaceLabeller } from './engine/labels.js'

// Built-in rules and rule sets
export { builtinRules } from './rules/index.js'
export { builtinRuleSets, lanaudiere2026RuleSet, lanaudiere2021RuleSet, genericRuleSet } from './rulesets/index.js'
export { textFields } from './rules/kit.js'
export type { TextField } from './engine/rule.js'

// Reports as text
export { formatReport, FORMATS } from './format/index.js'
export type { ReportFormat, FormatOptions } from './format/index.js'
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

import { ColumnKey, LocalizedText, SectionKey } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { Bilingual } from './report.js'
import type { AnyRule } from './rule.js'
import { Severity, severityRank } from './severity.js'

/**
 * The parts of the profile a criterion is about. A criterion without a label of its own is named in the
 * profile's words (its sections' and columns' labels, its levels' names), and left out of a plan's report
 * when the profile has none of those parts.
 */
export const CriterionAbout = Type.Object(
  {
    sections: Type.Optional(Type.Array(SectionKey)),
    columns: Type.Optional(Type.Array(ColumnKey)),
    levels: Type.Optional(Type.Boolean({ description: 'The plan table’s levels (axis, objective, action).' })),
  },
  { additionalProperties: false },
)
export type CriterionAbout = Static<typeof CriterionAbout>

/** A criterion of the reviewers' grid: a form question or a coherence concern, with its weight. */
export const CriterionDefinition = Type.Object(
  {
    label: Type.Optional(LocalizedText),
    about: Type.Optional(CriterionAbout),
    /** The form question it comes from, as printed. */
    question: Type.Optional(LocalizedText),
    weight: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { $id: 'CriterionDefinition', additionalProperties: false },
)
export type CriterionDefinition = Static<typeof CriterionDefinition>

export const RuleEntry = Type.Union([
  Severity,
  Type.Object(
    {
      severity: Type.Optional(Severity),
      /** Severity at the draft stage (softer than at submission, where the rule set says so). */
      draft: Type.Optional(Severity),
      options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    },
    { additionalProperties: false },
  ),
], { $id: 'RuleEntry', description: 'A severity, or a severity per stage with options.' })
export type RuleEntry = Static<typeof RuleEntry>

/** A rule set as published: versioned data, frozen once released; a change is a new version. */
export const RuleSetDefinition = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    version: Type.Integer({ minimum: 1 }),
    title: LocalizedText,
    /** "id@version" of the rule set this one builds on. */
    extends: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*@\\d+$' })),
    /** Profiles (form editions) this rule set is meant for. */
    profiles: Type.Optional(Type.Array(Type.String())),
    /** Criteria in the order reviewers read them; entries override the extended set's. */
    criteria: Type.Optional(Type.Record(Type.String(), CriterionDefinition)),
    criteriaOrder: Type.Optional(Type.Array(Type.String())),
    rules: Type.Record(Type.String(), RuleEntry),
  },
  { additionalProperties: false, $id: 'RuleSetDefinition' },
)
export type RuleSetDefinition = Static<typeof RuleSetDefinition>

export interface ResolvedRuleConfig {
  rule: AnyRule
  severity: Severity
  draft: Severity
  options: unknown
}

/** A criterion with its rule set's `extends` chain applied: both languages and a weight, always. */
export const ResolvedCriterion = Type.Object(
  {
    id: Type.String(),
    label: Bilingual,
    weight: Type.Number({ minimum: 0 }),
    question: Type.Optional(Bilingual),
    /** Set when the label is to be taken from the profile's words (no rule set of the chain names the criterion). */
    about: Type.Optional(CriterionAbout),
  },
  { $id: 'ResolvedCriterion', additionalProperties: false },
)
export type ResolvedCriterion = Static<typeof ResolvedCriterion>

/** A rule set with its `extends` chain applied and every rule and option checked. */
export interface ResolvedRuleSet {
  id: string
  version: number
  title: Bilingual
  profiles: readonly string[]
  criteria: readonly ResolvedCriterion[]
  rules: readonly ResolvedRuleConfig[]
}

/** A rule of a resolved rule set, as listed: its criterion, its severities and what it checks. */
export const RuleSetRule = Type.Object(
  { id: Type.String(), criterion: Type.String(), severity: Severity, draft: Severity, docs: Bilingual },
  { $id: 'RuleSetRule', additionalProperties: false },
)
export type RuleSetRule = Static<typeof RuleSetRule>

/** A resolved rule set as data (what a client lists): its criteria in reading order and its rules by id. */
export const RuleSetSummary = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    title: Bilingual,
    profiles: Type.Array(Type.String()),
    criteria: Type.Array(ResolvedCriterion),
    rules: Type.Array(RuleSetRule),
  },
  { $id: 'RuleSetSummary', additionalProperties: false, description: 'A rule set with its extends chain applied: criteria in reading order, rules with their severities.' },
)
export type RuleSetSummary = Static<typeof RuleSetSummary>

/** The data of a resolved rule set, without its rules' code. */
export function summarizeRuleSet(resolved: ResolvedRuleSet): RuleSetSummary {
  return {
    id: resolved.id,
    version: resolved.version,
    title: resolved.title,
    profiles: [...resolved.profiles],
    criteria: [...resolved.criteria],
    rules: resolved.rules.map((config) => ({
      id: config.rule.id,
      criterion: config.rule.meta.criterion,
      severity: config.severity,
      draft: config.draft,
      docs: config.rule.meta.docs,
    })),
  }
}

export interface RuleSetProblem {
  ruleSet: string
  /** The rule (or criterion) the problem is about, when there is one. */
  subject?: string
  message: Bilingual
}

/** Thrown when a rule set cannot be loaded; names each rule and problem. */
export class RuleSetError extends Error {
  readonly code = 'invalid-rule-set'
  constructor(readonly problems: readonly RuleSetProblem[]) {
    super(problems.map((problem) => `${problem.ruleSet}${problem.subject ? ` › ${problem.subject}` : ''}: ${problem.message.en}`).join('\n'))
    this.name = 'RuleSetError'
  }
}

export function ruleSetKey(definition: Pick<RuleSetDefinition, 'id' | 'version'>): string {
  return `${definition.id}@${definition.version}`
}

const checkDefinition = Compile(RuleSetDefinition)
const optionChecks = new WeakMap<object, ReturnType<typeof Compile>>()

/**
 * Resolves `ref` ("id@version", or "id" for its latest version) against the known rule sets and rules:
 * follows `extends`, merges criteria and rule entries, fills default options, and checks everything.
 */
export function resolveRuleSet(ref: string, ruleSets: readonly RuleSetDefinition[], rules: readonly AnyRule[]): ResolvedRuleSet {
  const problems: RuleSetProblem[] = []
  const chain = extendsChain(ref, ruleSets, problems)
  if (problems.length > 0 || chain.length === 0) throw new RuleSetError(problems)
  const top = chain[chain.length - 1]!
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]))
  const criteria = new Map<string, CriterionDefinition>()
  const order: string[] = []
  const entries = new Map<string, { severity?: Severity; draft?: Severity; options?: Record<string, unknown> }>()
  for (const definition of chain) {
    const name = ruleSetKey(definition)
    for (const [id, criterion] of Object.entries(definition.criteria ?? {})) {
      criteria.set(id, { ...criteria.get(id), ...criterion })
      if (!order.includes(id)) order.push(id)
    }
    if (definition.criteriaOrder) order.splice(0, order.length, ...definition.criteriaOrder, ...order.filter((id) => !definition.criteriaOrder!.includes(id)))
    for (const [ruleId, entry] of Object.entries(definition.rules)) {
      if (!rulesById.has(ruleId)) {
        problems.push({ ruleSet: name, subject: ruleId, message: { fr: `Règle inconnue : « ${ruleId} ».`, en: `Unknown rule "${ruleId}".` } })
        continue
      }
      const previous = entries.get(ruleId) ?? {}
      const next = typeof entry === 'string' ? { severity: entry } : entry
      entries.set(ruleId, { ...previous, ...next, options: next.options ? { ...previous.options, ...next.options } : previous.options })
    }
  }
  const resolved: ResolvedRuleConfig[] = []
  for (const [ruleId, entry] of entries) {
    const rule = rulesById.get(ruleId)!
    const severity = entry.severity ?? rule.meta.defaultSeverity
    const draft = entry.draft ?? severity
    const max = rule.meta.maxSeverity
    for (const level of new Set([severity, draft]))
      if (max && severityRank(level) > severityRank(max))
        problems.push({
          ruleSet: ruleSetKey(top),
          subject: ruleId,
          message: { fr: `La sévérité « ${level} » dépasse le maximum de cette règle (« ${max} »).`, en: `Severity "${level}" is above this rule's maximum ("${max}").` },
        })
    if (severity !== 'off' || draft !== 'off') {
      if (!criteria.has(rule.meta.criterion))
        problems.push({
          ruleSet: ruleSetKey(top),
          subject: ruleId,
          message: { fr: `Le critère « ${rule.meta.criterion} » de la règle n’est pas défini.`, en: `The rule's criterion "${rule.meta.criterion}" is not defined.` },
        })
    }
    const options = { ...(rule.meta.defaultOptions as object | undefined), ...entry.options }
    if (rule.meta.options) {
      let check = optionChecks.get(rule.meta.options)
      if (!check) optionChecks.set(rule.meta.options, (check = Compile(rule.meta.options)))
      for (const error of check.Errors(options))
        problems.push({
          ruleSet: ruleSetKey(top),
          subject: ruleId,
          message: { fr: `Option invalide en « ${error.instancePath || '/'} » : ${error.message}.`, en: `Invalid option at "${error.instancePath || '/'}": ${error.message}.` },
        })
    } else if (entry.options && Object.keys(entry.options).length > 0) {
      problems.push({ ruleSet: ruleSetKey(top), subject: ruleId, message: { fr: 'Cette règle ne prend pas d’options.', en: 'This rule takes no options.' } })
    }
    resolved.push({ rule, severity, draft, options })
  }
  if (problems.length > 0) throw new RuleSetError(problems)
  return {
    id: top.id,
    version: top.version,
    title: { fr: top.title.fr, en: top.title.en ?? top.title.fr },
    profiles: top.profiles ?? chain.flatMap((definition) => definition.profiles ?? []),
    criteria: order.map((id) => {
      const criterion = criteria.get(id)!
      const label = criterion.label ?? { fr: id }
      const result: ResolvedCriterion = { id, label: { fr: label.fr, en: label.en ?? label.fr }, weight: criterion.weight ?? 1 }
      if (criterion.question) result.question = { fr: criterion.question.fr, en: criterion.question.en ?? criterion.question.fr }
      if (criterion.about && !criterion.label) result.about = criterion.about
      return result
    }),
    rules: resolved.sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0)),
  }
}

function extendsChain(ref: string, ruleSets: readonly RuleSetDefinition[], problems: RuleSetProblem[]): RuleSetDefinition[] {
  const chain: RuleSetDefinition[] = []
  let current: string | undefined = ref
  while (current) {
    const definition = findRuleSet(current, ruleSets)
    if (!definition) {
      problems.push({ ruleSet: current, message: { fr: `Jeu de règles introuvable : « ${current} ».`, en: `Rule set not found: "${current}".` } })
      break
    }
    const name = ruleSetKey(definition)
    if (!checkDefinition.Check(definition)) {
      for (const error of checkDefinition.Errors(definition))
        problems.push({ ruleSet: name, message: { fr: `Définition invalide en « ${error.instancePath || '/'} » : ${error.message}.`, en: `Invalid definition at "${error.instancePath || '/'}": ${error.message}.` } })
      break
    }
    if (chain.some((seen) => ruleSetKey(seen) === name)) {
      problems.push({ ruleSet: name, message: { fr: 'Cycle dans « extends ».', en: 'Cycle in "extends".' } })
      break
    }
    chain.unshift(definition)
    current = definition.extends
  }
  return chain
}

function findRuleSet(ref: string, ruleSets: readonly RuleSetDefinition[]): RuleSetDefinition | undefined {
  const [id, version] = ref.split('@')
  return ruleSets
    .filter((candidate) => candidate.id === id && (version === undefined || candidate.version === Number(version)))
    .sort((a, b) => b.version - a.version)[0]
}

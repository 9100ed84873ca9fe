import {
  buildNameIndex, builtinProfiles, derivedId, interpolate, type Issue, type PlanDocument, type Profile, rowsOf,
  type RowVisit, textsOf, validatePlan, visitPlan,
} from '@demarche/domain'
import { scannedContentHash } from './canonical.js'
import { type PlaceLabeller, placeLabeller } from './labels.js'
import { comparePointers } from './order.js'
import type { Finding, Report } from './report.js'
import type { AnyRule, Bilingual, ReportDescriptor, RuleVisitors, SpellChecker, TextField } from './rule.js'
import { type ResolvedRuleSet, resolveRuleSet, type RuleSetDefinition, ruleSetKey } from './ruleset.js'
import { criteriaInProfileWords } from './profile-criteria.js'
import { type RuleTally, scoreCriteria } from './score.js'
import { type FindingSeverity, type Severity, severityRank, type Stage } from './severity.js'
import { validDocument } from './valid-document.js'

export const ENGINE_NAME = '@demarche/rules'
export const ENGINE_VERSION = '0.1.0'


export interface EvaluateOptions {
  /** "id@version" or "id"; by default the latest rule set made for the plan's profile. */
  ruleSet?: string
  stage?: Stage
  /** Receives the time each rule took, in ms (ESLint's TIMING in spirit), for rule authors tuning a rule. */
  onRuleTiming?: (ruleId: string, ms: number) => void
  /**
   * Checks each rule's subject contract (every subject examined once, reports only on examined subjects);
   * a rule that breaks it gets a crash finding. RuleTester turns this on.
   */
  strictSubjects?: boolean
  /**
   * A French spelling checker for the `spelling` rule, which is inactive without one (the dictionary is large
   * and loads asynchronously: Node callers get one from `@demarche/rules/spelling`).
   */
  spellChecker?: SpellChecker
}

export interface EngineOptions {
  rules?: readonly AnyRule[]
  ruleSets?: readonly RuleSetDefinition[]
  profiles?: readonly Profile[]
}

export interface Engine {
  readonly rules: readonly AnyRule[]
  readonly ruleSets: readonly RuleSetDefinition[]
  readonly profiles: readonly Profile[]
  /** Loads a rule set with its `extends` chain; throws RuleSetError naming each problem. */
  resolve(ref: string): ResolvedRuleSet
  /** The rule set used for a profile when none is asked for. */
  defaultRuleSet(profileId: string | undefined): string
  /** Evaluates any JSON value; never throws on bad input (a bad rule set does throw). */
  evaluate(input: unknown, options?: EvaluateOptions): Report
}

type Descriptor = ReportDescriptor

export function createEngine(base: { rules: readonly AnyRule[]; ruleSets: readonly RuleSetDefinition[] }, options: EngineOptions = {}): Engine {
  const rules = [...base.rules, ...(options.rules ?? [])]
  for (const rule of rules)
    if ((typeof rule.check === 'function') === (typeof rule.create === 'function'))
      throw new TypeError(`Rule "${rule.id}" must define exactly one of check (whole plan) or create (visitors of rows and texts)`)
  const ruleSets = [...base.ruleSets, ...(options.ruleSets ?? [])]
  const profiles = [...builtinProfiles, ...(options.profiles ?? [])]
  const cache = new Map<string, ResolvedRuleSet>()
  const resolve = (ref: string) => {
    let resolved = cache.get(ref)
    if (!resolved) cache.set(ref, (resolved = resolveRuleSet(ref, ruleSets, rules)))
    return resolved
  }
  const defaultRuleSet = (profileId: string | undefined) => {
    const made = ruleSets.filter((definition) => profileId !== undefined && definition.profiles?.includes(profileId))
    const latest = made.sort((a, b) => b.version - a.version)[0]
    return latest ? ruleSetKey(latest) : 'generic'
  }
  return {
    rules,
    ruleSets,
    profiles,
    resolve,
    defaultRuleSet,
    evaluate(input, evaluateOptions = {}) {
      const stage = evaluateOptions.stage ?? 'submission'
      const { hash, mayHoldForbidden } = scannedContentHash(input)
      const validation = validatePlan(input, { profiles, jsonTextChecked: !mayHoldForbidden })
      const declaredProfile = validation.profile ?? undefined
      const ruleSet = resolve(evaluateOptions.ruleSet ?? defaultRuleSet(declaredProfile?.id ?? profileIdOf(input)))
      const plan = validation.ok ? validation.plan : undefined
      const labeller = plan && validation.profile ? placeLabeller(plan, validation.profile) : undefined
      const collector = new Collector(labeller, evaluateOptions.strictSubjects === true)
      if (validation.ok) runRules(validation.plan, validation.profile, ruleSet, stage, collector, evaluateOptions)
      else reportInvalid(validation.issues, collector)
      const findings = collector.finish()
      const { score, results } = scoreCriteria(criteriaInProfileWords(ruleSet.criteria, validation.profile), collector.tallies())
      return {
        reportVersion: 1,
        engine: { name: ENGINE_NAME, version: ENGINE_VERSION },
        ruleSet: { id: ruleSet.id, version: ruleSet.version },
        profile: declaredProfile ? { id: declaredProfile.id, version: declaredProfile.version } : null,
        stage,
        plan: { id: plan?.id ?? planIdOf(input), hash },
        valid: validation.ok,
        score,
        summary: {
          errors: findings.filter((finding) => finding.severity === 'error').length,
          warnings: findings.filter((finding) => finding.severity === 'warning').length,
          infos: findings.filter((finding) => finding.severity === 'info').length,
        },
        criteria: results,
        findings,
      }
    },
  }
}

function runRules(
  plan: PlanDocument,
  profile: Profile,
  ruleSet: ResolvedRuleSet,
  stage: Stage,
  collector: Collector,
  { onRuleTiming, spellChecker }: EvaluateOptions,
): void {
  const names = buildNameIndex((plan.participants?.entries ?? []), profile.partnerGroups)
  // Rows and texts as arrays, for whole-plan rules that ask: made at most once per evaluation.
  let rows: readonly RowVisit[] | undefined
  let texts: readonly TextField[] | undefined
  const shared = {
    get rows() {
      return (rows ??= rowsOf(plan, profile))
    },
    get texts() {
      return (texts ??= textsOf(plan, profile))
    },
  }
  const walkers: Walker[] = []
  const timings: { ruleId: string; ms: number }[] = []
  for (const config of ruleSet.rules) {
    const severity: Severity = stage === 'draft' ? config.draft : config.severity
    if (severity === 'off') continue
    const { rule } = config
    const tally = collector.tally(rule.id, rule.meta.criterion)
    const timing = { ruleId: rule.id, ms: 0 }
    // A rule must report, never throw: its failure becomes a finding instead of breaking the report.
    const crash = (error: unknown) =>
      collector.add(rule.id, rule.meta.criterion, '@crashed', 'error', CRASHED, {
        pointer: '',
        data: { error: error instanceof Error ? error.message : String(error) },
      })
    const context = {
      plan,
      profile,
      options: config.options,
      stage,
      names,
      spellChecker,
      get rows() {
        return shared.rows
      },
      get texts() {
        return shared.texts
      },
      examine: (subject: string) => collector.examine(tally, subject),
      report: (messageId: string, descriptor: ReportDescriptor) => {
        const template = rule.meta.messages[messageId]
        if (!template) throw new Error(`Rule ${rule.id} reported unknown message "${messageId}"`)
        collector.add(rule.id, rule.meta.criterion, messageId, severity, template, descriptor)
      },
    }
    const started = onRuleTiming ? performance.now() : 0
    try {
      if (rule.create) {
        const visitors = rule.create(context)
        walkers.push({ visitors: onRuleTiming ? timedVisitors(visitors, timing) : visitors, crash, crashed: false })
      } else rule.check(context)
    } catch (error) {
      crash(error)
    }
    if (onRuleTiming) {
      timing.ms += performance.now() - started
      timings.push(timing)
    }
  }
  walk(plan, profile, walkers)
  if (onRuleTiming) for (const { ruleId, ms } of timings) onRuleTiming(ruleId, ms)
}

/** The visitors of one rule in the walk; a visitor that throws ends the rule's part in it. */
interface Walker {
  readonly visitors: RuleVisitors
  readonly crash: (error: unknown) => void
  crashed: boolean
}

/** One walk of the plan for every rule's visitors: each row and text is read once while it is in cache. */
function walk(plan: PlanDocument, profile: Profile, walkers: readonly Walker[]): void {
  const onRow = walkers.filter((walker) => walker.visitors.row)
  const onText = walkers.filter((walker) => walker.visitors.text)
  if (onRow.length > 0 || onText.length > 0)
    visitPlan(plan, profile, {
      ...(onText.length > 0 && { text: (field: TextField) => visitEach(onText, 'text', field) }),
      ...(onRow.length > 0 && { row: (visit: RowVisit) => visitEach(onRow, 'row', visit) }),
    })
  visitEach(walkers, 'end', undefined)
}

type VisitorArgument<Kind extends keyof RuleVisitors> = Parameters<NonNullable<RuleVisitors[Kind]>>[0]

/** Calls one kind of visitor of each rule still standing; a visitor that throws ends its rule's walk. */
function visitEach<Kind extends keyof RuleVisitors>(walkers: readonly Walker[], kind: Kind, argument: VisitorArgument<Kind>): void {
  for (const walker of walkers) {
    if (walker.crashed || !walker.visitors[kind]) continue
    try {
      ;(walker.visitors[kind] as (argument: VisitorArgument<Kind>) => void).call(walker.visitors, argument)
    } catch (error) {
      walker.crashed = true
      walker.crash(error)
    }
  }
}

/** The same visitors, adding the time spent in each call to the rule's timing. */
function timedVisitors(visitors: RuleVisitors, timing: { ms: number }): RuleVisitors {
  const timed =
    <Arguments extends unknown[]>(visit: (...args: Arguments) => void) =>
    (...args: Arguments) => {
      const started = performance.now()
      try {
        visit(...args)
      } finally {
        timing.ms += performance.now() - started
      }
    }
  const { row, text, end } = visitors
  return {
    ...(row && { row: timed(row.bind(visitors)) }),
    ...(text && { text: timed(text.bind(visitors)) }),
    ...(end && { end: timed(end.bind(visitors)) }),
  }
}

const CRASHED: Bilingual = { fr: 'La règle n’a pas pu s’exécuter : {error}', en: 'The rule could not run: {error}' }

function reportInvalid(issues: readonly Issue[], collector: Collector): void {
  const { id, meta } = validDocument
  collector.examine(collector.tally(id, meta.criterion), '')
  collector.add(id, meta.criterion, 'not-evaluated', 'info', meta.messages['not-evaluated'], { pointer: '' })
  for (const issue of issues)
    collector.add(id, meta.criterion, 'invalid', 'error', meta.messages.invalid, { pointer: issue.pointer, subject: '', data: { issue: issue.message } })
}

interface MutableTally extends RuleTally {
  examined: number
  failed: Set<string>
  /** In strict mode (RuleTester), every subject examined so far, to catch rules that break the contract. */
  seen?: Set<string>
}

/**
 * Gathers what rules report as findings, each made once in its final key order and named while the rule
 * that reports it still has the place in cache; `finish` sorts them and drops repeats, which the sort makes
 * neighbours: a large report then needs no table of every id.
 */
class Collector {
  private readonly findings: Finding[] = []
  private readonly byRule = new Map<string, MutableTally>()

  constructor(
    private readonly labeller: PlaceLabeller | undefined,
    private readonly strict = false,
  ) {}

  tally(ruleId: string, criterion: string): MutableTally {
    let tally = this.byRule.get(ruleId)
    if (!tally) {
      tally = { criterion, examined: 0, failed: new Set<string>(), ...(this.strict && { seen: new Set<string>() }) }
      this.byRule.set(ruleId, tally)
    }
    return tally
  }

  /** Counts a subject; strict mode refuses to count one twice (the count is the criterion's applicable). */
  examine(tally: MutableTally, subject: string): void {
    if (tally.seen) {
      if (tally.seen.has(subject)) throw new Error(`examined "${subject}" twice`)
      tally.seen.add(subject)
    }
    tally.examined++
  }

  add(ruleId: string, criterion: string, messageId: string, severity: FindingSeverity, template: Bilingual, descriptor: Descriptor): void {
    const { pointer, expected, data, suggestion } = descriptor
    const subject = descriptor.subject ?? pointer
    const tally = this.tally(ruleId, criterion)
    if (tally.seen && !tally.seen.has(subject) && messageId !== '@crashed') throw new Error(`reported on "${subject}" without examining it`)
    if (severity !== 'info') tally.failed.add(subject)
    // Keys in a fixed order, so that the JSON of a report is byte-stable.
    const finding = {
      id: derivedId('f', `${ruleId}\u0000${messageId}\u0000${pointer}\u0000${expected ?? ''}\u0000${data ? JSON.stringify(data) : ''}`),
      ruleId,
      messageId,
      criterion,
      severity,
      message: data ? { fr: interpolate(template.fr, data, 'fr'), en: interpolate(template.en, data, 'en') } : template,
      pointer,
    } as Finding
    if (expected !== undefined) finding.expected = expected
    if (subject !== pointer) finding.subject = subject
    finding.label = this.labelOf(expected === undefined ? pointer : containerOf(expected))
    if (suggestion) finding.suggestion = suggestion
    this.findings.push(finding)
  }

  /** The findings by severity then document order, each once (the same id is the same finding, of one severity). */
  finish(): Finding[] {
    const findings: Finding[] = []
    for (const finding of sortFindings(this.findings)) if (finding.id !== findings.at(-1)?.id) findings.push(finding)
    return findings
  }

  tallies(): RuleTally[] {
    return [...this.byRule.values()]
  }

  private labelOf(pointer: string): Bilingual {
    return this.labeller?.labelOf(pointer) ?? { fr: pointer || 'Document', en: pointer || 'Document' }
  }
}

/** A place still to fill ("…/steps/14") is named by its container; a missing cell by its column. */
function containerOf(expected: string): string {
  return /\/\d+$/.test(expected) ? expected.replace(/\/\d+$/, '') : expected
}

/** Errors, then warnings, then information (what a reviewer acts on first); each in document order of the place, then rule, message and text. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      comparePointers(a.expected ?? a.pointer, b.expected ?? b.pointer) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.messageId, b.messageId) ||
      compareText(a.message.fr, b.message.fr) ||
      compareText(a.id, b.id),
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function profileIdOf(input: unknown): string | undefined {
  const profile = (input as { profile?: { id?: unknown } } | null)?.profile
  return typeof profile?.id === 'string' ? profile.id : undefined
}

function planIdOf(input: unknown): string | null {
  const id = (input as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : null
}

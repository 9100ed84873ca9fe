import assert from 'node:assert/strict'
import { type Profile, resolvePointer } from '@demarche/domain'
import { createEngine } from '../engine/engine.js'
import type { Finding } from '../engine/report.js'
import type { AnyRule, SpellChecker } from '../engine/rule.js'
import type { FindingSeverity, Severity, Stage } from '../engine/severity.js'

export interface RuleTesterCase {
  name: string
  /** A plan document (it must be valid: the tester reports its validation issues otherwise). */
  plan: unknown
  options?: Record<string, unknown>
  stage?: Stage
  /** For rules that need one (`spelling`). */
  spellChecker?: SpellChecker
}

export interface ExpectedFinding {
  messageId: string
  pointer: string
  expected?: string
  severity?: FindingSeverity
  /** Exact text or pattern per language, when the case cares about the wording. */
  message?: { fr?: string | RegExp; en?: string | RegExp }
}

export interface InvalidCase extends RuleTesterCase {
  findings: ExpectedFinding[]
}

export interface RuleTesterConfig {
  /** Severity the rule runs at (its default severity otherwise). */
  severity?: Exclude<Severity, 'off'>
  /** Profiles besides the built-in ones, for plans of another region. */
  profiles?: readonly Profile[]
}

type Hook = (name: string, body: () => void) => void

/**
 * Table-driven tests for a rule, in the manner of ESLint's RuleTester: valid cases must give no finding,
 * invalid ones exactly the findings listed (message id, pointer, expected pointer, severity), in order.
 * Every finding is also checked for what any finding owes its reader: both languages, no `{placeholder}`
 * left unfilled, a pointer that resolves in the plan and an `expected` pointer whose parent resolves.
 * Uses the test framework's global `describe` / `it` when there is one (vitest, jest, mocha).
 */
export class RuleTester {
  static describe: Hook | undefined = (globalThis as { describe?: Hook }).describe
  static it: Hook | undefined = (globalThis as { it?: Hook }).it

  constructor(private readonly config: RuleTesterConfig = {}) {}

  run(rule: AnyRule, cases: { valid: readonly RuleTesterCase[]; invalid: readonly InvalidCase[] }): void {
    const describe: Hook = RuleTester.describe ?? ((_, body) => body())
    const it: Hook = RuleTester.it ?? ((_, body) => body())
    describe(rule.id, () => {
      it('has messages in French and English', () => checkMeta(rule))
      if (cases.valid.length > 0)
        describe('valid', () => {
          for (const testCase of cases.valid) it(testCase.name, () => this.checkValid(rule, testCase))
        })
      if (cases.invalid.length > 0)
        describe('invalid', () => {
          for (const testCase of cases.invalid) it(testCase.name, () => this.checkInvalid(rule, testCase))
        })
    })
  }

  private checkValid(rule: AnyRule, testCase: RuleTesterCase): void {
    const findings = this.findings(rule, testCase)
    assert.deepEqual(findings.map(summary), [], `${rule.id} › ${testCase.name}: expected no finding`)
  }

  private checkInvalid(rule: AnyRule, testCase: InvalidCase): void {
    assert.ok(testCase.findings.length > 0, `${rule.id} › ${testCase.name}: an invalid case lists at least one finding`)
    const findings = this.findings(rule, testCase)
    const expected = testCase.findings.map((finding) => ({
      messageId: finding.messageId,
      pointer: finding.pointer,
      expected: finding.expected,
      severity: finding.severity ?? this.config.severity ?? defaultSeverityOf(rule),
    }))
    assert.deepEqual(findings.map(summary), expected, `${rule.id} › ${testCase.name}`)
    testCase.findings.forEach((wanted, index) => {
      for (const locale of ['fr', 'en'] as const) {
        const pattern = wanted.message?.[locale]
        const actual = findings[index]!.message[locale]
        if (typeof pattern === 'string') assert.equal(actual, pattern)
        else if (pattern) assert.match(actual, pattern)
      }
    })
    for (const finding of findings) checkFinding(rule, finding, testCase.plan)
  }

  private findings(rule: AnyRule, testCase: RuleTesterCase): Finding[] {
    const severity = this.config.severity ?? defaultSeverityOf(rule)
    const engine = createEngine(
      {
        rules: [rule],
        ruleSets: [
          {
            id: 'rule-tester',
            version: 1,
            title: { fr: 'RuleTester' },
            criteria: { [rule.meta.criterion]: {} },
            rules: { [rule.id]: { severity, draft: severity, ...(testCase.options && { options: testCase.options }) } },
          },
        ],
      },
      { profiles: this.config.profiles ?? [] },
    )
    const report = engine.evaluate(testCase.plan, { ruleSet: 'rule-tester@1', stage: testCase.stage ?? 'submission', strictSubjects: true, ...(testCase.spellChecker && { spellChecker: testCase.spellChecker }) })
    if (!report.valid) assert.fail(`${rule.id} › ${testCase.name}: the case's plan is not valid:\n${report.findings.map((f) => `${f.pointer} ${f.message.en}`).join('\n')}`)
    const crashed = report.findings.find((finding) => finding.messageId === '@crashed')
    if (crashed) assert.fail(`${rule.id} › ${testCase.name}: ${crashed.message.en}`)
    return report.findings.filter((finding) => finding.ruleId === rule.id)
  }
}

function defaultSeverityOf(rule: AnyRule): FindingSeverity {
  const severity = rule.meta.defaultSeverity
  return severity === 'off' ? 'warning' : severity
}

function summary(finding: Finding) {
  return { messageId: finding.messageId, pointer: finding.pointer, expected: finding.expected, severity: finding.severity }
}

const PLACEHOLDER = /\{\w+\}/

function checkMeta(rule: AnyRule): void {
  const { meta } = rule
  for (const [name, text] of [['docs', meta.docs], ['serves', meta.serves], ...Object.entries(meta.messages).map(([id, message]) => [`message ${id}`, message] as const)] as const) {
    assert.ok(text.fr.trim() !== '' && text.en.trim() !== '', `${rule.id}: ${name} needs both French and English`)
  }
  for (const [id, message] of Object.entries(meta.messages)) {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    assert.deepEqual(names(message.en), names(message.fr), `${rule.id}: message ${id} uses the same placeholders in both languages`)
  }
}

function checkFinding(rule: AnyRule, finding: Finding, plan: unknown): void {
  for (const locale of ['fr', 'en'] as const) {
    assert.ok(finding.message[locale].trim() !== '', `${rule.id}: empty ${locale} message`)
    assert.doesNotMatch(finding.message[locale], PLACEHOLDER, `${rule.id}: unfilled placeholder in ${locale} message "${finding.message[locale]}"`)
    assert.ok(finding.label[locale].trim() !== '', `${rule.id}: empty ${locale} label`)
    if (finding.suggestion) assert.doesNotMatch(finding.suggestion[locale], PLACEHOLDER)
  }
  assert.notEqual(resolvePointer(plan, finding.pointer), undefined, `${rule.id}: pointer ${finding.pointer} does not resolve`)
  if (finding.expected !== undefined) {
    const parent = finding.expected.split('/').slice(0, -1).join('/')
    assert.notEqual(resolvePointer(plan, parent), undefined, `${rule.id}: the parent of expected ${finding.expected} does not resolve`)
  }
}

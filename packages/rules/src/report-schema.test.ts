import { readdirSync, readFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { Ajv } from 'ajv'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import {
  builtinRuleSets, createRulesEngine, CriterionResult, evaluatePlan, Finding, Report, RULES_SCHEMAS, RuleSetDefinition, ruleSetKey, RuleSetSummary,
  summarizeRuleSet,
} from './index.js'

const goldenDirectory = new URL('../golden/', import.meta.url)
const goldenReports = readdirSync(goldenDirectory).filter((file) => file.endsWith('.report.json'))

/** The errors of a value against a schema, as "path: message" lines (empty when it conforms). */
function errorsOf(schema: TSchema, value: unknown): string[] {
  return Value.Errors(schema, value).map((error) => `${error.instancePath || '/'}: ${error.message}`)
}

function expectReport(report: unknown): void {
  expect(errorsOf(Report, report)).toEqual([])
  expect(Value.Check(Report, report)).toBe(true)
}

describe('the Report schema', () => {
  it('finds the golden reports', () => {
    expect(goldenReports.length).toBeGreaterThanOrEqual(2)
  })

  it.each(goldenReports)('accepts the golden report %s', (file) => {
    expectReport(JSON.parse(readFileSync(new URL(file, goldenDirectory), 'utf8')))
  })

  describe.each(Object.keys(examplePlans) as (keyof typeof examplePlans)[])('on the seed plan %s', (name) => {
    it.each(['draft', 'submission'] as const)('accepts the %s report, as built and as JSON', (stage) => {
      const report = evaluatePlan(examplePlans[name](), { stage })
      expect(report.criteria.length).toBeGreaterThan(0)
      expectReport(report)
      expectReport(JSON.parse(JSON.stringify(report)))
    })
  })

  it.each([
    ['a document of no known profile', { profile: 'nowhere', title: 42 }],
    ['a plan missing its axes', (() => {
      const plan = examplePlans.crevale2026() as unknown as Record<string, unknown>
      delete plan.axes
      return plan
    })()],
    ['a value that is not an object', 'plan'],
  ])('accepts the report on %s', (_, input) => {
    const report = evaluatePlan(input)
    expect(report.valid).toBe(false)
    expect(report.summary.errors).toBeGreaterThan(0)
    expectReport(report)
  })

  describe('rejects a report that does not have its shape', () => {
    const report = (): Report => JSON.parse(JSON.stringify(evaluatePlan(examplePlans.crevale2026()))) as Report

    it.each<[string, (report: Record<string, any>) => void, string]>([
      ['an extra property at the top', (r) => (r.extra = true), '/'],
      ['a missing property at the top', (r) => delete r.summary, '/'],
      ['an extra property in a finding', (r) => (r.findings[0].fix = 'x'), '/findings/0'],
      ['a finding without its label', (r) => delete r.findings[0].label, '/findings/0'],
      ['a finding with an "off" severity', (r) => (r.findings[0].severity = 'off'), '/findings/0/severity'],
      ['a message in one language only', (r) => delete r.findings[0].message.en, '/findings/0/message'],
      ['an extra property in a criterion', (r) => (r.criteria[0].note = 'x'), '/criteria/0'],
      ['a criterion without its status', (r) => delete r.criteria[0].status, '/criteria/0'],
      ['an unknown criterion status', (r) => (r.criteria[0].status = 'done'), '/criteria/0/status'],
      ['an extra property in the engine', (r) => (r.engine.build = 1), '/engine'],
      ['a hash that is not SHA-256', (r) => (r.plan.hash = 'md5:00'), '/plan/hash'],
      ['a score above 100', (r) => (r.score = 100.1), '/score'],
      ['a count that is not an integer', (r) => (r.summary.infos = 1.5), '/summary/infos'],
      ['another report version', (r) => (r.reportVersion = 2), '/reportVersion'],
    ])('%s', (_, change, path) => {
      const changed = report()
      expectReport(changed)
      change(changed)
      expect(Value.Check(Report, changed)).toBe(false)
      expect(Value.Errors(Report, changed).map((error) => error.instancePath || '/')).toContain(path)
    })
  })

  it('gives every part a stable $id, for the OpenAPI components', () => {
    const idOf = (schema: TSchema) => (schema as { $id?: string }).$id
    expect([Report, Finding, CriterionResult, RuleSetSummary, RuleSetDefinition].map(idOf)).toEqual([
      'Report', 'Finding', 'CriterionResult', 'RuleSetSummary', 'RuleSetDefinition',
    ])
    const ids = RULES_SCHEMAS.map(idOf)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('registers in Ajv in the published order, which then judges reports as TypeBox does', () => {
    const ajv = new Ajv({ strict: false })
    for (const schema of RULES_SCHEMAS) ajv.addSchema(schema)
    const validate = ajv.getSchema('Report')!
    for (const file of goldenReports) expect(validate(JSON.parse(readFileSync(new URL(file, goldenDirectory), 'utf8'))), file).toBe(true)
    const report = JSON.parse(JSON.stringify(evaluatePlan(examplePlans.crevale2026(), { stage: 'draft' }))) as Record<string, unknown>
    expect(validate(report)).toBe(true)
    expect(validate({ ...report, extra: 1 })).toBe(false)
    const summary = ajv.getSchema('RuleSetSummary')!
    expect(summary(summarizeRuleSet(createRulesEngine().resolve('lanaudiere-2026')))).toBe(true)
  })
})

describe('the rule set schemas', () => {
  const engine = createRulesEngine()

  it.each(builtinRuleSets.map((definition) => [ruleSetKey(definition), definition] as const))('%s is a RuleSetDefinition and its summary a RuleSetSummary', (_, definition) => {
    expect(errorsOf(RuleSetDefinition, definition)).toEqual([])
    const summary = summarizeRuleSet(engine.resolve(ruleSetKey(definition)))
    expect(errorsOf(RuleSetSummary, summary)).toEqual([])
    expect(summary.rules.length).toBeGreaterThan(0)
    expect(Value.Check(RuleSetSummary, { ...summary, rules: [{ ...summary.rules[0], options: {} }] })).toBe(false)
  })
})

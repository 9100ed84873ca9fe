import { readFileSync } from 'node:fs'
import { lanaudiere2026, resolvePointer, walkPlan } from '@demarche/domain'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { without2021Responsibles } from '../rules/cases/support.js'
import { type AnyRule, type Bilingual, createRulesEngine, defineRule, ENGINE_VERSION, evaluatePlan, type RuleMeta } from '../index.js'

const plan2026 = examplePlans.crevale2026()

describe('evaluatePlan', () => {
  it('gives byte-identical reports for the same plan and rule set', () => {
    const first = JSON.stringify(evaluatePlan(plan2026))
    expect(JSON.stringify(evaluatePlan(examplePlans.crevale2026()))).toBe(first)
    expect(JSON.stringify(evaluatePlan(JSON.parse(JSON.stringify(plan2026))))).toBe(first)
    // Findings do not depend on key order; only the hash of the JSON as given does.
    const shuffled = evaluatePlan(Object.fromEntries(Object.entries(plan2026).reverse()))
    expect(JSON.stringify(shuffled.findings)).toBe(JSON.stringify(JSON.parse(first).findings))
  })

  it('carries the engine version, rule set, profile, stage and a content hash of the plan', () => {
    const report = evaluatePlan(plan2026)
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(ENGINE_VERSION).toBe(version)
    expect(report).toMatchObject({
      engine: { name: '@demarche/rules', version },
      ruleSet: { id: 'lanaudiere-2026', version: 1 },
      profile: { id: 'lanaudiere-2026', version: 1 },
      stage: 'submission',
      plan: { id: 'crevale-2026-2028', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      valid: true,
    })
    const changed = examplePlans.crevale2026()
    changed.axes[0]!.title += ' '
    expect(evaluatePlan(changed).plan.hash).not.toBe(report.plan.hash)
  })

  it('refuses a character XML forbids wherever it is, in a small plan as in a large one', () => {
    const invalidAt = (report: ReturnType<typeof evaluatePlan>) => report.findings.filter((finding) => finding.messageId === 'invalid').map((finding) => finding.pointer)
    const small = examplePlans.crevale2026() as unknown as Record<string, any>
    small.axes[1].objectives[0].rows[0].schedule[0].steps[0].text += '\u000B'
    expect(invalidAt(evaluatePlan(small))).toEqual(['/axes/1/objectives/0/rows/0/schedule/0/steps/0/text'])
    // Past a few thousand values the hash reads the plan piece by piece: the last text is seen as well.
    const large = generatedPlan(200) as unknown as Record<string, any>
    large.axes.at(-1).objectives.at(-1).rows.at(-1).actions[0].text = 'moitié \ud800'
    expect(invalidAt(evaluatePlan(large))).toEqual(['/axes/19/objectives/9/rows/0/actions/0/text'])
    // A backslash that only looks like an escape in the JSON text is a text like any other.
    const path = examplePlans.crevale2026()
    path.axes[0]!.title += ' (C:\\bureau\\fichier)'
    expect(evaluatePlan(path).valid).toBe(true)
  })

  it('picks the rule set made for the plan’s profile, or the one asked for', () => {
    expect(evaluatePlan(examplePlans.crevale2021()).ruleSet.id).toBe('lanaudiere-2021')
    expect(evaluatePlan(examplePlans.crevaleServiceOffer()).ruleSet.id).toBe('generic')
    expect(evaluatePlan(examplePlans.crevale2021(), { ruleSet: 'lanaudiere-2026@1' }).ruleSet.id).toBe('lanaudiere-2026')
  })

  it('softens errors into warnings at the draft stage where the rule set says so', () => {
    const submission = evaluatePlan(without2021Responsibles())
    const draft = evaluatePlan(without2021Responsibles(), { stage: 'draft' })
    expect(submission.summary.errors).toBeGreaterThan(0)
    expect(draft.summary.errors).toBe(0)
    expect(draft.findings.length).toBe(submission.findings.length)
    const rowRule = (report: typeof draft) => report.findings.filter((finding) => finding.ruleId === 'row-has-responsible').map((finding) => finding.severity)
    expect(new Set(rowRule(submission))).toEqual(new Set(['error']))
    expect(new Set(rowRule(draft))).toEqual(new Set(['warning']))
    const deposit = createRulesEngine().resolve('lanaudiere-2026@1').rules.find((config) => config.rule.id === 'preparation-ends-with-deposit')
    expect([deposit?.severity, deposit?.draft]).toEqual(['error', 'info'])
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['a string', 'plan'],
    ['an array', [plan2026]],
    ['an empty object', {}],
    ['a truncated plan', { ...plan2026, axes: undefined }],
    ['a type-confused plan', { ...plan2026, participants: { entries: 'CREVALE' } }],
  ])('turns %s into a report of shape findings', (_, input) => {
    const report = evaluatePlan(input)
    expect(report.valid).toBe(false)
    expect(report.score).toBe(0)
    expect(report.findings.length).toBeGreaterThan(1)
    expect(report.findings.every((finding) => finding.ruleId === 'valid-document')).toBe(true)
    expect(report.criteria.filter((criterion) => criterion.status !== 'not_applicable').map((criterion) => criterion.id)).toEqual(['document'])
    expect(report.findings.find((finding) => finding.messageId === 'not-evaluated')?.severity).toBe('info')
  })

  it('locates shape findings in the document, in both languages', () => {
    const report = evaluatePlan({ ...plan2026, participants: { entries: 'CREVALE' } })
    expect(report.findings.find((finding) => finding.messageId === 'invalid')).toMatchObject({
      pointer: '/participants/entries',
      message: { fr: 'La valeur doit être une liste.', en: 'The value must be an array.' },
    })
  })

  it('turns a rule that throws into a finding instead of an exception', () => {
    const broken = defineRule({
      id: 'example/broken',
      meta: testMeta({ never: { fr: 'Jamais.', en: 'Never.' } }),
      check() {
        throw new TypeError('boom')
      },
    })
    const report = evaluateWith(broken, 'lanaudiere-2026@1')
    expect(report.findings.find((finding) => finding.ruleId === 'example/broken')).toMatchObject({
      messageId: '@crashed',
      severity: 'error',
      message: { en: 'The rule could not run: boom' },
    })
  })

  it('keeps a finding reported twice once, and names each place', () => {
    const twice = defineRule({
      id: 'example/twice',
      meta: testMeta({ row: { fr: 'Ligne {n}.', en: 'Row {n}.' } }),
      // Rows visited, then the first row reported again at the end: the repeat is not next to the original.
      create({ examine, report }) {
        const pointers: string[] = []
        return {
          row({ pointer }) {
            examine(pointer)
            pointers.push(pointer)
            report('row', { pointer, data: { n: pointers.length } })
          },
          end() {
            report('row', { pointer: pointers[0]!, data: { n: 1 } })
          },
        }
      },
    })
    const report = evaluateWith(twice)
    const rows = [...walkPlan(plan2026, lanaudiere2026)].filter((visit) => visit.kind === 'row')
    expect(report.findings.map((finding) => finding.pointer)).toEqual(rows.map((visit) => visit.pointer))
    expect(new Set(report.findings.map((finding) => finding.id)).size).toBe(rows.length)
    expect(report.findings.map((finding) => finding.label)).toEqual(rows.map((visit) => ({ fr: visit.label.fr, en: visit.label.en })))
  })

  it('turns a visitor that throws into one finding, and the other rules still run', () => {
    const broken = defineRule({
      id: 'example/broken-visitor',
      meta: testMeta({ never: { fr: 'Jamais.', en: 'Never.' } }),
      create({ examine }) {
        let seen = 0
        return {
          row({ pointer }) {
            examine(pointer)
            if (++seen >= 3) throw new TypeError(`boom at ${pointer}`)
          },
        }
      },
    })
    const report = evaluateWith(broken, 'lanaudiere-2026@1')
    const crashes = report.findings.filter((finding) => finding.ruleId === 'example/broken-visitor')
    expect(crashes).toHaveLength(1)
    const third = [...walkPlan(plan2026, lanaudiere2026)].filter((visit) => visit.kind === 'row')[2]!
    expect(crashes[0]).toMatchObject({ messageId: '@crashed', message: { en: `The rule could not run: boom at ${third.pointer}` } })
    const others = (findings: typeof report.findings) => findings.filter((finding) => finding.ruleId !== 'example/broken-visitor')
    expect(JSON.stringify(others(report.findings))).toBe(JSON.stringify(evaluatePlan(plan2026).findings))
  })

  it('refuses a rule with neither or both of check and create', () => {
    const meta = testMeta({})
    const neither = { id: 'example/neither', meta } as unknown as AnyRule
    const both = { id: 'example/both', meta, check() {}, create: () => ({}) } as unknown as AnyRule
    expect(() => createRulesEngine({ rules: [neither] })).toThrow(/example\/neither.*exactly one of check/)
    expect(() => createRulesEngine({ rules: [both] })).toThrow(/example\/both/)
  })

  it('never throws on any JSON value or damaged plan, and every finding resolves in what it was given', () => {
    const pointers = allPointers(plan2026)
    const damaged = fc.tuple(fc.constantFrom(...pointers), fc.jsonValue({ maxDepth: 3 })).map(([pointer, value]) => {
      const copy = structuredClone(plan2026) as unknown
      setAt(copy, pointer, value)
      return copy
    })
    const dropped = fc.constantFrom(...pointers).map((pointer) => {
      const copy = structuredClone(plan2026) as unknown
      removeAt(copy, pointer)
      return copy
    })
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), damaged, dropped), (input) => {
        const report = evaluatePlan(input)
        expect(report.findings.some((finding) => finding.messageId === '@crashed')).toBe(false)
        expect(report.score).toBeGreaterThanOrEqual(0)
        expect(report.score).toBeLessThanOrEqual(100)
        for (const finding of report.findings) {
          const at = finding.expected === undefined ? finding.pointer : finding.expected.split('/').slice(0, -1).join('/')
          const resolves = report.valid ? resolvePointer(input, at) !== undefined : resolvePointer(input, at.split('/').slice(0, -1).join('/')) !== undefined || at === ''
          expect(resolves, `${finding.ruleId} ${finding.pointer}`).toBe(true)
        }
      }),
      { numRuns: 3000 },
    )
  }, 240_000)
})

/** Metadata for a rule written for one test. */
function testMeta<MessageId extends string>(messages: Record<MessageId, Bilingual>): RuleMeta<MessageId> {
  return { criterion: 'plan-table', docs: { fr: 'Règle d’essai.', en: 'Test rule.' }, serves: { fr: 'Essai.', en: 'Test.' }, messages, defaultSeverity: 'error' }
}

/** Evaluates seed 000 with one more rule at its default severity, alone or on top of a rule set. */
function evaluateWith(rule: AnyRule, extendsRuleSet?: string) {
  const engine = createRulesEngine({
    rules: [rule],
    ruleSets: [
      {
        id: 'with-rule',
        version: 1,
        title: { fr: 'Essai' },
        ...(extendsRuleSet ? { extends: extendsRuleSet } : { criteria: { 'plan-table': {} } }),
        rules: { [rule.id]: rule.meta.defaultSeverity },
      },
    ],
  })
  return engine.evaluate(plan2026, { ruleSet: 'with-rule@1' })
}

function allPointers(value: unknown, base = ''): string[] {
  if (value === null || typeof value !== 'object') return [base]
  const entries = Array.isArray(value) ? value.map((child, i) => [String(i), child] as const) : Object.entries(value)
  return [base, ...entries.flatMap(([key, child]) => allPointers(child, `${base}/${key}`))].filter(Boolean)
}

function parentOf(document: unknown, pointer: string): [Record<string, unknown>, string] {
  const segments = pointer.slice(1).split('/')
  const last = segments.pop()!
  let current = document as Record<string, unknown>
  for (const segment of segments) current = current[segment] as Record<string, unknown>
  return [current, last]
}

function setAt(document: unknown, pointer: string, value: unknown): void {
  const [parent, key] = parentOf(document, pointer)
  parent[key] = value
}

function removeAt(document: unknown, pointer: string): void {
  const [parent, key] = parentOf(document, pointer)
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else delete parent[key]
}

import { describe, expect, it } from 'vitest'
import { createRulesEngine, RuleSetError, type RuleSetDefinition } from '../index.js'

function load(definition: Partial<RuleSetDefinition> & { rules: RuleSetDefinition['rules'] }) {
  const full: RuleSetDefinition = { id: 'test', version: 1, title: { fr: 'Test' }, extends: 'lanaudiere-2026@1', ...definition }
  return () => createRulesEngine({ ruleSets: [full] }).resolve('test@1')
}

function problems(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError)
    return (error as RuleSetError).problems.map((problem) => `${problem.subject ?? ''}: ${problem.message.en}`)
  }
  throw new Error('expected the rule set to be refused')
}

describe('loading a rule set', () => {
  it('resolves the built-in editions with their extends chain', () => {
    const engine = createRulesEngine()
    const base = engine.resolve('lanaudiere-2026@1')
    const edition2021 = engine.resolve('lanaudiere-2021')
    expect(edition2021.version).toBe(1)
    expect(edition2021.criteria.map((criterion) => criterion.id)).toEqual(base.criteria.map((criterion) => criterion.id))
    const severity = (set: typeof base, id: string) => set.rules.find((config) => config.rule.id === id)
    expect(severity(edition2021, 'complementarity-local-and-regional')).toMatchObject({ severity: 'off' })
    expect(severity(edition2021, 'approval-before-deposit')).toMatchObject({ severity: 'error', draft: 'info', options: { requireBoardResolution: false } })
    expect(severity(base, 'approval-before-deposit')?.options).toEqual({ requireBoardResolution: true })
    expect(severity(base, 'follow-up-detail')?.options).toEqual({ minWords: 25 })
  })

  it('names an unknown rule', () => {
    expect(problems(load({ rules: { 'row-has-budjet': 'error' } }))).toEqual(['row-has-budjet: Unknown rule "row-has-budjet".'])
  })

  it('names the rule and the option that is wrong', () => {
    expect(problems(load({ rules: { 'follow-up-detail': { options: { minWords: 'many' } } } }))).toEqual([
      expect.stringMatching(/^follow-up-detail: Invalid option at "\/minWords"/),
    ])
    expect(problems(load({ rules: { 'participants-named': { options: { strict: true } } } }))).toEqual(['participants-named: This rule takes no options.'])
  })

  it('keeps indicators informative', () => {
    expect(problems(load({ rules: { 'indicators-optional': 'error' } }))).toEqual(['indicators-optional: Severity "error" is above this rule\'s maximum ("info").'])
  })

  it('refuses a bad definition, a missing base and a cycle', () => {
    expect(problems(load({ extends: 'ontario-2030@1', rules: {} }))[0]).toBe(': Rule set not found: "ontario-2030@1".')
    expect(problems(load({ rules: { 'names-resolve': 'fatal' as never } }))[0]).toMatch(/Invalid definition at "\/rules\/names-resolve"/)
    const a: RuleSetDefinition = { id: 'a', version: 1, title: { fr: 'A' }, extends: 'b@1', rules: {} }
    const b: RuleSetDefinition = { id: 'b', version: 1, title: { fr: 'B' }, extends: 'a@1', rules: {} }
    expect(problems(() => createRulesEngine({ ruleSets: [a, b] }).resolve('a@1'))).toEqual([': Cycle in "extends".'])
  })

  it('requires the criterion of every enabled rule', () => {
    const definition: RuleSetDefinition = { id: 'bare', version: 1, title: { fr: 'Nu' }, criteria: { document: {} }, rules: { 'names-resolve': 'warning' } }
    expect(problems(() => createRulesEngine({ ruleSets: [definition] }).resolve('bare@1'))).toEqual([
      'names-resolve: The rule\'s criterion "responsibility" is not defined.',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { RuleTester } from '../testing/rule-tester.js'
import { budgetCases } from './cases/budget.js'
import { resultsAndScheduleCases } from './cases/results-schedule.js'
import { sectionCases } from './cases/sections.js'
import { tableCases } from './cases/table.js'
import { textCases } from './cases/text.js'
import { builtinRules } from './index.js'

RuleTester.describe = describe
RuleTester.it = it

const cases = { ...sectionCases, ...tableCases, ...resultsAndScheduleCases, ...budgetCases, ...textCases }

describe('the built-in rules', () => {
  it('each have valid and invalid cases', () => {
    expect(Object.keys(cases).sort()).toEqual(builtinRules.map((rule) => rule.id).sort())
    for (const [id, { valid, invalid }] of Object.entries(cases)) {
      expect(valid.length, id).toBeGreaterThan(0)
      if (id !== 'valid-document') expect(invalid.length, id).toBeGreaterThan(0)
    }
  })

  const tester = new RuleTester()
  for (const rule of builtinRules) tester.run(rule, cases[rule.id as keyof typeof cases] ?? { valid: [], invalid: [] })
})

import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { rulesCatalogue } from './catalogue.js'
import { PRECISION_BEGIN } from './precision/precision.js'
import { builtinRuleSets, builtinRules, createRulesEngine, ruleSetKey } from './index.js'

it('docs/rules.md is generated from the current rules (run `pnpm --filter @demarche/rules docs` after a change)', () => {
  const engine = createRulesEngine()
  const expected = rulesCatalogue(builtinRules, builtinRuleSets.map((set) => engine.resolve(ruleSetKey(set))))
  const committed = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8')
  // The precision section after it is generated and tested by precision/precision.test.ts.
  expect(committed.slice(0, committed.indexOf(PRECISION_BEGIN))).toBe(`${expected}\n`)
  for (const rule of builtinRules) expect(committed).toContain(`### \`${rule.id}\``)
})

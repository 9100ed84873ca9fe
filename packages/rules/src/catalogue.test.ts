import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { rulesCatalogue } from './catalogue.js'
import { builtinRuleSets, builtinRules, createRulesEngine, ruleSetKey } from './index.js'

it('docs/rules.md is generated from the current rules (run `pnpm --filter @demarche/rules docs` after a change)', () => {
  const engine = createRulesEngine()
  const expected = rulesCatalogue(builtinRules, builtinRuleSets.map((set) => engine.resolve(ruleSetKey(set))))
  const committed = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8')
  expect(committed).toBe(expected)
  for (const rule of builtinRules) expect(committed).toContain(`### \`${rule.id}\``)
})

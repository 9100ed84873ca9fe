// Writes docs/rules.md from the rules' metadata (run after `pnpm build`).
import { writeFileSync } from 'node:fs'
import { builtinRules, builtinRuleSets, createRulesEngine, rulesCatalogue, ruleSetKey } from '../dist/index.js'

const engine = createRulesEngine()
const text = rulesCatalogue(builtinRules, builtinRuleSets.map((set) => engine.resolve(ruleSetKey(set))))
writeFileSync(new URL('../../../docs/rules.md', import.meta.url), text)
console.log('docs/rules.md written')

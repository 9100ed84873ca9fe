// Writes docs/rules.md from the rules' metadata, then the precision measured on the real plans against
// src/precision/annotations.json (run after `pnpm build`).
import { readFileSync, writeFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { builtinRules, builtinRuleSets, createRulesEngine, evaluatePlan, rulesCatalogue, ruleSetKey } from '../dist/index.js'
import { loadFrenchSpelling } from '../dist/spelling.js'
import { measurePrecision, precisionSection } from '../dist/testing.js'

const engine = createRulesEngine()
const catalogue = rulesCatalogue(builtinRules, builtinRuleSets.map((set) => engine.resolve(ruleSetKey(set))))
const annotations = JSON.parse(readFileSync(new URL('../src/precision/annotations.json', import.meta.url), 'utf8'))
const plans = { 'crevale-2026-2028': examplePlans.crevale2026, 'crevale-2021': examplePlans.crevale2021, 'crevale-service-offer': examplePlans.crevaleServiceOffer }
const spellChecker = await loadFrenchSpelling()
const rows = Object.entries(plans).map(([name, plan]) => {
  const entry = annotations[name]
  return { ...measurePrecision(name, entry.findings, evaluatePlan(plan(), { spellChecker }).findings), file: entry.file, ruleSet: entry.ruleSet }
})
writeFileSync(new URL('../../../docs/rules.md', import.meta.url), `${catalogue}\n${precisionSection(rows)}`)
console.log('docs/rules.md written')

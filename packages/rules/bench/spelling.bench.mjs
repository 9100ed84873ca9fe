// pnpm bench:spelling (in packages/rules): the cost of the French spelling rule — loading the dictionary
// (time, resident memory), the rule on the real plans and on the M and L corpus (first evaluation, then a
// second with the checker's caches warm), and Hunspell's suggestions — each in a fresh process.
import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan } from '../dist/index.js'
import { CORPUS } from './corpus.mjs'

const rss = () => process.memoryUsage().rss / 1048576
// Imported here, not above: the module reads the dictionary's files when it is imported.
const rssBefore = rss()
let started = performance.now()
const { loadFrenchSpelling } = await import('../dist/spelling.js')
const spellChecker = await loadFrenchSpelling()
const loadMs = performance.now() - started
const rssAfter = rss()
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
console.log(`import and loadFrenchSpelling(): ${loadMs.toFixed(0)} ms, resident memory +${(rssAfter - rssBefore).toFixed(0)} MB`)

/** The spelling rule's own time in one evaluation, as the engine measures each rule. */
function spellingMs(plan) {
  let ms = 0
  evaluatePlan(plan, { spellChecker, onRuleTiming: (ruleId, time) => (ruleId === 'spelling' ? (ms = time) : undefined) })
  return ms
}
const plans = { '2026-2028 plan': examplePlans.crevale2026, '2021 plan': examplePlans.crevale2021, 'M (1,000 rows)': CORPUS.M, 'L (10,000 rows)': CORPUS.L }
console.log('| Plan | Spelling rule, 1st evaluation | 2nd evaluation | Whole evaluation with spelling | without |')
console.log('|---|---:|---:|---:|---:|')
for (const [name, make] of Object.entries(plans)) {
  const plan = make()
  const first = spellingMs(plan)
  const second = spellingMs(plan)
  started = performance.now()
  evaluatePlan(plan, { spellChecker })
  const withSpelling = performance.now() - started
  started = performance.now()
  evaluatePlan(plan)
  const without = performance.now() - started
  console.log(`| ${name} | ${first.toFixed(0)} ms | ${second.toFixed(0)} ms | ${withSpelling.toFixed(0)} ms | ${without.toFixed(0)} ms |`)
}
for (const word of ['lanadoise', 'Lanaudaise', 'grenouile', 'anticonstitutionnellemant']) {
  started = performance.now()
  const found = spellChecker.suggest(word)
  const first = performance.now() - started
  started = performance.now()
  spellChecker.suggest(word)
  console.log(`suggest("${word}"): ${first.toFixed(0)} ms (${found.slice(0, 2).join(', ') || 'none'}), again ${(performance.now() - started).toFixed(2)} ms (cached)`)
}
console.log(`resident memory at the end: ${rss().toFixed(0)} MB`)

import { readFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import { formatReport } from './format/index.js'
import { evaluatePlan } from './index.js'

const golden = (file: string) => readFileSync(new URL(`../golden/${file}`, import.meta.url), 'utf8')

// The golden reports were reviewed by hand (golden/REVIEW.md): a change here is a change of judgement.
describe.each([
  ['crevale-2026-2028', examplePlans.crevale2026],
  ['crevale-2021', examplePlans.crevale2021],
])('the report on %s', (name, plan) => {
  const report = evaluatePlan(plan())

  it('matches the reviewed golden JSON byte for byte', () => {
    expect(JSON.stringify(report, null, 2) + '\n').toBe(golden(`${name}.report.json`))
  })

  it.each(['fr', 'en'] as const)('matches the reviewed golden Markdown (%s)', (locale) => {
    expect(formatReport('markdown', [{ file: `${name}.plan.json`, report }], { locale })).toBe(golden(`${name}.report.${locale}.md`))
  })
})

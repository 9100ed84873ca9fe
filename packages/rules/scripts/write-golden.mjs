// Writes the golden reports of the seed plans (run after `pnpm build`); review every change by hand.
import { writeFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan, formatReport } from '../dist/index.js'

for (const [name, plan] of [['crevale-2026-2028', examplePlans.crevale2026()], ['crevale-2021', examplePlans.crevale2021()]]) {
  const report = evaluatePlan(plan)
  writeFileSync(new URL(`../golden/${name}.report.json`, import.meta.url), JSON.stringify(report, null, 2) + '\n')
  for (const locale of ['fr', 'en'])
    writeFileSync(new URL(`../golden/${name}.report.${locale}.md`, import.meta.url), formatReport('markdown', [{ file: `${name}.plan.json`, report }], { locale }))
  console.log(`golden/${name} written (score ${report.score})`)
}

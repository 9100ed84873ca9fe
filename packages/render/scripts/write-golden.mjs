// Writes the golden HTML and Markdown of the seed plans (after `pnpm build`); review every change by hand.
import { writeFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { createContext, planHtml, planMarkdown } from '../dist/index.js'

const clock = () => new Date('2026-11-23T12:00:00Z')
for (const [name, make] of [['crevale-2026-2028', examplePlans.crevale2026], ['crevale-2021', examplePlans.crevale2021], ['crevale-service-offer', examplePlans.crevaleServiceOffer]]) {
  const plan = make()
  const context = createContext(plan, { clock })
  writeFileSync(new URL(`../golden/${name}.plan.md`, import.meta.url), planMarkdown(plan, context))
  if (name !== 'crevale-service-offer') writeFileSync(new URL(`../golden/${name}.plan.html`, import.meta.url), planHtml(plan, context))
  console.log(`golden/${name} written`)
}

// Generates the benchmark corpus from the real 2026 plan: S is the seed itself, M and L repeat its rows
// (with fresh ids and varied numbers) under more axes and objectives until they reach the wanted size.
import { lanaudiere2026, preparePlan } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'

/** The corpus by name, made on demand so that one size's objects do not weigh on another's timing. */
export const CORPUS = {
  S: () => examplePlans.crevale2026(),
  M: () => grow(examplePlans.crevale2026(), 1_000),
  L: () => grow(examplePlans.crevale2026(), 10_000),
}

function grow(seed, rowCount) {
  const rows = seed.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows))
  const plan = structuredClone(seed)
  plan.id = `bench-${rowCount}`
  plan.axes = []
  const objectivesPerAxis = 10
  let made = 0
  for (let a = 0; made < rowCount; a++) {
    const axis = { number: a + 1, title: `${seed.axes[a % seed.axes.length].title} (${a + 1})`, objectives: [] }
    for (let o = 0; o < objectivesPerAxis && made < rowCount; o++) {
      const source = structuredClone(rows[made % rows.length])
      delete source.id
      for (const action of source.actions) delete action.id
      // Keep rows near 1 kB so that M is about 1 MB, as the issue asks: one block, its first steps.
      source.schedule = source.schedule.slice(0, 1).map((block) => ({ ...block, steps: block.steps.slice(0, 1) }))
      for (const action of source.actions) delete action.content
      source.results = source.results.slice(0, 2)
      axis.objectives.push({ number: o + 1, title: `Objectif ${o + 1} de l'axe ${a + 1}`, rows: [source] })
      made++
    }
    plan.axes.push(axis)
  }
  return preparePlan(plan, lanaudiere2026)
}

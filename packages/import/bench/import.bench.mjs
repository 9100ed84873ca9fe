// pnpm bench (in packages/import): time to import the toolkit's own XLSX of generated plans of 100, 1,000
// and 10,000 rows (the plan table's rows; the Plan sheet has one line per action), to see that the reader
// is linear in the rows. Medians, after one warm-up, in one run.
import { builtinProfiles, findProfile } from '@demarche/domain'
import { generatedPlan } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import { importPlan } from '../dist/index.js'

const clock = () => new Date('2026-11-23T12:00:00Z')

async function median(fn, runs) {
  await fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.()
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

const rows = []
for (const [count, runs] of [[100, 9], [1_000, 5], [10_000, 3]]) {
  const plan = generatedPlan(count)
  const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)
  const bytes = await planXlsx(plan, createContext(plan, { clock }))
  let lines = 0
  const ms = await median(async () => {
    const { plan: imported, report } = await importPlan(bytes, { profile })
    if (!imported || report.failed) throw new Error('import failed')
    lines = imported.axes.reduce((sum, axis) => sum + axis.objectives.reduce((n, objective) => n + objective.rows.reduce((m, row) => m + Math.max(1, row.actions.length), 0), 0), 0)
  }, runs)
  rows.push({ count, kib: Math.round(bytes.byteLength / 1024), lines, ms })
}
const base = rows[0]
console.log('| Plan rows | XLSX (KiB) | Plan sheet lines | Import (ms, median) | µs per line | Time ratio to 100 rows / rows ratio |')
console.log('|---:|---:|---:|---:|---:|---:|')
for (const row of rows)
  console.log(`| ${row.count.toLocaleString('en')} | ${row.kib.toLocaleString('en')} | ${row.lines.toLocaleString('en')} | ${Math.round(row.ms).toLocaleString('en')} | ${Math.round((row.ms * 1000) / row.lines)} | ${((row.ms / base.ms) / (row.count / base.count)).toFixed(2)} |`)

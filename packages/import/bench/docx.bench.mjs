// pnpm bench (in packages/import): importing the 2026-2028 plan's DOCX against mammoth converting the same file
// to HTML, timed in alternation in the same run; then DOCX import time from 100 to 10,000 plan rows.
import { builtinProfiles, findProfile } from '@demarche/domain'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import mammoth from 'mammoth'
import { importDocx } from '../dist/index.js'

const clock = () => new Date('2026-11-23T12:00:00Z')

/**
 * Medians of two functions called in alternation, so both are timed under the same machine load, after
 * both have been warmed alike (ten rounds: three left either one still being compiled in the first rounds).
 */
async function timePair(first, second, runs) {
  for (let i = 0; i < 10; i++) {
    await first()
    await second()
  }
  const samples = [[], []]
  for (let i = 0; i < runs; i++)
    for (const [index, fn] of [first, second].entries()) {
      const start = performance.now()
      await fn()
      samples[index].push(performance.now() - start)
    }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)])
}

async function median(fn, runs) {
  const [value] = await timePair(fn, () => undefined, runs)
  return value
}

const plan = examplePlans.crevale2026()
const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)
const bytes = await planDocx(plan, createContext(plan, { clock }))
const buffer = Buffer.from(bytes)
const [ours, theirs] = await timePair(() => importDocx(bytes, { profile }), () => mammoth.convertToHtml({ buffer }), 60)
console.log(`2026-2028 DOCX (${(bytes.length / 1024).toFixed(0)} KiB): importDocx ${ours.toFixed(1)} ms, mammoth → HTML ${theirs.toFixed(1)} ms, ratio ${(theirs / ours).toFixed(2)}×`)

const rows = []
for (const size of (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number)) {
  const generated = generatedPlan(size)
  const generatedProfile = findProfile(generated.profile.id, generated.profile.version, builtinProfiles)
  const docx = await planDocx(generated, createContext(generated, { clock }))
  const ms = await median(() => importDocx(docx, { profile: generatedProfile }), size >= 10_000 ? 3 : 5)
  rows.push({ rows: size, kib: Math.round(docx.length / 1024), ms: Math.round(ms), perRow: (ms / size).toFixed(3) })
}
console.table(rows)
// Linear means time grows with the rows: each decade's time ratio near 10 (target ≤ ~11).
for (let index = 1; index < rows.length; index++)
  console.log(`time(${rows[index].rows}) / time(${rows[index - 1].rows}): ${(rows[index].ms / rows[index - 1].ms).toFixed(2)} for ${rows[index].rows / rows[index - 1].rows}× the rows`)

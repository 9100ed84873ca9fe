// pnpm bench (in packages/rules): evaluations per second on the S / M / L corpus, against ajv-compiled
// validation (allErrors) of the same document with the plan's JSON Schema, measured in the same run.
import { execFileSync, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { lanaudiere2026, planJsonSchema } from '@demarche/domain'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { evaluatePlan } from '../dist/index.js'
import { CORPUS } from './corpus.mjs'

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(planJsonSchema(lanaudiere2026))

/**
 * Median times of one call of each function, in ms. The calls alternate (one of each per round, after a
 * warm-up) until `budgetMs` is spent, so that both medians are taken under the same machine conditions:
 * on a shared virtual machine, timing one function for seconds and then the other gave ratios that moved
 * with the neighbours' load.
 */
function timeInterleaved(fns, budgetMs) {
  for (let i = 0; i < 3; i++) for (const fn of fns) fn()
  const samples = fns.map(() => [])
  const start = performance.now()
  while (performance.now() - start < budgetMs || samples[0].length < 5) {
    fns.forEach((fn, index) => {
      const t = performance.now()
      fn()
      samples[index].push(performance.now() - t)
    })
  }
  return samples.map((list) => ({
    median: list.sort((a, b) => a - b)[Math.floor(list.length / 2)],
    mean: list.reduce((sum, ms) => sum + ms, 0) / list.length,
  }))
}

const rows = (plan) => plan.axes.reduce((sum, axis) => sum + axis.objectives.reduce((s, o) => s + o.rows.length, 0), 0)
const results = {}
for (const [name, make] of Object.entries(CORPUS)) {
  const plan = make()
  globalThis.gc?.()
  if (!validate(plan)) throw new Error(`corpus ${name} does not validate: ${JSON.stringify(validate.errors?.[0])}`)
  const report = evaluatePlan(plan)
  if (!report.valid) throw new Error(`corpus ${name} is not a valid plan`)
  const bytes = Buffer.byteLength(JSON.stringify(plan))
  const budget = name === 'L' ? 20_000 : 5_000
  const [evaluate, ajvRun] = timeInterleaved([() => evaluatePlan(plan), () => validate(plan)], budget)
  results[name] = { bytes, rows: rows(plan), findings: report.findings.length, evaluateMs: evaluate.median, ajvMs: ajvRun.median, evaluateMean: evaluate.mean, ajvMean: ajvRun.mean }
}

// Peak memory of one evaluation of L, in a fresh process so that nothing else has grown the heap.
const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url))
const memory = JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8', maxBuffer: 1 << 20 }))

/**
 * time(L) / time(M) with both timed in alternation (ten M evaluations, then one of L, for 40 s), each in its own
 * process so that neither plan weighs on the other's heap: timed one after the other, as in the table, the
 * two medians come from different minutes of a machine whose speed drifts (the ratio moved 10.4–11.7 between
 * runs of the same code).
 */
async function alternatedLinearity(budgetMs) {
  const child = (name) => {
    const worker = fork(fileURLToPath(new URL('./timing-child.mjs', import.meta.url)), [name], { execArgv: ['--expose-gc'] })
    const replies = []
    const waiting = []
    worker.on('message', (message) => (waiting.length > 0 ? waiting.shift()(message) : replies.push(message)))
    const next = () => (replies.length > 0 ? Promise.resolve(replies.shift()) : new Promise((resolve) => waiting.push(resolve)))
    return { worker, next, run: (calls) => (worker.send({ calls }), next()) }
  }
  const [m, l] = [child('M'), child('L')]
  await Promise.all([m.next(), l.next()])
  const times = { M: [], L: [] }
  const start = performance.now()
  while (performance.now() - start < budgetMs || times.L.length < 5) {
    times.M.push(...(await m.run(10)))
    times.L.push(...(await l.run(1)))
  }
  m.worker.kill()
  l.worker.kill()
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]
  return { M: median(times.M), L: median(times.L), rounds: times.L.length }
}
const alternated = await alternatedLinearity(40_000)

const line = (name) => {
  const r = results[name]
  return `| ${name} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.rows} | ${r.findings} | ${r.evaluateMs.toFixed(2)} ms | ${(1000 / r.evaluateMs).toFixed(1)} | ${r.ajvMs.toFixed(3)} ms | ${(1000 / r.ajvMs).toFixed(1)} | ${((100 * r.ajvMs) / r.evaluateMs).toFixed(1)} % |`
}
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
console.log('| Corpus | Size | Rows | Findings | Evaluation (median) | Evaluations/s | ajv (median) | ajv validations/s | Evaluation throughput / ajv |')
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const name of ['S', 'M', 'L']) console.log(line(name))
const linear = results.L.evaluateMs / results.M.evaluateMs
const allowed = 4 * memory.bytes + 64 * 1024 * 1024
console.log('')
console.log(`time(L) / time(M) = ${linear.toFixed(2)} from the table's medians, timed one after the other (L has ${(results.L.rows / results.M.rows).toFixed(1)}× the rows)`)
console.log(`time(L) / time(M) = ${(alternated.L / alternated.M).toFixed(2)} timed in alternation, one process each (M ${alternated.M.toFixed(2)} ms, L ${alternated.L.toFixed(2)} ms, medians of ${alternated.rounds * 10} and ${alternated.rounds} calls; target ≤ 11)`)
console.log(`Means instead of medians: M ${results.M.evaluateMean.toFixed(2)} ms (ajv ${results.M.ajvMean.toFixed(3)} ms, ${((100 * results.M.ajvMean) / results.M.evaluateMean).toFixed(1)} %), L ${results.L.evaluateMean.toFixed(2)} ms (ajv ${results.L.ajvMean.toFixed(3)} ms), time(L) / time(M) = ${(results.L.evaluateMean / results.M.evaluateMean).toFixed(2)}`)
console.log(`M: evaluation throughput = ${((100 * results.M.ajvMs) / results.M.evaluateMs).toFixed(1)} % of ajv's (target ≥ 25 %)`)
console.log(`Peak memory while evaluating L: +${(memory.peakBytes / 1048576).toFixed(1)} MB over the loaded document (allowed: 4 × ${(memory.bytes / 1048576).toFixed(1)} MB + 64 MB = ${(allowed / 1048576).toFixed(1)} MB)`)

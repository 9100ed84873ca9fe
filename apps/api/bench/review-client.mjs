// A client process of review.bench.mjs: `clients` loops, each doing a reviewer's whole check of a new Word
// submission without pause for `seconds` — upload the 2026-2028 plan's DOCX (as @demarche/render writes
// it) to POST /v1/plans/imports (a new draft, its id assigned by the service), store an evaluation
// (POST /v1/plans/{id}/evaluations), read the HTML report (GET /v1/plans/{id}/report?format=html) — then
// print the rounds' figures as JSON. The DOCX is rendered once, before the clock starts.
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'

const [address, clients, seconds, warmSeconds, coordinatorKey, reviewerKey, chantierId] = process.argv.slice(2)
const plan = examplePlans.crevale2026()
const docx = await planDocx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') }))
/** The profile the reviewer imports with (a DOCX does not name one as a workbook's Document sheet does). */
const profile = `${plan.profile.id}@${plan.profile.version}`
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const rounds = []
const steps = { import: [], evaluate: [], report: [] }
let failures = 0
const failed = []

async function timed(step, url, init, record) {
  const start = performance.now()
  const response = await fetch(url, init)
  const body = await response.arrayBuffer()
  if (record) steps[step].push(performance.now() - start)
  if (!response.ok) throw new Error(`${step}: ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`)
  return body
}

async function round(record) {
  const start = performance.now()
  const imported = JSON.parse(Buffer.from(await timed('import', `${address}/v1/plans/imports?chantierId=${encodeURIComponent(chantierId)}&profile=${encodeURIComponent(profile)}`, { method: 'POST', headers: { authorization: `Bearer ${coordinatorKey}`, 'content-type': DOCX_TYPE }, body: docx }, record)).toString('utf8'))
  const id = imported.plan.id
  const reviewer = { authorization: `Bearer ${reviewerKey}` }
  await timed('evaluate', `${address}/v1/plans/${id}/evaluations`, { method: 'POST', headers: { ...reviewer, 'content-type': 'application/json' }, body: '{}' }, record)
  const html = await timed('report', `${address}/v1/plans/${id}/report?format=html`, { headers: reviewer }, record)
  if (html.byteLength < 1000) throw new Error(`report: ${html.byteLength} bytes`)
  if (record) rounds.push(performance.now() - start)
}

async function loop(until, record) {
  while (performance.now() < until)
    try {
      await round(record)
    } catch (error) {
      failures++
      if (failed.length < 3) failed.push(String(error.message ?? error))
    }
}

await Promise.all(Array.from({ length: Number(clients) }, () => loop(performance.now() + Number(warmSeconds) * 1000, false)))
const began = performance.now()
await Promise.all(Array.from({ length: Number(clients) }, () => loop(began + Number(seconds) * 1000, true)))
const elapsed = (performance.now() - began) / 1000
const at = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
}
const figures = (list) => ({ count: list.length, p50: at(list, 0.5), p99: at(list, 0.99), max: at(list, 1) })
process.stdout.write(
  JSON.stringify({
    docxBytes: docx.length,
    roundsPerSecond: rounds.length / elapsed,
    round: figures(rounds),
    import: figures(steps.import),
    evaluate: figures(steps.evaluate),
    report: figures(steps.report),
    failures,
    failed,
  }),
)

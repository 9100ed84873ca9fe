// pnpm bench (in apps/api): the work pool against the service without it (pool.bench.mjs), a reviewer's check of a Word submission at 10 clients (review.bench.mjs), then requests per second against a bare Fastify route served by the same process,
// list latency at 100 and 10,000 stored plans, and memory over a soak run. Run after `pnpm build`.
import autocannon from 'autocannon'
import { generatedPlan, examplePlans } from '@demarche/domain/examples'
import { buildApp, CatalogService, loadDemoData, openDatabase, plansTable, planVersionsTable, readConfig } from '../dist/index.js'
import { benchFirstRead, printFirstRead } from './first-read.bench.mjs'
import { benchPool, printPool } from './pool.bench.mjs'
import { benchReview, printReview } from './review.bench.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 300)

// The work pool first, on services of its own (see pool.bench.mjs); its table is printed with the rest.
const pool = await benchPool()
const firstRead = await benchFirstRead()
const review = await benchReview()

const database = await openDatabase({})
await loadDemoData(database.db)
const reviewer = (await new CatalogService(database.db).createKey('bootstrap', { role: 'reviewer', label: 'bench' })).key
// The requests below are measured as before the pool (WORKER_THREADS=0), so that their figures compare
// with earlier runs; the pool's own effect is measured, against the same service without it, above.
const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', WORKER_THREADS: '0' }), database })
app.get('/bare', async () => ({ ok: true }))
const address = await app.listen({ port: 0, host: '127.0.0.1' })
const auth = { authorization: `Bearer ${reviewer}` }

async function load(title, request, seconds = SECONDS) {
  // A body given as a function is made anew for each request (a different document each time).
  const bodyOf = typeof request.body === 'function' ? request.body : () => request.body
  let sent = 0
  const result = await autocannon({
    url: `${address}${request.path}`,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: request.method ?? 'GET',
        path: request.path,
        headers: { ...auth, ...request.headers },
        body: bodyOf(0),
        ...(typeof request.body === 'function' && { setupRequest: (raw) => ({ ...raw, body: bodyOf(++sent) }) }),
      },
    ],
  })
  const errors = result.errors + result.timeouts + result.non2xx
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors }
}

/**
 * Each request is measured right after the bare route, and compared with that figure: on a shared
 * virtual machine the load of the neighbours moves over a run, and a baseline taken minutes earlier
 * does not describe the same machine.
 */
async function against(title, request) {
  const bare = await load('bare Fastify route', { path: '/bare' })
  return { ...(await load(title, request)), bare: bare.rps }
}

/** Stores `count` plans in all (small generated ones, as many chantiers fill the table over the years). */
async function fill(count) {
  const existing = (await database.db.select({ id: plansTable.id }).from(plansTable)).length
  const template = generatedPlan(1)
  const rows = []
  for (let i = existing; i < count; i++) {
    const document = { ...template, id: `bench-${i}` }
    rows.push({ id: document.id, chantierId: 'reussite-educative', programmeId: 'demarche-lanaudoise', profileId: 'lanaudiere-2026', status: i % 3 === 0 ? 'accepted' : 'deposited', title: `Plan ${i}`, version: 1, document })
  }
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500)
    await database.db.insert(plansTable).values(batch)
    await database.db.insert(planVersionsTable).values(batch.map((row) => ({ planId: row.id, version: 1, document: row.document, hash: 'bench', savedBy: 'bench' })))
  }
}

const seed = JSON.stringify(examplePlans.crevale2026())
// A new document on each request: evaluated every time, and its report fills the bounded report cache.
const eachNew = (n) => seed.replace('"id":"crevale-2026-2028"', `"id":"crevale-bench-${n}"`)
const json = { 'content-type': 'application/json' }
const results = []
results.push(await against('POST /v1/evaluate (seed 000, the same body each time: report kept)', { path: '/v1/evaluate', method: 'POST', headers: json, body: seed }))
results.push(await against('POST /v1/evaluate (seed 000 with a new id each time: evaluated)', { path: '/v1/evaluate', method: 'POST', headers: json, body: eachNew }))
results.push(await against('GET /v1/plans/{id} (seed 000)', { path: '/v1/plans/crevale-2026-2028' }))
results.push(await against('GET /v1/plans/{id}/document?format=docx', { path: '/v1/plans/crevale-2026-2028/document?format=docx' }))
await fill(100)
const list100 = await against('GET /v1/plans (100 plans stored)', { path: '/v1/plans?limit=50' })
await fill(10_000)
const list10k = await against('GET /v1/plans (10,000 plans stored)', { path: '/v1/plans?limit=50' })
results.push(list100, list10k)

// Soak: reads, lists and evaluations of new documents together; heap after a full GC sampled along the way.
// Kept reports and documents are Buffers, outside the JS heap: both are counted.
const memory = []
const sample = () => {
  globalThis.gc?.()
  const usage = process.memoryUsage()
  memory.push({ heap: usage.heapUsed / 1048576, buffers: usage.arrayBuffers / 1048576, rss: usage.rss / 1048576 })
}
sample()
const timer = setInterval(sample, Math.max(5, SOAK / 10) * 1000)
const soak = await Promise.all([
  load('soak: GET plan', { path: '/v1/plans/crevale-2026-2028' }, SOAK),
  load('soak: POST evaluate (a new document each time)', { path: '/v1/evaluate', method: 'POST', headers: json, body: eachNew }, SOAK),
  load('soak: GET list', { path: '/v1/plans?limit=50' }, SOAK),
])
clearInterval(timer)
sample()

await app.close()
await database.close()

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, autocannon 10 connections × ${SECONDS} s, in-memory PGlite`)
console.log('| Request | Requests/s | Bare route just before | Ratio | p50 | p99 | Errors |')
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const r of results) console.log(`| ${r.title} | ${r.rps.toFixed(0)} | ${r.bare.toFixed(0)} | ${((100 * r.rps) / r.bare).toFixed(1)} % | ${r.p50} ms | ${r.p99} ms | ${r.errors} |`)
console.log('')
console.log(`List latency p50 at 10,000 / at 100 plans: ${(list10k.p50 / Math.max(1, list100.p50)).toFixed(2)} (target ≤ 1.5); mean latency ratio ${((1000 / list10k.rps) / (1000 / list100.rps)).toFixed(2)}`)
console.log(`Soak ${SOAK} s: ${soak.map((r) => `${r.title.replace('soak: ', '')} ${r.rps.toFixed(0)}/s, ${r.errors} errors`).join('; ')}`)
console.log(`Heap after GC over the soak (MB): ${memory.map((value) => value.heap.toFixed(0)).join(' → ')}`)
console.log(`ArrayBuffers (in-memory PGlite's WebAssembly memory, kept reports and documents; MB): ${memory.map((value) => value.buffers.toFixed(0)).join(' → ')}`)
console.log(`Resident set (MB): ${memory.map((value) => value.rss.toFixed(0)).join(' → ')}`)
console.log('')
printPool(pool)
printFirstRead(firstRead)
printReview(review)

// The work pool (issue 10, item 10): heavy work must not hold light work, and evaluations of new documents
// must use every core. Each figure is measured against the same service with the pool off
// (WORKER_THREADS=0: everything on the event loop, as before the pool), in the same run, one after the
// other: on a shared machine only a same-run ratio means anything.
// Run alone: `node bench/pool.bench.mjs` (after `pnpm build`); `pnpm bench` runs it first.
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import { buildApp, CatalogService, loadDemoData, openDatabase, readConfig } from '../dist/index.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/** Rows of the large plans evaluated continuously (2,000 rows: ~3 MB of JSON, some 0.3 s to evaluate). */
const ROWS = 2000

function run(address, { path, method = 'GET', headers = {}, body, connections, seconds = SECONDS }) {
  const bodyOf = typeof body === 'function' ? body : () => body
  let sent = 0
  return autocannon({
    url: `${address}${path}`,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [{ method, path, headers, body: bodyOf(0), ...(typeof body === 'function' && { setupRequest: (raw) => ({ ...raw, body: bodyOf(++sent) }) }) }],
  }).then((result) => ({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.timeouts, non2xx: result.non2xx, total: result.requests.total }))
}

/** The same service with the pool on and off, on one database, each listening on a port of its own. */
async function services() {
  const database = await openDatabase({})
  await loadDemoData(database.db)
  const reviewer = (await new CatalogService(database.db).createKey('bootstrap', { role: 'reviewer', label: 'bench' })).key
  const start = async (threads) => {
    const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', BODY_LIMIT_BYTES: String(16 * 1024 * 1024), WORKER_THREADS: String(threads) }), database })
    return { app, address: await app.listen({ port: 0, host: '127.0.0.1' }) }
  }
  const pooled = await start(availableParallelism())
  const inline = await start(0)
  return {
    pooled,
    inline,
    auth: { authorization: `Bearer ${reviewer}` },
    async close() {
      await pooled.app.close()
      await inline.app.close()
      await database.close()
    },
  }
}

export async function benchPool() {
  const { pooled, inline, auth, close } = await services()
  const json = { 'content-type': 'application/json' }
  const large = JSON.stringify(generatedPlan(ROWS))
  const largeId = JSON.parse(large).id
  const seed = JSON.stringify(examplePlans.crevale2026())
  // A new document on each request (a new id): evaluated every time, never a kept report.
  const newLarge = (n) => large.replace(`"id":"${largeId}"`, `"id":"bench-large-${n}-${Math.random()}"`)
  const newSeed = (n) => seed.replace('"id":"crevale-2026-2028"', `"id":"crevale-bench-${n}-${Math.random()}"`)

  /** (a) Light requests while 4 connections evaluate large plans without pause. */
  async function lightUnderHeavy({ address }) {
    const [heavy, plan, health] = await Promise.all([
      run(address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newLarge, connections: 4 }),
      run(address, { path: '/v1/plans/crevale-2026-2028', headers: auth, connections: 2 }),
      run(address, { path: '/healthz', connections: 2 }),
    ])
    return { heavy, plan, health }
  }
  /** (b) New seed-000 evaluations at 50 connections. */
  const seedThroughput = ({ address }) => run(address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newSeed, connections: 50 })
  /** One connection: what the trip to a worker costs a small document (inline may be better for those). */
  const seedAlone = ({ address }) => run(address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newSeed, connections: 1 })

  // Warm both (JIT, worker threads, the rules modules) on small and large documents.
  for (const service of [pooled, inline]) {
    await run(service.address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newSeed, connections: 4, seconds: 2 })
    await run(service.address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newLarge, connections: 2, seconds: 2 })
  }
  const results = {
    light: { pooled: await lightUnderHeavy(pooled), inline: await lightUnderHeavy(inline) },
    seed: { pooled: await seedThroughput(pooled), inline: await seedThroughput(inline) },
    alone: { pooled: await seedAlone(pooled), inline: await seedAlone(inline) },
  }
  await close()
  return results
}

export function printPool({ light, seed, alone }) {
  console.log(`Work pool: ${availableParallelism()} threads vs none (WORKER_THREADS=0), same run, autocannon ${SECONDS} s each, in-memory PGlite`)
  console.log('| Measure | Pool | No pool (event loop) | Pool / no pool |')
  console.log('|---|---:|---:|---:|')
  const row = (title, a, b, unit = '') => console.log(`| ${title} | ${a}${unit} | ${b}${unit} | ${(a / Math.max(b, 1e-9)).toFixed(2)} |`)
  row(`GET /v1/plans/{id} p99 while 4 connections evaluate ${ROWS}-row plans`, light.pooled.plan.p99, light.inline.plan.p99, ' ms')
  row('GET /healthz p99, same load', light.pooled.health.p99, light.inline.health.p99, ' ms')
  row('GET /v1/plans/{id} requests/s, same load', Math.round(light.pooled.plan.rps), Math.round(light.inline.plan.rps))
  row(`large evaluations completed (${ROWS} rows, 4 connections)`, light.pooled.heavy.total, light.inline.heavy.total)
  row('new seed-000 evaluations/s, 50 connections', Math.round(seed.pooled.rps), Math.round(seed.inline.rps))
  row('new seed-000 evaluation p50, 1 connection', alone.pooled.p50, alone.inline.p50, ' ms')
  const errors = [light.pooled, light.inline].flatMap((l) => [l.heavy, l.plan, l.health]).concat([seed.pooled, seed.inline, alone.pooled, alone.inline])
  console.log(`Errors and non-2xx answers: ${errors.reduce((sum, r) => sum + r.errors + r.non2xx, 0)}`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printPool(await benchPool())

// The work pool (issue 10, item 10): heavy work must not hold light work, and evaluations of new documents
// must use every core. Each figure is measured against the same service with the pool off
// (WORKER_THREADS=0: everything on the event loop, as before the pool), in the same run, one after the
// other: on a shared machine only a same-run ratio means anything.
// Run alone: `node bench/pool.bench.mjs` (after `pnpm build`); `pnpm bench` runs it first.
import { availableParallelism } from 'node:os'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath, pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { examplePlans } from '@demarche/domain/examples'
import { buildApp, CatalogService, loadDemoData, openDatabase, readConfig } from '../dist/index.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/** Rows of the large plans evaluated continuously (their size and cost: docs/performance.md). */
const ROWS = 2000

function run(address, { path, method = 'GET', headers = {}, body, connections, seconds = SECONDS, rate }) {
  const bodyOf = typeof body === 'function' ? body : () => body
  let sent = 0
  return autocannon({
    url: `${address}${path}`,
    connections,
    duration: seconds,
    timeout: 60,
    ...(rate && { overallRate: rate }),
    requests: [{ method, path, headers, body: bodyOf(0), ...(typeof body === 'function' && { setupRequest: (raw) => ({ ...raw, body: bodyOf(++sent) }) }) }],
  }).then((result) => ({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.timeouts, non2xx: result.non2xx, total: result.requests.total }))
}

/**
 * Large evaluations without pause on `connections` loops, from a client process of its own
 * (heavy-client.mjs): building and sending large bodies and reading large reports is the client's work,
 * and in this process it would be counted as the service's event loop's (autocannon's request building
 * held the loop for seconds at a time on such bodies).
 */
async function evaluateWithoutPause(address, connections, seconds = SECONDS) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./heavy-client.mjs', import.meta.url)), address, String(connections), String(seconds), String(ROWS)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk) => (out += chunk))
  await once(child, 'exit')
  return JSON.parse(out)
}

/** New seed-000 documents posted without pause on `connections` connections, from seed-client.mjs. */
async function seedClient(address, connections, seconds = SECONDS) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./seed-client.mjs', import.meta.url)), address, String(connections), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk) => (out += chunk))
  await once(child, 'exit')
  return JSON.parse(out)
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
  const seed = JSON.stringify(examplePlans.crevale2026())
  // A new document on each request (a new id): evaluated every time, never a kept report.
  const newSeed = (n) => seed.replace('"id":"crevale-2026-2028"', `"id":"crevale-bench-${n}-${Math.random()}"`)

  /**
   * (a) Light requests, 25 a second of each (a paced load, as users and probes send: a flood of them
   * would measure the event loop's own throughput, not what heavy work does to it), while 4 connections
   * evaluate large plans without pause.
   */
  async function lightUnderHeavy({ address }) {
    const [heavy, plan, health] = await Promise.all([
      evaluateWithoutPause(address, 4),
      run(address, { path: '/v1/plans/crevale-2026-2028', headers: auth, connections: 2, rate: 25 }),
      run(address, { path: '/healthz', connections: 2, rate: 25 }),
    ])
    return { heavy, plan, health }
  }
  /**
   * (b) New seed-000 evaluations at 50 connections, from a client process of its own (seed-client.mjs):
   * in this process, autocannon's building of a 100 kB body per request was counted as the service's
   * event loop's work.
   */
  const seedThroughput = async ({ address }) => {
    // The service's CPU time over the run (this process: both services, its worker threads included; the idle
    // one costs next to nothing), beside the client's: on two cores, what each request costs in all bounds
    // the throughput either service can reach.
    const before = process.cpuUsage()
    const started = performance.now()
    const result = await seedClient(address, 50)
    const cpu = process.cpuUsage(before)
    return { ...result, serviceCpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - started }
  }
  /** One connection: what the trip to a worker costs a small document (inline may be better for those). */
  const seedAlone = ({ address }) => run(address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newSeed, connections: 1 })

  // Warm both (JIT, worker threads, the rules modules) on small and large documents, and on the light
  // requests measured: the first answer of a route compiles what its serializer needs for the shape met
  // (fast-json-stringify compiles a union's branch checks on first use), once per process. Unwarmed, that
  // one-off landed in the first measured run of whichever service came first.
  for (const service of [pooled, inline]) {
    await run(service.address, { path: '/v1/evaluate', method: 'POST', headers: json, body: newSeed, connections: 4, seconds: 2 })
    await evaluateWithoutPause(service.address, 2, 3)
    await run(service.address, { path: '/v1/plans/crevale-2026-2028', headers: auth, connections: 1, seconds: 1 })
    await run(service.address, { path: '/healthz', connections: 1, seconds: 1 })
  }
  /**
   * Each measure four times, pool and no pool in the order A B B A (what one leaves running or the load
   * of the neighbours drifting over the run weighs on both alike), each after the work of the one before
   * has drained; the mean of the two runs of each.
   */
  const drained = async () => {
    while (pooled.app.work.inFlight + inline.app.work.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  async function abba(measure) {
    const runs = { pooled: [], inline: [] }
    for (const name of ['pooled', 'inline', 'inline', 'pooled']) {
      await drained()
      runs[name].push(await measure(name === 'pooled' ? pooled : inline))
    }
    return runs
  }
  const results = { light: await abba(lightUnderHeavy), seed: await abba(seedThroughput), alone: await abba(seedAlone) }
  await close()
  return results
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length

export function printPool({ light, seed, alone }) {
  console.log(`Work pool: ${availableParallelism()} threads vs none (WORKER_THREADS=0), same run, A B B A, autocannon ${SECONDS} s each, in-memory PGlite`)
  console.log('| Measure | Pool (2 runs) | No pool, event loop (2 runs) | Pool / no pool (means) |')
  console.log('|---|---:|---:|---:|')
  const row = (title, pick, unit = '', digits = 0) => {
    const [a, b] = [pick.pooled, pick.inline]
    console.log(`| ${title} | ${a.map((v) => v.toFixed(digits)).join(', ')}${unit} | ${b.map((v) => v.toFixed(digits)).join(', ')}${unit} | ${(mean(a) / Math.max(mean(b), 1e-9)).toFixed(2)} |`)
  }
  const of = (runs, f) => ({ pooled: runs.pooled.map(f), inline: runs.inline.map(f) })
  row(`GET /v1/plans/{id} p99 while 4 connections evaluate ${ROWS}-row plans`, of(light, (r) => r.plan.p99), ' ms')
  row('GET /healthz p99, same load', of(light, (r) => r.health.p99), ' ms')
  row('GET /v1/plans/{id} and /healthz answered, same load', of(light, (r) => r.plan.total + r.health.total))
  row(`${ROWS}-row evaluations answered, same load`, of(light, (r) => r.heavy.total))
  row('new seed-000 evaluations/s, 50 connections', of(seed, (r) => r.rps))
  row('new seed-000 evaluation p50, 1 connection', of(alone, (r) => r.p50), ' ms')
  row('  service CPU per new seed-000 evaluation (50 connections)', of(seed, (r) => r.serviceCpuMs / r.total), ' ms', 2)
  row('  client CPU per new seed-000 evaluation', of(seed, (r) => r.clientCpuMs / r.total), ' ms', 2)
  row('  cores busy, service', of(seed, (r) => r.serviceCpuMs / r.wallMs), '', 2)
  row('  cores busy, service and client', of(seed, (r) => (r.serviceCpuMs + r.clientCpuMs) / r.wallMs), '', 2)
  // What the pooled service could answer with every core busy at its measured cost per request, the client's
  // included, against what the single-thread one answered: the highest ratio this machine can show.
  const perRequest = mean(seed.pooled.map((r) => (r.serviceCpuMs + r.clientCpuMs) / r.total))
  const ceiling = (availableParallelism() * 1000) / perRequest / mean(seed.inline.map((r) => r.rps))
  console.log(`Highest seed-000 ratio reachable here (${availableParallelism()} cores × 1000 ms / ${perRequest.toFixed(2)} ms of service and client CPU per pooled request, over the single-thread rate): ${ceiling.toFixed(2)}`)
  const all = [...light.pooled, ...light.inline].flatMap((l) => [l.heavy, l.plan, l.health]).concat(seed.pooled, seed.inline, alone.pooled, alone.inline)
  console.log(`Errors and non-2xx answers: ${all.reduce((sum, r) => sum + r.errors + r.non2xx, 0)}`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printPool(await benchPool())

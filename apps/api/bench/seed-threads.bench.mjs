// Where the CPU of a new seed-000 evaluation goes, thread by thread (issue 10, item 10): the service with
// WORKER_THREADS=0, 1 and 2, one at a time, 50 connections from seed-client.mjs, 10 s each after 3 s of
// warm-up. Each thread's CPU time is read from /proc/self/task/<tid>/stat (Linux only) before and after the
// run: the event loop's thread, the pool's threads (created after the service started) and V8's helper
// threads (garbage collection and compilation, shared by every heap of the process).
// Run alone: `node bench/seed-threads.bench.mjs` (after `pnpm build`). Not part of `pnpm bench`: it explains
// the pool bench's seed figures, it does not add one.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildApp, loadDemoData, openDatabase, readConfig } from '../dist/index.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
if (!existsSync('/proc/self/task')) {
  console.log('seed-threads: /proc/self/task is not available here (Linux only); nothing measured.')
  process.exit(0)
}
/** CPU milliseconds of each thread of this process, by thread id: /proc counts utime and stime in USER_HZ ticks, 100 a second on Linux. */
function threadTimes() {
  const times = new Map()
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10)
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return times
}

function seedClient(address, seconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./seed-client.mjs', import.meta.url)), address, '50', String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', () => resolve(JSON.parse(out)))
  })
}

async function measure(threads) {
  const before = new Set(threadTimes().keys())
  const database = await openDatabase({})
  await loadDemoData(database.db)
  const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', WORKER_THREADS: String(threads) }), database })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  await seedClient(address, 3)
  const start = threadTimes()
  const result = await seedClient(address, SECONDS)
  const end = threadTimes()
  await app.close()
  await database.close()
  const perRequest = (filter) => [...end].filter(([tid]) => filter(tid)).reduce((sum, [tid, ms]) => sum + ms - (start.get(tid) ?? 0), 0) / result.total
  const main = process.pid
  // Threads that did not exist before this service: its pool's (PGlite runs on the event loop's thread).
  const pool = (tid) => tid !== main && !before.has(tid)
  return {
    threads,
    rps: result.rps,
    loop: perRequest((tid) => tid === main),
    pool: perRequest(pool),
    helpers: perRequest((tid) => tid !== main && !pool(tid)),
    client: result.clientCpuMs / result.total,
  }
}

const rows = []
for (const threads of [0, 1, 2, 0]) rows.push(await measure(threads))
console.log(`CPU per new seed-000 evaluation by thread, 50 connections, ${SECONDS} s each (ms of CPU per answered request)`)
console.log('| Pool threads | Evaluations/s | Event loop | Pool threads | V8 helpers | Service in all | Client |')
console.log('|---:|---:|---:|---:|---:|---:|---:|')
for (const row of rows) {
  const all = row.loop + row.pool + row.helpers
  console.log(`| ${row.threads} | ${row.rps.toFixed(0)} | ${row.loop.toFixed(2)} | ${row.pool.toFixed(2)} | ${row.helpers.toFixed(2)} | ${all.toFixed(2)} | ${row.client.toFixed(2)} |`)
}

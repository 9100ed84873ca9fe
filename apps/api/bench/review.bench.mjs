// A reviewer's whole check of a new Word submission over HTTP (issue 12): upload a DOCX → import (a new
// draft) → store an evaluation → read the HTML report, at 10 concurrent clients, p50 and p99 of the whole
// round. The service runs here as the server does (work pool, in-memory PGlite with the demo data); the
// clients run in a process of their own (review-client.mjs) so their work is not counted as the service's.
// Run alone: `node bench/review.bench.mjs` (after `pnpm build`); `pnpm bench` runs it last.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildApp, CatalogService, DEMO, loadDemoData, openDatabase, readConfig } from '../dist/index.js'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 5)

export async function benchReview() {
  const database = await openDatabase({})
  await loadDemoData(database.db)
  const catalog = new CatalogService(database.db)
  const coordinator = (await catalog.createKey('bootstrap', { role: 'coordinator', chantierIds: [DEMO.chantier], label: 'bench coordinator' })).key
  const reviewer = (await catalog.createKey('bootstrap', { role: 'reviewer', label: 'bench reviewer' })).key
  const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' }), database })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./review-client.mjs', import.meta.url)), address, String(CLIENTS), String(SECONDS), String(WARM_SECONDS), coordinator, reviewer, DEMO.chantier], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    await once(child, 'exit')
    return JSON.parse(out)
  } finally {
    await app.close()
    await database.close()
  }
}

export function printReview(result) {
  console.log(`Reviewer's check of a new Word submission (upload DOCX → import → evaluate → HTML report), ${CLIENTS} concurrent clients, ${SECONDS} s after ${WARM_SECONDS} s of warm-up, in-memory PGlite, work pool on; DOCX ${(result.docxBytes / 1024).toFixed(0)} KiB`)
  console.table(
    Object.fromEntries(
      ['round', 'import', 'evaluate', 'report'].map((step) => [step, { 'count': result[step].count, 'p50 (ms)': result[step].p50, 'p99 (ms)': result[step].p99, 'max (ms)': result[step].max }]),
    ),
  )
  console.log(`Rounds per second: ${result.roundsPerSecond.toFixed(2)}; failed rounds: ${result.failures}${result.failed.length ? ` (${result.failed.join(' | ')})` : ''}`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printReview(await benchReview())

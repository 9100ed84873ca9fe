// The first plan read of a fresh service, with and without the warm-up the server does before it listens
// (`app.warmUp()`): the serializer's first use of a plan's shape is paid once per process, by someone.
// Run alone: `node bench/first-read.bench.mjs` (after `pnpm build`); `pnpm bench` runs it too.
import { pathToFileURL } from 'node:url'
import { buildApp, CatalogService, loadDemoData, openDatabase, readConfig } from '../dist/index.js'

async function firstReads(warm) {
  const database = await openDatabase({})
  await loadDemoData(database.db)
  const key = (await new CatalogService(database.db).createKey('bootstrap', { role: 'reviewer', label: 'bench' })).key
  const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), database })
  await app.ready()
  let started = performance.now()
  if (warm) app.warmUp()
  const warmUp = performance.now() - started
  const reads = []
  for (let n = 0; n < 3; n++) {
    started = performance.now()
    const response = await app.inject({ url: '/v1/plans/crevale-2026-2028', headers: { authorization: `Bearer ${key}` } })
    if (response.statusCode !== 200) throw new Error(`GET answered ${response.statusCode}`)
    reads.push(performance.now() - started)
  }
  await app.close()
  await database.close()
  return { warmUp, reads }
}

/** Fresh services in the order A B B A (warm, cold, cold, warm). */
export async function benchFirstRead() {
  const runs = { warm: [], cold: [] }
  for (const warm of [true, false, false, true]) runs[warm ? 'warm' : 'cold'].push(await firstReads(warm))
  return runs
}

export function printFirstRead(runs) {
  const ms = (value) => `${value.toFixed(0)} ms`
  console.log('First plan reads of a fresh service (GET /v1/plans/{id}, injected), A B B A')
  console.log('| Service | Warm-up before listening | 1st read | 2nd read | 3rd read |')
  console.log('|---|---:|---:|---:|---:|')
  for (const [name, list] of Object.entries(runs)) for (const run of list) console.log(`| ${name} | ${name === 'warm' ? ms(run.warmUp) : '—'} | ${run.reads.map(ms).join(' | ')} |`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printFirstRead(await benchFirstRead())

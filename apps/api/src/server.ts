import { readConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { buildApp } from './app.js'
import { CatalogService } from './services/catalog.js'
import { loadDemoData, DEMO } from './services/demo.js'

/** Process concerns: environment, database, demo data, first admin key, listen, graceful shutdown. */
async function main(): Promise<void> {
  const config = readConfig(process.env)
  // A CHROMIUM_PATH that leads nowhere stops the start, as a bad setting does, rather than the first PDF turning out different.
  if (process.env.CHROMIUM_PATH) (await import('@demarche/render/pdf')).findChromium()
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR, owner: 'server' })
  // A person at a terminal reads the log as lines of text; a log collector reads JSON.
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}
  const app = await buildApp({ config, database, logger: { level: config.LOG_LEVEL, ...pretty } })
  const catalog = new CatalogService(database.db)
  const lines: string[] = []
  if (config.DEMO_DATA && (await loadDemoData(database.db))) {
    const reviewer = await catalog.createKey('bootstrap', { role: 'reviewer', label: 'Démo — Table des préfets' })
    const coordinator = await catalog.createKey('bootstrap', { role: 'coordinator', chantierIds: [DEMO.chantier], label: 'Démo — coordination du chantier' })
    lines.push('Demo data loaded: 2 plans of the Chantier régional en réussite éducative.', `  reviewer key:    ${reviewer.key}`, `  coordinator key: ${coordinator.key}`)
  }
  if (config.ADMIN_API_KEY) {
    const known = await catalog.hasKeyHash(config.ADMIN_API_KEY)
    if (!known) await catalog.createKey('bootstrap', { role: 'admin', label: 'ADMIN_API_KEY' }, config.ADMIN_API_KEY)
    lines.push('Admin key: the one in ADMIN_API_KEY.')
  } else if (!(await catalog.hasAdmin())) {
    const admin = await catalog.createKey('bootstrap', { role: 'admin', label: 'first admin' })
    lines.push(`Admin key (shown once, keep it): ${admin.key}`)
  } else lines.push('Admin key: printed on the first start only. For a new one: restart with ADMIN_API_KEY=<a secret of 24+ characters>, or stop the server and run `pnpm -s --filter @demarche/api keys create --role admin --label "…"`.')

  // Before the banner: it promises that Ctrl-C stops the service, so the handler is there when it is read.
  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing: finishing in-flight requests')
    const timer = setTimeout(() => process.exit(1), 10_000)
    timer.unref()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void close('SIGINT'))
  process.on('SIGTERM', () => void close('SIGTERM'))

  // The first plan read would otherwise pay for its serializer's first use.
  await app.ready()
  app.warmUp()
  const address = await app.listen({ port: config.PORT, host: config.HOST })
  const where = database.kind === 'pglite' ? `embedded PGlite in ${database.dataDir}` : 'PostgreSQL'
  process.stdout.write(
    [``, `Démarche plans API on ${address} (${where})`, `  API documentation: ${address}/docs`, `  OpenAPI:           ${address}/openapi.json`, ...lines, `Stop with Ctrl-C.`, ``].join('\n'),
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})

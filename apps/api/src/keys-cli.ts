import { parseArgs } from 'node:util'
import { readConfig } from './config.js'
import { DataDirInUse } from './db/data-dir.js'
import { openDatabase } from './db/client.js'
import { CatalogService } from './services/catalog.js'
import { ROLES, type Role } from './workflow.js'

/**
 * `pnpm -s --filter @demarche/api keys <create|list|revoke>`: the keys of the service's store, from any folder
 * (DATA_DIR resolves as for the server). On embedded PGlite it opens the data directory under its lock:
 * while the server owns it, it refuses and points to the API instead of writing beside it. The secret is
 * printed once, on stdout, for the operator who asked.
 */
const USAGE = `Usage:
  keys create --role ${ROLES.join('|')} --label <text> [--chantier <id>…]
  keys list
  keys revoke <key id>
`
const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, label: { type: 'string' }, chantier: { type: 'string', multiple: true } } })
// `keys --role … --label …` (no command) is `create`, as documented before commands existed.
const [command = 'create', ...rest] = positionals
if (!['create', 'list', 'revoke'].includes(command) || (command === 'create' && (!values.role || !(ROLES as readonly string[]).includes(values.role) || !values.label)) || (command === 'revoke' && rest.length !== 1)) {
  process.stderr.write(USAGE)
  process.exit(2)
}
const config = readConfig(process.env)
let database
try {
  database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR, owner: 'keys command' })
} catch (error) {
  if (!(error instanceof DataDirInUse)) throw error
  process.stderr.write(
    `${error.message}\nPendant que le serveur tourne, gérez les clés par l’API (POST/GET/DELETE /v1/api-keys avec une clé admin).\nWhile the server runs, manage keys through the API (POST/GET/DELETE /v1/api-keys with an admin key).\n`,
  )
  process.exit(1)
}
const catalog = new CatalogService(database.db)
try {
  if (command === 'create') {
    const key = await catalog.createKey('bootstrap', { role: values.role as Role, label: values.label!, chantierIds: values.chantier ?? [] })
    process.stdout.write(`${key.role} key ${key.id} (shown once): ${key.key}\n`)
  } else if (command === 'list') {
    for (const key of await catalog.keys('bootstrap'))
      process.stdout.write(`${key.id}\t${key.role}\t${key.chantierIds.join(',') || '-'}\t${'revokedAt' in key ? `revoked ${key.revokedAt}` : 'active'}\t${key.label}\n`)
  } else {
    await catalog.revokeKey('bootstrap', rest[0]!)
    process.stdout.write(`revoked: ${rest[0]}\n`)
  }
} finally {
  await database.close()
}

import { parseArgs } from 'node:util'
import { readConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { CatalogService } from './services/catalog.js'
import { ROLES, type Role } from './workflow.js'

/** `pnpm --filter @demarche/api keys --role reviewer --label "Jane" [--chantier id]`: makes an API key. */
const { values } = parseArgs({ options: { role: { type: 'string' }, label: { type: 'string' }, chantier: { type: 'string', multiple: true } } })
if (!values.role || !(ROLES as readonly string[]).includes(values.role) || !values.label) {
  process.stderr.write(`Usage: keys --role ${ROLES.join('|')} --label <text> [--chantier <id>…]\n`)
  process.exit(2)
}
const config = readConfig(process.env)
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR })
const key = await new CatalogService(database.db).createKey('bootstrap', { role: values.role as Role, label: values.label, chantierIds: values.chantier ?? [] })
process.stdout.write(`${key.role} key (shown once): ${key.key}\n`)
await database.close()

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { buildApp, openDatabase, loadDemoData, readConfig } from '../dist/index.js'
const database = await openDatabase({})
await loadDemoData(database.db)
const app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', BODY_LIMIT_BYTES: String(16 * 1024 * 1024), WORKER_THREADS: process.env.T ?? '2' }), database })
const address = await app.listen({ port: 0, host: '127.0.0.1' })
const cpu0 = process.cpuUsage()
const child = spawn(process.execPath, [fileURLToPath(new URL('./seed-client.mjs', import.meta.url)), address, '50', '8'], { stdio: ['ignore', 'pipe', 'inherit'] })
let out = ''; child.stdout.on('data', (c) => (out += c)); await once(child, 'exit')
const cpu = process.cpuUsage(cpu0)
const r = JSON.parse(out)
console.log(JSON.stringify(r), 'process CPU ms/request', ((cpu.user + cpu.system) / 1000 / (r.total ?? r.requests ?? 1)).toFixed(2))
await app.close(); await database.close()

// The service's building blocks, for tools and benchmarks that run it in-process.
export { buildApp } from './app.js'
export type { AppOptions } from './app.js'
export { readConfig, Config } from './config.js'
export { openDatabase } from './db/client.js'
export type { Database, DatabaseHandle } from './db/client.js'
export { plans as plansTable, planVersions as planVersionsTable } from './db/schema/index.js'
export { CatalogService } from './services/catalog.js'
export { loadDemoData, DEMO } from './services/demo.js'

export * from './tables.js'

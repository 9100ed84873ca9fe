// Runs one evaluation of the L corpus and prints how much the peak resident memory grew while it ran.
import { evaluatePlan } from '../dist/index.js'
import { CORPUS } from './corpus.mjs'

const L = CORPUS.L()
const bytes = Buffer.byteLength(JSON.stringify(L))
globalThis.gc?.()
const before = process.resourceUsage().maxRSS * 1024
evaluatePlan(L)
const after = process.resourceUsage().maxRSS * 1024
console.log(JSON.stringify({ bytes, peakBytes: Math.max(0, after - before) }))

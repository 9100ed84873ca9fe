// A client process of pool.bench.mjs: `connections` keep-alive connections POST new seed-000 documents
// (a new id each) to /v1/evaluate without pause for `seconds`, then print their figures as JSON.
// Deliberately cheaper than autocannon: on two cores the load generator takes a share of the CPU the
// service is measured on, and building a new body per request is most of a client's cost (figures in
// docs/performance.md). Each connection holds one request buffer whose id digits are rewritten in place,
// and reads only the status line, the Content-Length and the body's byte count of each answer.
import { connect } from 'node:net'
import { examplePlans } from '@demarche/domain/examples'

const [address, connections, seconds] = process.argv.slice(2)
const { hostname, port, pathname } = new URL('/v1/evaluate', address)
const DIGITS = 12
const plan = JSON.stringify(examplePlans.crevale2026()).replace('"id":"crevale-2026-2028"', `"id":"crevale-bench-${process.pid}-${'0'.repeat(DIGITS)}"`)
const body = Buffer.from(plan)
const idAt = body.indexOf(`-${'0'.repeat(DIGITS)}"`) + 1
const head = Buffer.from(`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
let sent = 0
const latencies = []
let non2xx = 0
let errors = 0
const end = performance.now() + Number(seconds) * 1000

function connection() {
  const request = Buffer.concat([head, body])
  const idOffset = head.length + idAt
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.setNoDelay(true)
    let pending = Buffer.alloc(0)
    let bodyLeft = -1
    let started = 0
    const send = () => {
      if (performance.now() >= end) return socket.end(), resolve()
      request.write(String(++sent).padStart(DIGITS, '0'), idOffset, 'latin1')
      started = performance.now()
      socket.write(request)
    }
    socket.on('connect', send)
    socket.on('error', () => (errors++, resolve()))
    socket.on('data', (chunk) => {
      if (bodyLeft < 0) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
        const headEnd = pending.indexOf('\r\n\r\n')
        if (headEnd < 0) return
        const text = pending.subarray(0, headEnd).toString('latin1')
        if (!text.startsWith('HTTP/1.1 2')) non2xx++
        bodyLeft = Number(/\r\ncontent-length: *(\d+)/i.exec(text)?.[1] ?? 0) - (pending.length - headEnd - 4)
        pending = Buffer.alloc(0)
      } else bodyLeft -= chunk.length
      if (bodyLeft <= 0) {
        bodyLeft = -1
        latencies.push(performance.now() - started)
        send()
      }
    })
  })
}

const began = performance.now()
await Promise.all(Array.from({ length: Number(connections) }, connection))
const elapsed = (performance.now() - began) / 1000
latencies.sort((a, b) => a - b)
const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
const cpu = process.cpuUsage()
process.stdout.write(JSON.stringify({ rps: latencies.length / elapsed, total: latencies.length, p50: at(0.5), p99: at(0.99), max: at(1), non2xx, errors, clientCpuMs: (cpu.user + cpu.system) / 1000 }))

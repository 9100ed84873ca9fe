// A client process of pool.bench.mjs: `connections` loops POST new large plans to /v1/evaluate without
// pause for `seconds`, then print {"total","non2xx"}. In a process of its own so that building and sending
// large bodies and reading large reports is not counted as the service's event loop's work.
import { generatedPlan } from '@demarche/domain/examples'

const [address, connections, seconds, rows] = process.argv.slice(2)
const large = JSON.stringify(generatedPlan(Number(rows)))
const id = JSON.parse(large).id
const end = performance.now() + Number(seconds) * 1000
let total = 0
let non2xx = 0
let sent = 0
const loop = async () => {
  while (performance.now() < end) {
    const body = large.replace(`"id":"${id}"`, `"id":"bench-large-${process.pid}-${++sent}"`)
    const response = await fetch(`${address}/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    await response.arrayBuffer()
    if (response.ok) total++
    else non2xx++
  }
}
await Promise.all(Array.from({ length: Number(connections) }, loop))
process.stdout.write(JSON.stringify({ total, non2xx, errors: 0 }))

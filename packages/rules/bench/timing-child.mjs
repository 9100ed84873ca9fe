// Keeps one corpus plan and evaluates it when the parent asks, replying with the time of each call in ms.
// One process per corpus: each plan's heap is its own, as when the two are timed one after the other.
import { evaluatePlan } from '../dist/index.js'
import { CORPUS } from './corpus.mjs'

const plan = CORPUS[process.argv[2]]()
for (let i = 0; i < 3; i++) evaluatePlan(plan)
process.on('message', ({ calls }) => {
  const times = []
  for (let i = 0; i < calls; i++) {
    const started = performance.now()
    evaluatePlan(plan)
    times.push(performance.now() - started)
  }
  process.send(times)
})
process.send('ready')

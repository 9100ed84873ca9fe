import { once } from 'node:events'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import { createContext, renderers, type RenderFormat } from '@demarche/render'
import { evaluatePlan } from '@demarche/rules'
import { loadFrenchSpelling } from '@demarche/rules/spelling'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../test-support.js'
import { Work } from './pool.js'
import { runTask } from './tasks.js'

const plan = 'crevale-2026-2028'
const json = { 'content-type': 'application/json' }
/** A large plan under its own id: an evaluation of a few hundred milliseconds, whatever the machine. */
const large = (id: string, rows = 1000) => JSON.stringify({ ...generatedPlan(rows), id })

describe(`the work pool (${DATABASE})`, () => {
  let pooled: TestApp
  let inline: TestApp
  beforeAll(async () => {
    ;[pooled, inline] = await Promise.all([testApp({ WORKER_THREADS: '2' }), testApp({ WORKER_THREADS: '0' })])
  }, 60_000)
  afterAll(async () => Promise.all([pooled?.close(), inline?.close()]))

  it('runs in worker threads when asked, on the event loop with WORKER_THREADS=0', () => {
    expect([pooled.app.work.pooled, inline.app.work.pooled]).toEqual([true, false])
  })

  it('gives the same report bytes through the pool as inline, and the engine’s report', async () => {
    for (const body of [JSON.stringify(examplePlans.crevale2026()), large('pool-identical', 200)]) {
      const [a, b] = await Promise.all([pooled, inline].map((t) => t.app.inject({ method: 'POST', url: '/v1/evaluate?stage=draft', headers: json, payload: body })))
      expect(a!.statusCode, a!.body).toBe(200)
      expect(a!.rawPayload.equals(b!.rawPayload)).toBe(true)
      expect(a!.json()).toEqual(evaluatePlan(JSON.parse(body), { stage: 'draft' }))
    }
  }, 60_000)

  it('refuses in the pool what it refuses inline, with the same problem', async () => {
    for (const [url, payload] of [
      ['/v1/evaluate', '{"id":'],
      ['/v1/evaluate', '{"__proto__":{"polluted":true}}'],
      ['/v1/evaluate', ''],
      ['/v1/evaluate?ruleSet=nowhere-1999', JSON.stringify(examplePlans.crevale2026())],
      ['/v1/evaluate', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ] as const) {
      const [a, b] = await Promise.all([pooled, inline].map((t) => t.app.inject({ method: 'POST', url, headers: json, payload })))
      expect(a!.statusCode, `${url} ${payload.slice(0, 20)}`).toBeGreaterThanOrEqual(400)
      expect(a!.statusCode).toBeLessThan(500)
      expect({ ...a!.json(), requestId: undefined }).toEqual({ ...b!.json(), requestId: undefined })
    }
  }, 60_000)

  it('stores the same evaluation through the pool as inline', async () => {
    const [a, b] = await Promise.all([pooled, inline].map((t) => t.app.inject({ method: 'POST', url: `/v1/plans/${plan}/evaluations`, headers: bearer(t.keys.reviewer), payload: { stage: 'draft' } })))
    expect(a!.statusCode, a!.body).toBe(201)
    expect(a!.json().report).toEqual(b!.json().report)
    // The plan's hash is the stored document's (jsonb orders keys its own way); the findings are the engine's,
    // French spelling included (a stored plan is evaluated with it).
    expect(a!.json().report.findings).toEqual(evaluatePlan(examplePlans.crevale2026(), { stage: 'draft', spellChecker: await loadFrenchSpelling() }).findings)
  }, 60_000)

  it.each(['html', 'markdown', 'docx', 'xlsx'] as const)('renders the plan as %s to the bytes the renderer gives on this thread', async (format: RenderFormat) => {
    const response = await pooled.app.inject({ method: 'GET', url: `/v1/plans/${plan}/document?format=${format}&locale=en-CA`, headers: bearer(pooled.keys.reviewer) })
    expect(response.statusCode, response.body).toBe(200)
    const row = (await pooled.app.inject({ method: 'GET', url: `/v1/plans/${plan}`, headers: bearer(pooled.keys.reviewer) })).json()
    const document = examplePlans.crevale2026()
    const expected = await renderers[format].renderPlan(document, createContext(document, { locale: 'en-CA', clock: () => new Date(row.updatedAt) }))
    expect(response.rawPayload.equals(Buffer.from(expected))).toBe(true)
  }, 60_000)

  it.each(['html', 'markdown'] as const)('renders the report as %s to the same bytes through the pool as inline', async (format: RenderFormat) => {
    const [a, b] = await Promise.all([pooled, inline].map((t) => t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report?format=${format}`, headers: bearer(t.keys.reviewer) })))
    expect(a!.statusCode, a!.body).toBe(200)
    expect(a!.rawPayload.equals(b!.rawPayload)).toBe(true)
  }, 60_000)
})

describe('a task in a worker thread and on this thread', () => {
  const work = new Work({ threads: 1, queue: 8 })
  afterAll(async () => work.close())
  const text = JSON.stringify(examplePlans.crevale2026())
  const clock = Date.UTC(2026, 2, 1)

  it.each(['html', 'markdown', 'docx', 'xlsx', 'pdf'] as const)('renders a plan as %s to the same bytes', async (format) => {
    const task = { kind: 'render-plan', plan: text, format, locale: 'fr-CA', clock } as const
    const [pooled, inline] = await Promise.all([work.run(task), runTask(task)])
    expect('ok' in inline && Buffer.from(pooled).equals(Buffer.from(inline.ok as Uint8Array))).toBe(true)
  }, 60_000)

  it.each(['html', 'markdown', 'docx', 'pdf'] as const)('renders a report as %s to the same bytes as the renderer given the engine’s report (with spelling)', async (format) => {
    const task = { kind: 'render-report', plan: text, format, locale: 'en-CA', clock, planHref: '/plan.html' } as const
    const document = JSON.parse(text)
    const input = { report: evaluatePlan(document, { spellChecker: await loadFrenchSpelling() }), plan: document, planHref: '/plan.html' }
    const expected = await renderers[format].renderReport!(input, createContext(document, { locale: 'en-CA', clock: () => new Date(clock) }), { pdf: { engine: 'pdfkit' } })
    expect(Buffer.from(await work.run(task)).equals(Buffer.from(expected))).toBe(true)
  }, 60_000)
})

describe(`the work pool's bounds and the event loop (${DATABASE})`, () => {
  let t: TestApp | undefined
  afterAll(async () => t?.close())

  it('refuses work past its bound with 503 busy and Retry-After, and takes work again once it is done', async () => {
    t = await testApp({ WORKER_THREADS: '1', WORKER_QUEUE: '1' })
    const app = t.app
    // One task on the thread, one waiting: the third and fourth, arriving while the first runs, are refused.
    const answers = await Promise.all([0, 1, 2, 3].map((i) => app.inject({ method: 'POST', url: '/v1/evaluate', headers: { ...json, 'accept-language': 'fr-CA' }, payload: large(`busy-${i}`) })))
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 503, 503])
    for (const refused of answers.slice(2)) {
      expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(refused.json()).toMatchObject({ status: 503, code: 'busy', title: 'Le service est occupé : réessayez dans quelques secondes.' })
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    }
    const later = await app.inject({ method: 'POST', url: '/v1/evaluate', headers: json, payload: large('busy-later') })
    expect(later.statusCode).toBe(200)
    await t.close()
    t = undefined
  }, 120_000)

  /** Starts a heavy evaluation over HTTP, then light requests once it is on a thread; the order things end in. */
  async function lightDuringHeavy(threads: string) {
    const t = await testApp({ WORKER_THREADS: threads })
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const order: string[] = []
    t.app.work.events.once('done', () => order.push('heavy done'))
    const started = once(t.app.work.events, 'task')
    const heavy = fetch(`${address}/v1/evaluate`, { method: 'POST', headers: json, body: large('heavy', 2000) })
    await started
    await Promise.all([
      fetch(`${address}/healthz`).then((response) => order.push(`healthz ${response.status}`)),
      fetch(`${address}/v1/plans/${plan}`, { headers: bearer(t.keys.reviewer) }).then((response) => order.push(`plan ${response.status}`)),
    ])
    expect((await heavy).status).toBe(200)
    await t.close()
    return order
  }

  it('answers light requests while a heavy evaluation runs in the pool (and, on the event loop, only after it)', async () => {
    expect((await lightDuringHeavy('1')).slice(2)).toEqual(['heavy done'])
    // The same requests without the pool: the evaluation holds the event loop, the light requests wait.
    expect((await lightDuringHeavy('0'))[0]).toBe('heavy done')
  }, 120_000)

  it('lets a task in flight finish when the app closes', async () => {
    const t = await testApp({ WORKER_THREADS: '1' })
    const started = once(t.app.work.events, 'task')
    const heavy = t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: json, payload: large('closing') })
    await started
    const closing = t.close()
    expect((await heavy).statusCode).toBe(200)
    await closing
  }, 60_000)
})

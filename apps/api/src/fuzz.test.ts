// The fuzz test: requests to every operation of the served OpenAPI document, with parameters, headers,
// content types and bodies drawn from the documented schemas and from outside them (`fuzz-support.ts`).
// Whatever comes in: no 5xx, every 4xx a problem+json with a specific code, the service healthy after,
// and every stored plan consistent (its document a valid plan, its saved states ending at its version).
// A fixed seed and a bounded count here; `pnpm fuzz` (FUZZ_RUNS, FUZZ_SEED) runs longer, and prints the
// statuses met; FUZZ_TRACE=<operationId> prints each request to that operation and its answer.
import { validatePlan } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyRequest, CURRENT_ETAG, type FuzzRequest, LATEST_PLAN, mutatedPlans, type OpenApiDocument, TARGET_PLAN_ID } from './fuzz-support.js'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from './test-support.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 250)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128)

/** Codes that say only "something was wrong with the request": every refusal must say what. */
const GENERIC_CODES = new Set(['client-error', 'internal-error', 'error'])

let t: TestApp
beforeAll(async () => {
  // The rate limit would answer most of the run with 429: it has its own tests.
  t = await testApp({ RATE_LIMIT_PER_MINUTE: '100000000' })
}, 60_000)
afterAll(async () => t?.close())

describe(`fuzzing every operation of the OpenAPI document (${DATABASE}, ${RUNS} requests, seed ${SEED})`, () => {
  it(
    'never answers 5xx, answers every 4xx with a specific problem, and leaves the service healthy and every plan consistent',
    async () => {
      const { app, keys } = t
      const document: OpenApiDocument = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
      // Two drafts of the demo chantier, so that writes can succeed as well as fail.
      const drafts: string[] = []
      for (const name of ['one', 'two', 'three', 'four']) drafts.push((await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf(name) })).json().id)
      let latest = drafts.at(-1)!
      const ids = { plans: ['crevale-2021', 'crevale-2026-2028', ...drafts, LATEST_PLAN, LATEST_PLAN, 'no-such-plan'], profiles: ['lanaudiere-2026', 'no-such-profile'] }
      const ownPlan = () => ({ ...examplePlans.crevale2026(), id: TARGET_PLAN_ID })
      const plans = mutatedPlans([examplePlans.crevale2021, examplePlans.crevale2026, ownPlan])
      const validPlans = fc.constantFrom(ownPlan, examplePlans.crevale2021).map((make) => make())

      /** The request with its placeholders filled in: a test key, the plan's current ETag. */
      const resolve = async (generated: FuzzRequest): Promise<FuzzRequest> => {
        const request = { ...generated, url: generated.url.replace(encodeURIComponent(LATEST_PLAN), latest) }
        const headers = { ...request.headers }
        // The plan's segment of the URL as it will be sent (`/v1/plans/<segment>/…`).
        const segment = request.url.split('?')[0]!.split('/')[3] ?? ''
        const payload = request.payload?.replaceAll(TARGET_PLAN_ID, JSON.stringify(safeDecode(segment)).slice(1, -1))
        for (const [name, value] of Object.entries(headers)) {
          headers[name] = value.replace(/<<key:(\w+)>>/, (_, role: keyof TestApp['keys']) => keys[role])
          if (value === CURRENT_ETAG) {
            headers[name] = ((await app.inject({ method: 'GET', url: `/v1/plans/${segment}`, headers: bearer(keys.admin) })).headers.etag as string | undefined) ?? '"none"'
          }
        }
        return { ...request, headers, ...(payload !== undefined && { payload }) }
      }

      const statuses = new Map<number, number>()
      const done = new Set<string>()
      await fc.assert(
        fc.asyncProperty(anyRequest({ document, ids, plans, validPlans }), async (generated) => {
          const request = await resolve(generated)
          const response = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload !== undefined && { payload: request.payload }) })
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
          if (response.statusCode < 300) done.add(request.operationId)
          if (request.operationId === 'createPlan' && response.statusCode === 201) latest = response.json().id
          if (process.env.FUZZ_TRACE === request.operationId) console.info(request.method, request.url, JSON.stringify(request.headers), String(request.payload).slice(0, 80), '→', response.statusCode, response.body.slice(0, 800))
          const where = `${request.method} ${request.url} ${JSON.stringify(request.headers).slice(0, 300)} ${String(request.payload).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 300)}`
          expect(response.statusCode, where).toBeLessThan(500)
          // A HEAD answer has no body to be a problem.
          if (response.statusCode >= 400 && request.method !== 'HEAD') {
            expect(response.headers['content-type'], where).toMatch(/^application\/problem\+json/)
            const problem = response.json()
            expect(problem.status, where).toBe(response.statusCode)
            expect(typeof problem.code === 'string' && !GENERIC_CODES.has(problem.code), where).toBe(true)
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
      if (process.env.FUZZ_RUNS) console.info(`statuses: ${JSON.stringify([...statuses].sort((a, b) => a[0] - b[0]))}; operations done at least once: ${[...done].sort().join(' ')}`)
      // The run reached past the checks: some requests were done, not only refused.
      expect([...statuses.keys()].some((status) => status < 300), JSON.stringify([...statuses])).toBe(true)
      expect([...statuses.keys()].some((status) => status >= 400), JSON.stringify([...statuses])).toBe(true)

      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)

      let checked = 0
      let cursor: string | null = null
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await app.inject({ method: 'GET', url: `/v1/plans?limit=100${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(keys.admin) })).json()
        for (const { id } of page.items) {
          const url = `/v1/plans/${encodeURIComponent(id)}`
          const plan = (await app.inject({ method: 'GET', url, headers: bearer(keys.admin) })).json()
          const validation = validatePlan(plan.document)
          expect(validation.ok, `${id}: ${JSON.stringify(validation.issues).slice(0, 300)}`).toBe(true)
          expect(plan.document.id, id).toBe(id)
          const versions: Array<{ version: number }> = (await app.inject({ method: 'GET', url: `${url}/versions`, headers: bearer(keys.admin) })).json()
          expect(versions.map((entry) => entry.version), id).toEqual(Array.from({ length: plan.version }, (_, i) => i + 1))
          expect((await app.inject({ method: 'GET', url: `${url}/versions/${plan.version}`, headers: bearer(keys.admin) })).json(), id).toEqual(plan.document)
          checked++
        }
        cursor = page.nextCursor
      } while (cursor)
      expect(checked).toBeGreaterThanOrEqual(4)
    },
    Math.max(120_000, RUNS * 1_000),
  )
})

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

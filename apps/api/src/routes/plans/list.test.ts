import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`listPlans (${DATABASE})`, () => {
  it('hides drafts and deposited plans from anonymous callers and other chantiers', async () => {
    const { app, keys } = t
    expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2021' })).statusCode).toBe(200)
    for (const headers of [{}, bearer(keys.otherCoordinator)]) {
      expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028', headers })).statusCode).toBe(404)
      const list = await app.inject({ method: 'GET', url: '/v1/plans', headers })
      expect(list.json().items.map((plan: { id: string }) => plan.id)).toEqual(['crevale-2021'])
      expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/document?format=html', headers })).statusCode).toBe(404)
    }
  })

  it('pages through every plan once, newest first, whatever the page size', async () => {
    const { app, keys } = t
    // Created together, several plans can share a millisecond: the cursor must still tell them apart.
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf(`page-${i}`) })))
    for (const response of created) expect(response.statusCode, response.body).toBe(201)
    const all = (await app.inject({ method: 'GET', url: '/v1/plans?limit=200', headers: bearer(keys.reviewer) })).json()
    expect(all.nextCursor).toBeNull()
    for (const limit of [1, 2, 5]) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await app.inject({ method: 'GET', url: `/v1/plans?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(keys.reviewer) })).json()
        expect(page.items.length).toBeLessThanOrEqual(limit)
        seen.push(...page.items.map((plan) => plan.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(all.items.map((plan: { id: string }) => plan.id))
    }
    const bad = await app.inject({ method: 'GET', url: '/v1/plans?cursor=bm90aGluZw', headers: bearer(keys.reviewer) })
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid-cursor' })
  }, 60_000)
})

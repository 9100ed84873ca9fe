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

  it('filters by years as a reviewer writes them, and shows each plan’s years in both counts', async () => {
    const { app, keys } = t
    const ids = async (query: string) => {
      const response = await app.inject({ method: 'GET', url: `/v1/plans?${query}`, headers: bearer(keys.reviewer) })
      expect(response.statusCode, response.body).toBe(200)
      return response.json().items.map((plan: { id: string }) => plan.id).filter((id: string) => id.startsWith('crevale'))
    }
    for (const query of ['firstYear=2026', 'firstYear=2026-2027', 'firstYear=An%206', 'firstYear=6', 'lastYear=2028', 'lastYear=2027-2028', 'firstYear=2026&lastYear=2028'])
      expect(await ids(query), query).toEqual(['crevale-2026-2028'])
    expect(await ids('firstYear=2027')).toEqual([])
    const listed = (await app.inject({ method: 'GET', url: '/v1/plans?firstYear=2026', headers: bearer(keys.reviewer) })).json().items[0]
    expect(listed).toMatchObject({ firstYear: 6, lastYear: 7, firstFiscalYear: '2026-2027', lastFiscalYear: '2027-2028' })
    const bad = await app.inject({ method: 'GET', url: '/v1/plans?firstYear=bient%C3%B4t', headers: { ...bearer(keys.reviewer), 'accept-language': 'fr' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([{ in: 'querystring', pointer: '/firstYear', code: 'invalid-year', message: { fr: '« bientôt » n’est pas une année : écrivez « An 6 », « 2026-2027 » ou « 2026 ».', en: '"bientôt" is not a year: write "An 6", "2026-2027" or "2026".' } }])
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

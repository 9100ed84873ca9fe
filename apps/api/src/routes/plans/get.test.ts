import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`getPlan: reads after writes and conditional reads (${DATABASE})`, () => {
  it('shows every acknowledged write to the next read, with other reads running alongside the writes', async () => {
    const { app, keys } = t
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('read-after-write') })
    const planId = created.json().id as string
    let etag = created.headers.etag as string
    const read = () => app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: bearer(keys.coordinator) })
    for (let version = 2; version <= 8; version++) {
      const alongside = Array.from({ length: 5 }, read)
      const document = (await read()).json().document
      document.metadata.title = `Version ${version}`
      const written = await app.inject({ method: 'PUT', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document } })
      expect(written.statusCode, written.body).toBe(200)
      etag = written.headers.etag as string
      await Promise.all(alongside)
      const after = await read()
      expect(after.headers.etag).toBe(etag)
      expect(after.headers.etag).toMatch(new RegExp(`^"v${version}-draft-`))
      expect(after.json().document.metadata.title).toBe(`Version ${version}`)
    }
    // A client holding the current ETag gets 304 and no body; a stale one gets the plan.
    const unchanged = await app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-none-match': etag } })
    expect([unchanged.statusCode, unchanged.body, unchanged.headers.etag]).toEqual([304, '', etag])
    const changed = await app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-none-match': created.headers.etag as string } })
    expect(changed.statusCode).toBe(200)
    const deposit = await app.inject({ method: 'POST', url: `/v1/plans/${planId}/deposit`, headers: bearer(keys.coordinator) })
    expect(deposit.statusCode, deposit.body).toBe(200)
    expect((await read()).json().status).toBe('deposited')
    // A workflow round trip (under review → returned → resubmitted → under review) comes back to the same
    // version and status: the ETag still changes, so a client holding the old one gets the plan again.
    const step = (name: string, key: string, payload?: object) => app.inject({ method: 'POST', url: `/v1/plans/${planId}/${name}`, headers: bearer(key), ...(payload && { payload }) })
    expect((await step('start-review', keys.reviewer)).statusCode).toBe(200)
    const reviewed = await read()
    expect((await step('return', keys.reviewer, { reason: 'Préciser le budget.' })).statusCode).toBe(200)
    expect((await step('resubmit', keys.coordinator)).statusCode).toBe(200)
    expect((await step('start-review', keys.reviewer)).statusCode).toBe(200)
    const again = await app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-none-match': reviewed.headers.etag as string } })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'under_review', version: reviewed.json().version })
    expect(again.headers.etag).not.toBe(reviewed.headers.etag)
  }, 60_000)
})

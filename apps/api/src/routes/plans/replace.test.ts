import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`replacePlan: optimistic concurrency (${DATABASE})`, () => {
  it('lets exactly one of 20 concurrent updates with the same ETag win; the others get 412 and nothing is mixed', async () => {
    const { app, keys } = t
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('concurrent-draft') })
    const planId = created.json().id as string
    expect(created.statusCode, created.body).toBe(201)
    const etag = created.headers.etag as string
    const before = await app.inject({ method: 'GET', url: `/v1/plans/${planId}/document?format=markdown`, headers: bearer(keys.coordinator) })
    expect(before.body.split('\n')[0]).toBe(`# ${created.json().document.metadata.title}`)
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const document = created.json().document
      document.metadata.title = `Titre numéro ${i}`
      return app.inject({ method: 'PUT', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document } })
    })
    const responses = await Promise.all(attempts)
    const codes = responses.map((response) => response.statusCode).sort()
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    expect(codes.filter((code) => code === 412)).toHaveLength(19)
    const winner = responses.find((response) => response.statusCode === 200)!.json().document.metadata.title
    const versions = await app.inject({ method: 'GET', url: `/v1/plans/${planId}/versions`, headers: bearer(keys.coordinator) })
    expect(versions.json().map((entry: { version: number }) => entry.version)).toEqual([1, 2])
    // Documents are kept per saved state: the one after the update shows the new title.
    const document = await app.inject({ method: 'GET', url: `/v1/plans/${planId}/document?format=markdown`, headers: bearer(keys.coordinator) })
    expect(document.body.split('\n')[0]).toBe(`# ${winner}`)
    const second = await app.inject({ method: 'GET', url: `/v1/plans/${planId}/versions/2`, headers: bearer(keys.coordinator) })
    expect(second.json().metadata.title).toBe(winner)
    const current = await app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: bearer(keys.coordinator) })
    expect(current.json().document.metadata.title).toBe(winner)
    expect(current.headers.etag).toMatch(/^"v2-draft-[0-9a-z]+"$/)
    const stale = await app.inject({ method: 'PUT', url: `/v1/plans/${planId}`, headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document: current.json().document } })
    expect(stale.json()).toMatchObject({ status: 412, code: 'precondition-failed' })
    const missing = await app.inject({ method: 'PUT', url: `/v1/plans/${planId}`, headers: bearer(keys.coordinator), payload: { document: current.json().document } })
    expect(missing.statusCode).toBe(428)
  }, 60_000)
})

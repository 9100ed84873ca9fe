import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE, testApp, type TestApp } from '../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`reference data and system (${DATABASE})`, () => {
  it('lists profiles and rule sets, and answers /healthz and /readyz', async () => {
    const { app } = t
    expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).json().map((profile: { id: string }) => profile.id)).toContain('lanaudiere-2026')
    expect((await app.inject({ method: 'GET', url: '/v1/rule-sets' })).json().map((set: { id: string }) => set.id)).toEqual(['lanaudiere-2026', 'lanaudiere-2021', 'generic'])
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`organisations (${DATABASE})`, () => {
  it('finds organisations whatever the case and accents, and refuses the same one twice', async () => {
    const { app, keys } = t
    const found = await app.inject({ method: 'GET', url: '/v1/organisations?q=creVALE' })
    expect(found.json().map((organisation: { acronym: string | null }) => organisation.acronym)).toContain('CREVALE')
    expect((await app.inject({ method: 'GET', url: '/v1/organisations?q=centre%20de%20services%20scolaire%20des%20samares' })).json()).toHaveLength(1)
    const duplicate = await app.inject({ method: 'POST', url: '/v1/organisations', headers: bearer(keys.reviewer), payload: { name: 'COMITÉ RÉGIONAL POUR LA VALORISATION DE L’ÉDUCATION (CREVALE)' } })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().existing.acronym).toBe('CREVALE')
  })
})

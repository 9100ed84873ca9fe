import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`patchPlan (${DATABASE})`, () => {
  it('points the issues of the plan a patch would make with the pointers the patch itself uses', async () => {
    const { app, keys } = t
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('patched-draft') })
    expect(created.statusCode, created.body).toBe(201)
    const url = `/v1/plans/${created.json().id}`
    const patch = [{ op: 'replace', path: '/axes/0/objectives/0/rows/0/budget', value: { raw: '5 000 $', value: { amounts: [] } } }]
    const response = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...bearer(keys.coordinator), 'if-match': created.headers.etag as string, 'content-type': 'application/json-patch+json', 'accept-language': 'fr-CA' },
      payload: JSON.stringify(patch),
    })
    expect(response.statusCode, response.body).toBe(422)
    const problem = response.json()
    expect(problem.code).toBe('invalid-plan')
    expect(problem.title).toBe('Le correctif JSON ferait un plan non valide pour son profil : rien n’a été écrit.')
    expect(problem.errors.length).toBeGreaterThan(0)
    for (const error of problem.errors) {
      expect(error.in).toBe('document')
      expect(error.pointer.startsWith('/axes/0/objectives/0/rows/0/budget')).toBe(true)
    }
    const after = await app.inject({ method: 'GET', url, headers: bearer(keys.coordinator) })
    expect(after.headers.etag).toBe(created.headers.etag)
  })
})

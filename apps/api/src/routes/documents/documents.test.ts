import { RENDER_FORMATS, REPORT_FORMATS, renderers } from '@demarche/render'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

const plan = 'crevale-2026-2028'

describe(`getPlanDocument and getPlanReport: the render registry's formats (${DATABASE})`, () => {
  it('advertise exactly the formats each can give, in the query and in the response content', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    for (const [path, formats] of [[`/v1/plans/{planId}/document`, RENDER_FORMATS], [`/v1/plans/{planId}/report`, REPORT_FORMATS]] as const) {
      const operation = openapi.paths[path].get
      const format = operation.parameters.find((parameter: { name: string }) => parameter.name === 'format')
      expect(format.schema.enum, path).toEqual([...formats])
      expect(Object.keys(operation.responses['200'].content), path).toEqual(formats.map((name) => renderers[name].mediaType.split(';')[0]))
    }
    expect(REPORT_FORMATS).not.toContain('xlsx')
  })

  it.each(RENDER_FORMATS)('gives the plan as %s with the registry’s media type and extension', async (format) => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/document?format=${format}&locale=en-CA`, headers: bearer(t.keys.reviewer) })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe(renderers[format].mediaType)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${plan}.${renderers[format].extension}"`)
    expect(response.rawPayload.length).toBeGreaterThan(1000)
  }, 60_000)

  it.each(REPORT_FORMATS)('gives the report as %s', async (format) => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report?format=${format}`, headers: bearer(t.keys.reviewer) })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe(renderers[format].mediaType)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${plan}.report.${renderers[format].extension}"`)
  }, 60_000)

  it('refuses a report format it does not have as a bad query, and an Accept it cannot meet with 406', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report?format=xlsx`, headers: bearer(t.keys.reviewer) })
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8'])
    const accept = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report`, headers: { ...bearer(t.keys.reviewer), accept: renderers.xlsx.mediaType } })
    expect([accept.statusCode, accept.json().code]).toEqual([406, 'not-acceptable'])
  })
})

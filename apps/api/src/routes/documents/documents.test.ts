import { generatedPlan } from '@demarche/domain/examples'
import { CHROMIUM_MAX_ROWS, RENDER_FORMATS, REPORT_FORMATS, renderers } from '@demarche/render'
import { findChromium } from '@demarche/render/pdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

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

  it('lays out a plan past CHROMIUM_MAX_ROWS rows with pdfkit, where Chromium would take minutes', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: { ...draftOf('large'), document: generatedPlan(CHROMIUM_MAX_ROWS + 1) } })
    expect(created.statusCode, created.body).toBe(201)
    const pdf = await t.app.inject({ method: 'GET', url: `/v1/plans/${created.json().id}/document?format=pdf`, headers: bearer(t.keys.coordinator) })
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // Chromium's PDFs name their producer "Skia/PDF"; pdfkit's do not.
    expect(pdf.rawPayload.toString('latin1')).not.toContain('Skia/PDF')
    // A plan of the usual size is still Chromium's when the machine has one.
    const usual = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/document?format=pdf`, headers: bearer(t.keys.reviewer) })
    if (findChromium()) expect(usual.rawPayload.toString('latin1')).toContain('Skia/PDF')
  }, 120_000)

  it('refuses a report format it does not have as a bad query, and an Accept it cannot meet with 406', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report?format=xlsx`, headers: bearer(t.keys.reviewer) })
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8'])
    const accept = await t.app.inject({ method: 'GET', url: `/v1/plans/${plan}/report`, headers: { ...bearer(t.keys.reviewer), accept: renderers.xlsx.mediaType } })
    expect([accept.statusCode, accept.json().code]).toEqual([406, 'not-acceptable'])
  })
})

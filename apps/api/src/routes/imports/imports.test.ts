import { lanaudiere2026 } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO } from '../../services/demo.js'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'
import { OFFICE_MEDIA_TYPES } from './import-problem.js'

let t: TestApp
let workbook: Buffer
const plan = examplePlans.crevale2026()
beforeAll(async () => {
  t = await testApp()
  workbook = Buffer.from(await planXlsx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })))
}, 60_000)
afterAll(async () => t?.close())

const xlsx = { 'content-type': OFFICE_MEDIA_TYPES.xlsx }
const post = (payload: Buffer | string, headers: Record<string, string> = xlsx, key = t.keys.coordinator, query = `?chantierId=${DEMO.chantier}`) =>
  t.app.inject({ method: 'POST', url: `/v1/plans/imports${query}`, headers: { ...bearer(key), ...headers }, payload })

describe(`importPlan and importPlanVersion: plans from Office files (${DATABASE})`, () => {
  it('creates a draft from the toolkit’s own workbook: the plan under a new id, its import report and its evaluation', async () => {
    const response = await post(workbook)
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body.plan).toMatchObject({ status: 'draft', version: 1, chantierId: DEMO.chantier })
    expect(body.plan.document).toEqual({ ...plan, id: body.plan.id, metadata: { ...plan.metadata, status: plan.metadata.status } })
    expect(response.headers.location).toBe(`/v1/plans/${body.plan.id}`)
    expect(body.import).toMatchObject({ format: 'xlsx', failed: false, unplaced: [] })
    expect(body.evaluation).toMatchObject({ stage: 'draft' })
    expect(typeof body.evaluation.score).toBe('number')
  }, 120_000)

  it('saves an edited workbook as the next version of the draft with If-Match, and refuses a stale ETag', async () => {
    const created = await post(workbook)
    const id = created.json().plan.id as string
    const etag = created.headers.etag as string
    const stale = await t.app.inject({ method: 'PUT', url: `/v1/plans/${id}/import`, headers: { ...bearer(t.keys.coordinator), ...xlsx, 'if-match': '"v0-draft-0"' }, payload: workbook })
    expect(stale.json()).toMatchObject({ status: 412, code: 'precondition-failed' })
    const missing = await t.app.inject({ method: 'PUT', url: `/v1/plans/${id}/import`, headers: { ...bearer(t.keys.coordinator), ...xlsx }, payload: workbook })
    expect(missing.json()).toMatchObject({ status: 428, code: 'precondition-required' })
    const saved = await t.app.inject({ method: 'PUT', url: `/v1/plans/${id}/import`, headers: { ...bearer(t.keys.coordinator), ...xlsx, 'if-match': etag }, payload: workbook })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().plan).toMatchObject({ id, version: 2 })
    expect(saved.json().plan.document.id).toBe(id)
  }, 120_000)

  it('answers every hostile or wrong body with a specific 4xx problem, never a 5xx, and writes nothing', async () => {
    const truncated = workbook.subarray(0, 3000)
    const huge = Buffer.alloc(21 * 1024 * 1024)
    const cases: Array<[Buffer | string, Record<string, string>, number, string]> = [
      [Buffer.from('pas un classeur'), xlsx, 422, 'unreadable-office-file'],
      [truncated, xlsx, 422, 'unreadable-office-file'],
      [huge, xlsx, 413, 'payload-too-large'],
      [Buffer.alloc(0), xlsx, 422, 'unreadable-office-file'],
      [JSON.stringify({ document: plan }), { 'content-type': 'application/json' }, 415, 'unsupported-media-type'],
      [workbook, { 'content-type': 'application/pdf' }, 415, 'unsupported-media-type'],
    ]
    const before = (await t.app.inject({ method: 'GET', url: '/v1/plans?limit=100', headers: bearer(t.keys.admin) })).json().items.length
    for (const [payload, headers, status, code] of cases) {
      const response = await post(payload, headers)
      expect([response.statusCode, response.json().code], response.body.slice(0, 300)).toEqual([status, code])
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    // A type the operation does not take: the answer says which it takes (not "send JSON").
    const pdf = (await post(workbook, { 'content-type': 'application/pdf' })).json()
    expect(pdf.accepted).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'])
    expect(pdf.title).toBe(`Unsupported content type: this operation accepts ${pdf.accepted.join(', ')}.`)
    const unreadable = await post(truncated)
    expect(unreadable.json().errors[0]).toMatchObject({ in: 'body', code: expect.any(String), message: { fr: expect.any(String), en: expect.any(String) } })
    expect((await t.app.inject({ method: 'GET', url: '/v1/plans?limit=100', headers: bearer(t.keys.admin) })).json().items.length).toBe(before)
  })

  it('checks the right to create before reading the file', async () => {
    const response = await post(Buffer.from('pas un classeur'), xlsx, t.keys.otherCoordinator)
    expect(response.json()).toMatchObject({ status: 403, code: 'forbidden' })
  })
})

describe(`getBlankForm (${DATABASE})`, () => {
  it('serves the blank XLSX form of a profile, which imports as an empty draft of that profile', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/v1/profiles/lanaudiere-2026/form?locale=en-CA', headers: bearer(t.keys.coordinator) })
    expect(form.statusCode).toBe(200)
    expect(form.headers['content-type']).toBe(OFFICE_MEDIA_TYPES.xlsx)
    const created = await post(form.rawPayload)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().plan.document.profile).toEqual({ id: lanaudiere2026.id, version: lanaudiere2026.version })
    expect((await t.app.inject({ method: 'GET', url: '/v1/profiles/nowhere/form', headers: bearer(t.keys.coordinator) })).statusCode).toBe(404)
  }, 120_000)

  it('serves the blank Word form too, which imports as an empty draft of that profile', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/v1/profiles/lanaudiere-2026/form?format=docx', headers: bearer(t.keys.coordinator) })
    expect(form.statusCode).toBe(200)
    expect(form.headers['content-type']).toBe(OFFICE_MEDIA_TYPES.docx)
    expect(form.headers['content-disposition']).toBe('attachment; filename="formulaire-lanaudiere-2026.docx"')
    const created = await post(form.rawPayload, { 'content-type': OFFICE_MEDIA_TYPES.docx }, t.keys.coordinator, `?chantierId=${DEMO.chantier}&profile=lanaudiere-2026`)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().plan.document.profile).toEqual({ id: lanaudiere2026.id, version: lanaudiere2026.version })
    expect((await t.app.inject({ method: 'GET', url: '/v1/profiles/lanaudiere-2026/form?format=pdf', headers: bearer(t.keys.coordinator) })).json()).toMatchObject({ status: 400, code: 'invalid-request' })
  }, 120_000)
})

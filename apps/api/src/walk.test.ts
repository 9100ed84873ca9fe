import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from './test-support.js'

/**
 * The walk of the issue, over HTTP: a reviewer lists the demo plans, evaluates one, downloads its DOCX and
 * its PDF report, returns it with a comment on an objective; its coordinator fixes it and resubmits; the
 * reviewer accepts it.
 */
describe(`the review of a deposited plan, end to end (${DATABASE})`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp()
  }, 60_000)
  afterAll(async () => t?.close())

  it('goes from deposited to accepted through a return for correction', async () => {
    const { app, keys } = t
    const list = await app.inject({ method: 'GET', url: '/v1/plans', headers: bearer(keys.reviewer) })
    expect(list.statusCode, list.body).toBe(200)
    const listed = list.json().items as Array<{ id: string; status: string }>
    expect(listed.map((plan) => [plan.id, plan.status]).sort()).toEqual([
      ['crevale-2021', 'accepted'],
      ['crevale-2026-2028', 'deposited'],
    ])

    const evaluation = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/evaluations', headers: bearer(keys.reviewer), payload: {} })
    expect(evaluation.statusCode).toBe(201)
    expect(evaluation.json()).toMatchObject({ ruleSet: 'lanaudiere-2026@1', stage: 'submission', score: 97, version: 1 })

    const docx = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/document?format=docx', headers: bearer(keys.reviewer) })
    expect(docx.statusCode, docx.body).toBe(200)
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers['content-disposition']).toBe('attachment; filename="crevale-2026-2028.docx"')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')

    const pdf = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/report', headers: { ...bearer(keys.reviewer), accept: 'application/pdf' } })
    expect(pdf.statusCode, pdf.body.slice(0, 500)).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    const comment = await app.inject({
      method: 'POST',
      url: '/v1/plans/crevale-2026-2028/comments',
      headers: bearer(keys.reviewer),
      payload: { pointer: '/axes/3/objectives/3', body: 'L’échéancier « An 6-7 et 8 » dépasse la période du plan : ramenez-le à An 6-7.' },
    })
    expect(comment.statusCode).toBe(201)
    const returned = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/return', headers: bearer(keys.reviewer), payload: { reason: 'Échéancier hors période (voir commentaire).' } })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json().status).toBe('returned')

    const read = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028', headers: bearer(keys.coordinator) })
    expect(read.statusCode).toBe(200)
    const comments = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/comments', headers: bearer(keys.coordinator) })
    expect(comments.json()[0]).toMatchObject({ pointer: '/axes/3/objectives/3', version: 1 })
    const fix = await app.inject({
      method: 'PATCH',
      url: '/v1/plans/crevale-2026-2028',
      headers: { ...bearer(keys.coordinator), 'if-match': read.headers.etag as string, 'content-type': 'application/json-patch+json' },
      payload: JSON.stringify([
        { op: 'test', path: '/axes/3/objectives/3/rows/0/schedule/0/years/raw', value: 'An 6-7 et 8' },
        { op: 'replace', path: '/axes/3/objectives/3/rows/0/schedule/0/years', value: { raw: 'An 6-7', value: { years: [6, 7], mode: 'all' } } },
      ]),
    })
    expect(fix.statusCode, fix.body).toBe(200)
    expect(fix.json().version).toBe(2)
    const resubmitted = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/resubmit', headers: bearer(keys.coordinator) })
    expect(resubmitted.statusCode).toBe(200)
    expect(resubmitted.json().status).toBe('resubmitted')

    const accepted = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/accept', headers: bearer(keys.reviewer), payload: {} })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().status).toBe('accepted')

    const history = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/transitions', headers: bearer(keys.reviewer) })
    expect(history.json().map((entry: { name: string }) => entry.name)).toEqual(['deposit', 'return', 'resubmit', 'accept'])
    const versions = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/versions', headers: bearer(keys.reviewer) })
    expect(versions.json().map((entry: { version: number }) => entry.version)).toEqual([1, 2])
    const anonymous = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028' })
    expect(anonymous.statusCode).toBe(200)
  }, 120_000)
})

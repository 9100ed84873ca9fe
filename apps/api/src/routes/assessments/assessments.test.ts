// The reviewer's assessment end to end, on the real 2026-2028 plan: deposit → review → assessment with two
// requests → return with the letter → the coordinator fixes one element → resubmit → the assessment shows
// one request addressed, one not.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lanaudiere2026, preparePlan, type PlanDocument } from '@demarche/domain'
import { evaluatePlan } from '@demarche/rules'
import { renderers } from '@demarche/render'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

const RESULTS = '/axes/0/objectives/0/rows/0/results'
const SCHEDULE = '/axes/3/objectives/3/rows/0/schedule/0/years'

type AssessedFinding = { fingerprint: string; decision: string; finding: { ruleId: string; messageId: string; pointer: string; message: { fr: string } } }

describe(`the reviewer's assessment and its letter (${DATABASE})`, () => {
  it('goes from deposit to a resubmission that answers one request of two', async () => {
    const { app, keys } = t
    const as = (key: keyof TestApp['keys']) => bearer(keys[key])
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: as('coordinator'), payload: draftOf('ignored') })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    const url = `/v1/plans/${id}/assessment`
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/deposit`, headers: as('coordinator'), payload: {} })).statusCode).toBe(200)

    // Before the review, nothing can be written; there is nothing to read.
    const early = await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: { criteria: [], recommendation: 'accept', reasons: '', findings: [], requests: [] } })
    expect([early.statusCode, early.json().code, early.json().planStatus]).toEqual([409, 'not-under-review', 'deposited'])
    expect((await app.inject({ method: 'GET', url, headers: as('reviewer') })).json()).toMatchObject({ status: 404, code: 'no-assessment' })
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/start-review`, headers: as('reviewer'), payload: {} })).statusCode).toBe(200)

    // A first draft gives the engine's findings with their fingerprints.
    const draft = await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: { criteria: [], recommendation: 'return', reasons: 'En cours.', findings: [], requests: [] } })
    expect(draft.statusCode, draft.body).toBe(201)
    expect(draft.headers.etag).toBe('"a1-1"')
    const findings = draft.json().findings as AssessedFinding[]
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((each) => each.decision === 'open')).toBe(true)
    // The engine's status of each criterion of the grid, beside which the reviewer writes its own.
    expect(draft.json().criteria.map((criterion: { id: string }) => criterion.id)).toEqual(expect.arrayContaining(['budget', 'results', 'schedule', 'participants']))
    const schedule = findings.find((each) => each.finding.pointer === SCHEDULE)!
    expect(schedule, 'An 8 is outside a plan of An 6 to An 7').toBeDefined()
    const noise = findings.find((each) => !each.finding.pointer.startsWith(SCHEDULE) && !each.finding.pointer.startsWith(RESULTS))!

    // The coordinator does not see an assessment in the making.
    expect((await app.inject({ method: 'GET', url, headers: as('coordinator') })).json()).toMatchObject({ status: 403, code: 'forbidden' })
    expect((await app.inject({ method: 'GET', url, headers: as('otherCoordinator') })).statusCode).toBe(404)

    const content = {
      criteria: [
        { criterion: 'schedule', status: 'non-compliant', note: 'Un échéancier dépasse la période du plan.' },
        { criterion: 'results', status: 'to-clarify' },
        { criterion: 'participants', status: 'compliant' },
      ],
      recommendation: 'return',
      reasons: 'Le plan est retourné pour deux précisions.',
      findings: [
        { fingerprint: schedule.fingerprint, decision: 'confirm' },
        { fingerprint: noise.fingerprint, decision: 'dismiss', reason: 'Sans conséquence pour l’analyse.' },
      ],
      requests: [
        { id: 'schedule', pointer: SCHEDULE, criterion: 'schedule', text: 'Ramenez l’échéancier dans la période du plan (An 6 à An 7).' },
        { id: 'results', pointer: RESULTS, criterion: 'results', text: 'Reliez chaque résultat à un effet recherché du cadre régional.' },
      ],
    }
    // Revising needs the ETag read; a stale one writes nothing; what does not fit the plan is located.
    expect((await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: content })).json()).toMatchObject({ status: 428, code: 'precondition-required' })
    expect((await app.inject({ method: 'PUT', url, headers: { ...as('reviewer'), 'if-match': '"a1-0"' }, payload: content })).json()).toMatchObject({ status: 412, code: 'precondition-failed' })
    const misplaced = await app.inject({ method: 'PUT', url, headers: { ...as('reviewer'), 'if-match': '"a1-1"' }, payload: { ...content, requests: [{ id: 'x', pointer: '/axes/12', text: 'Où ?' }] } })
    expect([misplaced.statusCode, misplaced.json().code, misplaced.json().errors]).toEqual([422, 'invalid-assessment', [expect.objectContaining({ in: 'body', pointer: '/requests/0/pointer', code: 'unknown-place' })]])
    expect((await app.inject({ method: 'PUT', url, headers: as('coordinator'), payload: content })).json()).toMatchObject({ status: 403, code: 'forbidden' })
    const written = await app.inject({ method: 'PUT', url, headers: { ...as('reviewer'), 'if-match': '"a1-1"' }, payload: content })
    expect(written.statusCode, written.body).toBe(200)
    expect(written.headers.etag).toBe('"a1-2"')
    expect(written.json()).toMatchObject({ version: 1, revision: 2, content, followUp: null, createdBy: expect.stringContaining('reviewer'), updatedBy: expect.stringContaining('reviewer') })
    expect((written.json().findings as AssessedFinding[]).filter((each) => each.decision !== 'open').map((each) => [each.fingerprint, each.decision])).toEqual(
      findings.filter((each) => each === schedule || each === noise).map((each) => [each.fingerprint, each === schedule ? 'confirm' : 'dismiss']),
    )

    // The evaluation served for the plan leaves the dismissed finding out, and says so.
    const evaluation = (await app.inject({ method: 'POST', url: `/v1/plans/${id}/evaluations`, headers: as('reviewer'), payload: {} })).json()
    expect(evaluation.dismissed).toEqual([expect.objectContaining({ fingerprint: noise.fingerprint, ruleId: noise.finding.ruleId, reason: 'Sans conséquence pour l’analyse.' })])
    expect(evaluation.report.findings).toHaveLength(findings.length - 1)
    expect(evaluation.report.summary.errors + evaluation.report.summary.warnings + evaluation.report.summary.infos).toBe(findings.length - 1)

    // So is the rendered report, for whoever may read the assessment; the coordinator, who may not yet, gets the engine's.
    const reportOf = async (key: keyof TestApp['keys']) => (await app.inject({ method: 'GET', url: `/v1/plans/${id}/report?format=html&locale=en-CA`, headers: as(key) })).body
    const noiseMark = `data-rule="${noise.finding.ruleId}" data-pointer="${noise.finding.pointer || '/'}"`
    const scheduleMark = `data-rule="${schedule.finding.ruleId}" data-pointer="${SCHEDULE}"`
    expect([(await reportOf('reviewer')).includes(noiseMark), (await reportOf('reviewer')).includes(scheduleMark)]).toEqual([false, true])
    expect((await reportOf('coordinator')).includes(noiseMark)).toBe(true)

    // Returned with the letter: the coordinator now reads the assessment and the avis.
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/return`, headers: as('reviewer'), payload: { reason: 'Voir l’avis joint.' } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url, headers: as('coordinator') })).statusCode).toBe(200)
    const html = await app.inject({ method: 'GET', url: `${url}/letter?format=html`, headers: as('coordinator') })
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, renderers.html.mediaType])
    const text = html.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    for (const expected of ['Plan retourné avec demandes de précisions', 'Axe 1, objectif 1 — Résultats', 'Reliez chaque résultat', 'Axe 4, objectif 4 — Échéancier', schedule.finding.message.fr, 'Ramenez l’échéancier dans la période du plan'])
      expect(text, expected).toContain(expected.replace(/ :/g, '\u00a0:'))
    expect(text).not.toContain(noise.finding.message.fr)
    const english = await app.inject({ method: 'GET', url: `${url}/letter?locale=en-CA`, headers: { ...as('coordinator'), accept: 'text/html' } })
    expect(english.body).toContain('Axis 4, objective 4 — Schedule')
    for (const format of ['docx', 'pdf'] as const) {
      const letter = await app.inject({ method: 'GET', url: `${url}/letter?format=${format}`, headers: as('coordinator') })
      expect([letter.statusCode, letter.headers['content-type'], letter.headers['content-disposition']]).toEqual([200, renderers[format].mediaType, `attachment; filename="${id}.avis-v1.${format}"`])
      if (format === 'pdf') {
        const dir = mkdtempSync(join(tmpdir(), 'demarche-avis-api-'))
        writeFileSync(join(dir, 'avis.pdf'), letter.rawPayload)
        expect(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'avis.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Axe 4, objectif 4 — Échéancier')
      }
    }
    expect((await app.inject({ method: 'GET', url: `${url}/letter?format=markdown`, headers: as('coordinator') })).statusCode).toBe(400)

    // The coordinator fixes the schedule, and only it, then resubmits.
    const current = await app.inject({ method: 'GET', url: `/v1/plans/${id}`, headers: as('coordinator') })
    const document = current.json().document as PlanDocument
    const before = structuredClone(document)
    document.axes[3]!.objectives[3]!.rows[0]!.schedule![0]!.years = { raw: 'An 6-7' } as never
    const fixed = preparePlan(document, lanaudiere2026)
    const saved = await app.inject({ method: 'PUT', url: `/v1/plans/${id}`, headers: { ...as('coordinator'), 'if-match': current.headers.etag as string }, payload: { document: fixed } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/resubmit`, headers: as('coordinator'), payload: {} })).statusCode).toBe(200)

    const seen = await app.inject({ method: 'GET', url, headers: as('reviewer') })
    expect(seen.statusCode, seen.body).toBe(200)
    const { followUp } = seen.json()
    expect(followUp.version).toBe(2)
    expect(followUp.requests.map((request: { id: string; element: string; now: string }) => [request.id, request.element, request.now])).toEqual([
      ['schedule', 'changed', SCHEDULE],
      ['results', 'unchanged', RESULTS],
    ])
    // The findings gone are exactly the old findings on the changed cell that the new version no longer has.
    const oldReport = evaluatePlan(before, { stage: 'submission' })
    const newReport = evaluatePlan(fixed, { stage: 'submission' })
    const key = (finding: { ruleId: string; messageId: string; pointer: string }) => `${finding.ruleId} ${finding.messageId} ${finding.pointer}`
    const still = new Set(newReport.findings.map(key))
    const gone = oldReport.findings.filter((finding) => !still.has(key(finding)))
    expect(gone.map((finding) => finding.ruleId), 'the schedule within the period, its finding is gone').toContain(schedule.finding.ruleId)
    expect(gone.every((finding) => finding.pointer.startsWith(SCHEDULE))).toBe(true)
    expect(followUp.goneFindings.map(key)).toEqual(gone.map(key))
    // The chantier sees the same once it has resubmitted.
    expect((await app.inject({ method: 'GET', url, headers: as('coordinator') })).json().followUp.requests.map((request: { element: string }) => request.element)).toEqual(['changed', 'unchanged'])

    // The dismissed finding, its element unchanged, does not come back on the new version's evaluation.
    const again = (await app.inject({ method: 'POST', url: `/v1/plans/${id}/evaluations`, headers: as('reviewer'), payload: {} })).json()
    expect(again.version).toBe(2)
    expect(again.dismissed.map((each: { fingerprint: string }) => each.fingerprint)).toEqual([noise.fingerprint])
    const listed = (await app.inject({ method: 'GET', url: `/v1/plans/${id}/evaluations`, headers: as('coordinator') })).json()
    expect(listed.every((each: { dismissed: Array<{ fingerprint: string }> }) => each.dismissed.some((dismissal) => dismissal.fingerprint === noise.fingerprint))).toBe(true)

    // The second round: a new assessment for version 2; the first stays readable by its version. The dismissal
    // carries over (its element is unchanged); the schedule's finding is gone with its old text.
    expect((await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: content })).json()).toMatchObject({ status: 409, code: 'not-under-review', planStatus: 'resubmitted' })
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/start-review`, headers: as('reviewer'), payload: {} })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url, headers: as('coordinator') })).json()).toMatchObject({ status: 403, code: 'forbidden' })
    const outdated = await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: content })
    expect([outdated.statusCode, outdated.json().errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code])]).toEqual([422, [['/findings/0/fingerprint', 'unknown-finding']]])
    const second = await app.inject({ method: 'PUT', url, headers: as('reviewer'), payload: { ...content, recommendation: 'accept', reasons: 'Les précisions demandées sont faites.', findings: content.findings.slice(1), requests: [] } })
    expect([second.statusCode, second.headers.etag, second.json().version, second.json().followUp]).toEqual([201, '"a2-1"', 2, null])

    // The letter of the second round opens with what became of the first letter's requests, in every format.
    const followUpOrder = (french: boolean) =>
      french
        ? ['Suivi des demandes de l’avis précédent', 'Axe 1, objectif 1 — Résultats', 'Reliez chaque résultat', 'Toujours à préciser', 'Axe 4, objectif 4 — Échéancier', schedule.finding.message.fr, 'Demande traitée', 'Ramenez l’échéancier', 'Demande traitée', 'Demandes, par élément du plan']
        : ['Follow-up of the previous assessment’s requests', 'Axis 1, objective 1 — Results', 'Reliez chaque résultat', 'Still to be clarified', 'Axis 4, objective 4 — Schedule', 'Addressed', 'Ramenez l’échéancier', 'Addressed', 'Requests, by element of the plan']
    const expectFollowUp = (text: string, french: boolean) => {
      const seen = text.replace(/[\s\u00a0\u202f]+/g, ' ')
      let from = 0
      for (const expected of followUpOrder(french)) {
        const at = seen.indexOf(expected.replace(/[\s\u00a0\u202f]+/g, ' '), from)
        expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(0)
        from = at
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'demarche-avis-v2-'))
    for (const locale of ['fr-CA', 'en-CA'] as const) {
      const french = locale === 'fr-CA'
      const letterOf = async (format: string) => {
        const response = await app.inject({ method: 'GET', url: `${url}/letter?format=${format}&locale=${locale}`, headers: as('reviewer') })
        expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
        expect(response.headers['content-disposition']).toContain(`.avis-v2.${format}`)
        return response
      }
      expectFollowUp((await letterOf('html')).body.replace(/<[^>]+>/g, ' '), french)
      writeFileSync(join(dir, `${locale}.docx`), (await letterOf('docx')).rawPayload)
      expectFollowUp(execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', join(dir, `${locale}.docx`)], { encoding: 'utf8' }), french)
      writeFileSync(join(dir, `${locale}.pdf`), (await letterOf('pdf')).rawPayload)
      expectFollowUp(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${locale}.pdf`), '-'], { encoding: 'utf8' }), french)
    }

    const first = (await app.inject({ method: 'GET', url: `${url}?version=1`, headers: as('reviewer') })).json()
    expect([first.version, first.revision, first.followUp.version]).toEqual([1, 2, 2])
    expect((await app.inject({ method: 'GET', url: `${url}?version=7`, headers: as('reviewer') })).json()).toMatchObject({ status: 404, code: 'no-assessment' })
  }, 120_000)
})

describe(`an assessment refuses what does not fit, never with a 5xx (${DATABASE})`, () => {
  it('locates odd places, unknown fingerprints and characters no database keeps', async () => {
    const { app, keys } = t
    const id = (await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('ignored') })).json().id as string
    await app.inject({ method: 'POST', url: `/v1/plans/${id}/deposit`, headers: bearer(keys.coordinator), payload: {} })
    await app.inject({ method: 'POST', url: `/v1/plans/${id}/start-review`, headers: bearer(keys.reviewer), payload: {} })
    const base = { criteria: [], recommendation: 'return', reasons: 'Voir les demandes.', findings: [], requests: [] }
    const cases: Array<[unknown, number, string]> = [
      [{ ...base, requests: [{ id: 'r1', pointer: '/~2/axes', text: 'x' }] }, 422, 'invalid-assessment'],
      [{ ...base, requests: [{ id: 'r1', pointer: '/axes/0/objectives/-', text: 'x' }] }, 422, 'invalid-assessment'],
      [{ ...base, requests: [{ id: 'r1', pointer: '/axes/00', text: 'x' }] }, 422, 'invalid-assessment'],
      [{ ...base, requests: [{ id: 'r1', pointer: 'axes', text: 'x' }] }, 400, 'invalid-request'],
      [{ ...base, findings: [{ fingerprint: 'fp-0123456789abcdef01234567', decision: 'confirm' }] }, 422, 'invalid-assessment'],
      [{ ...base, criteria: [{ criterion: '__proto__', status: 'compliant' }] }, 422, 'invalid-assessment'],
      [{ ...base, reasons: 'Nul\u0000' }, 400, 'invalid-characters'],
      [{ ...base, recommendation: 'maybe' }, 400, 'invalid-request'],
      [{ ...base, extra: true }, 400, 'invalid-request'],
    ]
    for (const [payload, status, code] of cases) {
      const response = await app.inject({ method: 'PUT', url: `/v1/plans/${id}/assessment`, headers: bearer(keys.reviewer), payload: payload as object })
      expect([response.statusCode, response.json().code], JSON.stringify(payload)).toEqual([status, code])
    }
    // A request on the whole plan ("") is a place too.
    const whole = await app.inject({ method: 'PUT', url: `/v1/plans/${id}/assessment`, headers: bearer(keys.reviewer), payload: { ...base, requests: [{ id: 'r1', pointer: '', text: 'Relisez l’ensemble du plan.' }] } })
    expect(whole.statusCode, whole.body).toBe(201)
    const letter = await app.inject({ method: 'GET', url: `/v1/plans/${id}/assessment/letter?format=html`, headers: bearer(keys.reviewer) })
    expect(letter.statusCode).toBe(200)
    expect(letter.body).toContain('Relisez l’ensemble du plan.')
  }, 60_000)
})

import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from './test-support.js'

let t: TestApp
/** The toolkit's workbook of the 2026 plan, for the import operations. */
let workbook: Buffer
const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
beforeAll(async () => {
  t = await testApp()
  const plan = examplePlans.crevale2026()
  workbook = Buffer.from(await planXlsx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })))
}, 60_000)
afterAll(async () => t?.close())

type Call = { method: string; url: string; key?: keyof TestApp['keys']; payload?: unknown; headers?: Record<string, string> }

/** The key made by createApiKey, revoked by revokeApiKey next. */
let createdKeyId = ''

/**
 * One valid request per documented operation, in an order that makes each one possible; `walkDraft` is
 * the id the service gave the plan it created, `previous` the body of the answer before (the comment a
 * thread operation acts on).
 */
function calls(etag: () => string, walkDraft: () => string, previous: () => { id?: string }): Array<[operationId: string, call: () => Call]> {
  const draft = examplePlans.crevale2026()
  const second = examplePlans.crevale2026()
  second.id = 'walk-refused'
  return [
    ['health', () => ({ method: 'GET', url: '/healthz' })],
    ['ready', () => ({ method: 'GET', url: '/readyz' })],
    ['getProblemType', () => ({ method: 'GET', url: '/problems/invalid-plan' })],
    ['listProfiles', () => ({ method: 'GET', url: '/v1/profiles' })],
    ['getProfile', () => ({ method: 'GET', url: '/v1/profiles/lanaudiere-2026' })],
    ['registerProfile', () => ({ method: 'POST', url: '/v1/profiles', key: 'admin', payload: { id: 'autre-region', version: 1, extends: 'generic@1', title: { fr: 'Plan d’une autre région', en: 'Another region’s plan' } } })],
    ['getBlankForm', () => ({ method: 'GET', url: '/v1/profiles/lanaudiere-2026/form' })],
    ['listRuleSets', () => ({ method: 'GET', url: '/v1/rule-sets' })],
    ['registerRuleSet', () => ({ method: 'POST', url: '/v1/rule-sets', key: 'admin', payload: { id: 'autre-region', version: 1, extends: 'generic@1', title: { fr: 'Grille d’une autre région', en: 'Another region’s grid' }, profiles: ['autre-region'], rules: {} } })],
    ['getRuleSet', () => ({ method: 'GET', url: '/v1/rule-sets/autre-region@1' })],
    ['evaluateDocument', () => ({ method: 'POST', url: '/v1/evaluate', payload: examplePlans.crevale2021() })],
    ['createProgramme', () => ({ method: 'POST', url: '/v1/programmes', key: 'admin', payload: { id: 'autre-region', name: 'Démarche d’une autre région', reviewingBody: 'Table régionale', profile: 'autre-region@1', ruleSet: 'autre-region@1' } })],
    ['listProgrammes', () => ({ method: 'GET', url: '/v1/programmes' })],
    ['listChantiers', () => ({ method: 'GET', url: '/v1/chantiers' })],
    ['createChantier', () => ({ method: 'POST', url: '/v1/chantiers', key: 'admin', payload: { id: 'chantier-petite-enfance', name: 'Chantier petite enfance', programmeId: 'demarche-lanaudoise' } })],
    ['listOrganisations', () => ({ method: 'GET', url: '/v1/organisations?q=cegep' })],
    ['createOrganisation', () => ({ method: 'POST', url: '/v1/organisations', key: 'reviewer', payload: { name: 'Éducation Lanaudière' } })],
    ['listApiKeys', () => ({ method: 'GET', url: '/v1/api-keys', key: 'admin' })],
    ['createApiKey', () => ({ method: 'POST', url: '/v1/api-keys', key: 'admin', payload: { role: 'reviewer', label: 'Nouvelle analyste' } })],
    ['revokeApiKey', () => ({ method: 'DELETE', url: `/v1/api-keys/${createdKeyId}`, key: 'admin' })],
    ['listPlans', () => ({ method: 'GET', url: '/v1/plans?status=deposited', key: 'reviewer' })],
    ['createPlan', () => ({ method: 'POST', url: '/v1/plans', key: 'coordinator', payload: { chantierId: 'reussite-educative', document: draft } })],
    ['importPlan', () => ({ method: 'POST', url: '/v1/plans/imports?chantierId=reussite-educative', key: 'coordinator', headers: xlsx, payload: workbook })],
    ['getPlan', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}`, key: 'coordinator' })],
    ['replacePlan', () => ({ method: 'PUT', url: `/v1/plans/${walkDraft()}`, key: 'coordinator', headers: { 'if-match': etag() }, payload: { document: { ...draft, id: walkDraft() } } })],
    [
      'patchPlan',
      () => ({
        method: 'PATCH',
        url: `/v1/plans/${walkDraft()}`,
        key: 'coordinator',
        headers: { 'if-match': etag(), 'content-type': 'application/json-patch+json' },
        payload: JSON.stringify([{ op: 'replace', path: '/metadata/title', value: 'Plan de travail 2026-2028 (révisé)' }]),
      }),
    ],
    ['importPlanVersion', () => ({ method: 'PUT', url: `/v1/plans/${walkDraft()}/import`, key: 'coordinator', headers: { ...xlsx, 'if-match': etag() }, payload: workbook })],
    ['listPlanVersions', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/versions`, key: 'coordinator' })],
    ['getPlanVersion', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/versions/1`, key: 'coordinator' })],
    ['depositPlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/deposit`, key: 'coordinator' })],
    ['startReviewPlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/start-review`, key: 'reviewer' })],
    [
      'putAssessment',
      () => ({
        method: 'PUT',
        url: `/v1/plans/${walkDraft()}/assessment`,
        key: 'reviewer',
        payload: { criteria: [{ criterion: 'budget', status: 'to-clarify', note: 'Le budget de l’an 7 manque.' }], recommendation: 'return', reasons: 'Budget de l’an 7 manquant.', findings: [], requests: [{ id: 'r1', pointer: '/axes/0/objectives/0/rows/0/budget', text: 'Indiquez le budget de l’an 7.' }] },
      }),
    ],
    ['getAssessment', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/assessment`, key: 'reviewer' })],
    ['createComment', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/comments`, key: 'reviewer', payload: { pointer: '/axes/0/objectives/0', body: 'Précisez le budget de l’an 7.' } })],
    ['resolveComment', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/comments/${previous().id}/resolve`, key: 'reviewer' })],
    ['reopenComment', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/comments/${previous().id}/reopen`, key: 'coordinator' })],
    ['listComments', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/comments`, key: 'coordinator' })],
    ['returnPlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/return`, key: 'reviewer', payload: { reason: 'Budget de l’an 7 manquant.' } })],
    ['getAssessmentLetter', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/assessment/letter?format=html`, key: 'coordinator' })],
    ['resubmitPlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/resubmit`, key: 'coordinator' })],
    ['evaluatePlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/evaluations`, key: 'reviewer', payload: { stage: 'submission' } })],
    ['listEvaluations', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/evaluations`, key: 'reviewer' })],
    ['getPlanDocument', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/document?format=markdown`, key: 'reviewer' })],
    ['getPlanReport', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/report?format=html&locale=en-CA`, key: 'reviewer' })],
    ['acceptPlan', () => ({ method: 'POST', url: `/v1/plans/${walkDraft()}/accept`, key: 'reviewer' })],
    ['listPlanTransitions', () => ({ method: 'GET', url: `/v1/plans/${walkDraft()}/transitions`, key: 'coordinator' })],
    ['refusePlan', () => ({ method: 'POST', url: '/v1/plans/crevale-2026-2028/refuse', key: 'reviewer', payload: { reason: 'Exemple de refus.' } })],
    ['listAudit', () => ({ method: 'GET', url: '/v1/audit?limit=10', key: 'admin' })],
  ]
}

/** Requests that fail, one per kind of problem, each checked against what its operation documents. */
function failures(etag2021: string, withErrorsId: () => string): Array<[operationId: string, status: number, call: Call | (() => Call)]> {
  const withErrors = examplePlans.crevale2026()
  withErrors.followUp = []
  return [
    ['getPlan', 404, { method: 'GET', url: '/v1/plans/no-such-plan' }],
    ['getPlan', 304, { method: 'GET', url: '/v1/plans/crevale-2021', headers: { 'if-none-match': etag2021 } }],
    ['listPlans', 400, { method: 'GET', url: '/v1/plans?cursor=bm90aGluZw' }],
    ['createPlan', 400, { method: 'POST', url: '/v1/plans', key: 'coordinator', payload: { chantierId: 'reussite-educative' } }],
    ['createPlan', 201, { method: 'POST', url: '/v1/plans', key: 'coordinator', payload: { chantierId: 'reussite-educative', document: withErrors } }],
    ['depositPlan', 422, () => ({ method: 'POST', url: `/v1/plans/${withErrorsId()}/deposit`, key: 'coordinator' })],
    ['acceptPlan', 409, () => ({ method: 'POST', url: `/v1/plans/${withErrorsId()}/accept`, key: 'reviewer' })],
    ['acceptPlan', 403, () => ({ method: 'POST', url: `/v1/plans/${withErrorsId()}/accept`, key: 'coordinator' })],
    ['replacePlan', 428, () => ({ method: 'PUT', url: `/v1/plans/${withErrorsId()}`, key: 'coordinator', payload: { document: withErrors } })],
    ['replacePlan', 412, () => ({ method: 'PUT', url: `/v1/plans/${withErrorsId()}`, key: 'coordinator', headers: { 'if-match': '"stale"' }, payload: { document: withErrors } })],
    ['createOrganisation', 409, { method: 'POST', url: '/v1/organisations', key: 'reviewer', payload: { name: 'COMITÉ RÉGIONAL POUR LA VALORISATION DE L’ÉDUCATION (CREVALE)' } }],
    ['evaluateDocument', 422, { method: 'POST', url: '/v1/evaluate?ruleSet=no-such-set', payload: {} }],
    ['getPlanDocument', 406, { method: 'GET', url: '/v1/plans/crevale-2021/document', headers: { accept: 'application/json' } }],
    ['listAudit', 403, { method: 'GET', url: '/v1/audit', key: 'reviewer' }],
    ['getAssessment', 404, { method: 'GET', url: '/v1/plans/crevale-2021/assessment', key: 'reviewer' }],
    ['putAssessment', 409, { method: 'PUT', url: '/v1/plans/crevale-2021/assessment', key: 'reviewer', payload: { criteria: [], recommendation: 'accept', reasons: 'Accepté.', findings: [], requests: [] } }],
    ['getAssessmentLetter', 406, { method: 'GET', url: '/v1/plans/crevale-2021/assessment/letter', key: 'reviewer', headers: { accept: 'application/json' } }],
  ]
}

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }

describe(`every documented operation (${DATABASE})`, () => {
  it('answers a valid request with success, and none is left untried; every answer is what the OpenAPI document says', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const operations = new Map<string, { path: string; method: string; operation: Operation }>()
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>))
      for (const [method, operation] of Object.entries(methods)) operations.set(operation.operationId, { path, method, operation })
    // The whole document is one schema resource: its operations' response schemas refer to its components.
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addFormat('binary', true)
    ajv.addSchema(document, 'openapi.json')
    const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

    /** The body must match the schema documented for the operation, the status and the media type. */
    const conforms = (operationId: string, response: Awaited<ReturnType<typeof t.app.inject>>) => {
      const where = `${operationId} ${response.statusCode}`
      const { path, method, operation } = operations.get(operationId)!
      const documented = operation.responses[String(response.statusCode)]
      expect(documented, `${where}: status not documented`).toBeDefined()
      if (!documented!.content) {
        expect(response.body, `${where}: no body documented`).toBe('')
        return
      }
      const mediaType = String(response.headers['content-type']).split(';')[0]!
      expect(Object.keys(documented!.content), `${where}: media type`).toContain(mediaType)
      const validate = ajv.getSchema(`openapi.json#/${pointer('paths', path, method, 'responses', String(response.statusCode), 'content', mediaType, 'schema')}`)!
      const body = /json$/.test(mediaType) ? response.json() : response.body
      expect(validate(body), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
    const send = (call: Call) =>
      t.app.inject({
        method: call.method as 'GET',
        url: call.url,
        headers: { ...(call.key && bearer(t.keys[call.key])), ...call.headers },
        ...(call.payload !== undefined && { payload: call.payload as string }),
      })

    let etag = ''
    // The service names the plans it creates: the later calls use the names it gave.
    let walkDraft = ''
    let previous: { id?: string } = {}
    const table = calls(
      () => etag,
      () => walkDraft,
      () => previous,
    )
    expect(table.map(([id]) => id).sort()).toEqual([...operations.keys()].sort())
    for (const [operationId, make] of table) {
      const response = await send(make())
      expect(response.statusCode, `${operationId}: ${response.body.slice(0, 300)}`).toBeLessThan(300)
      conforms(operationId, response)
      if (response.headers.etag) etag = response.headers.etag as string
      previous = /json/.test(String(response.headers['content-type'])) ? response.json() : {}
      if (operationId === 'createPlan') walkDraft = response.json().id
      if (operationId === 'createApiKey') createdKeyId = response.json().id
    }
    const etag2021 = (await send({ method: 'GET', url: '/v1/plans/crevale-2021' })).headers.etag as string
    let withErrors = ''
    for (const [operationId, status, call] of failures(etag2021, () => withErrors)) {
      const response = await send(typeof call === 'function' ? call() : call)
      if (operationId === 'createPlan' && status === 201) withErrors = response.json().id
      expect(response.statusCode, `${operationId}: ${response.body.slice(0, 300)}`).toBe(status)
      conforms(operationId, response)
    }
  }, 120_000)
})

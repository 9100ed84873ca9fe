import { examplePlans } from '@demarche/domain/examples'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from './test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

type Call = { method: string; url: string; key?: keyof TestApp['keys']; payload?: unknown; headers?: Record<string, string> }

/** One valid request per documented operation, in an order that makes each one possible. */
function calls(etag: () => string): Array<[operationId: string, call: () => Call]> {
  const draft = examplePlans.crevale2026()
  draft.id = 'walk-draft'
  const second = examplePlans.crevale2026()
  second.id = 'walk-refused'
  return [
    ['health', () => ({ method: 'GET', url: '/healthz' })],
    ['ready', () => ({ method: 'GET', url: '/readyz' })],
    ['listProfiles', () => ({ method: 'GET', url: '/v1/profiles' })],
    ['getProfile', () => ({ method: 'GET', url: '/v1/profiles/lanaudiere-2026' })],
    ['listRuleSets', () => ({ method: 'GET', url: '/v1/rule-sets' })],
    ['evaluateDocument', () => ({ method: 'POST', url: '/v1/evaluate', payload: examplePlans.crevale2021() })],
    ['listProgrammes', () => ({ method: 'GET', url: '/v1/programmes' })],
    ['listChantiers', () => ({ method: 'GET', url: '/v1/chantiers' })],
    ['createChantier', () => ({ method: 'POST', url: '/v1/chantiers', key: 'admin', payload: { id: 'chantier-petite-enfance', name: 'Chantier petite enfance', programmeId: 'demarche-lanaudoise' } })],
    ['listOrganisations', () => ({ method: 'GET', url: '/v1/organisations?q=cegep' })],
    ['createOrganisation', () => ({ method: 'POST', url: '/v1/organisations', key: 'reviewer', payload: { name: 'Éducation Lanaudière' } })],
    ['listApiKeys', () => ({ method: 'GET', url: '/v1/api-keys', key: 'admin' })],
    ['createApiKey', () => ({ method: 'POST', url: '/v1/api-keys', key: 'admin', payload: { role: 'reviewer', label: 'Nouvelle analyste' } })],
    ['listPlans', () => ({ method: 'GET', url: '/v1/plans?status=deposited', key: 'reviewer' })],
    ['createPlan', () => ({ method: 'POST', url: '/v1/plans', key: 'coordinator', payload: { chantierId: 'reussite-educative', document: draft } })],
    ['getPlan', () => ({ method: 'GET', url: '/v1/plans/walk-draft', key: 'coordinator' })],
    ['replacePlan', () => ({ method: 'PUT', url: '/v1/plans/walk-draft', key: 'coordinator', headers: { 'if-match': etag() }, payload: { document: draft } })],
    [
      'patchPlan',
      () => ({
        method: 'PATCH',
        url: '/v1/plans/walk-draft',
        key: 'coordinator',
        headers: { 'if-match': etag(), 'content-type': 'application/json-patch+json' },
        payload: JSON.stringify([{ op: 'replace', path: '/metadata/title', value: 'Plan de travail 2026-2028 (révisé)' }]),
      }),
    ],
    ['listPlanVersions', () => ({ method: 'GET', url: '/v1/plans/walk-draft/versions', key: 'coordinator' })],
    ['getPlanVersion', () => ({ method: 'GET', url: '/v1/plans/walk-draft/versions/1', key: 'coordinator' })],
    ['depositPlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/deposit', key: 'coordinator' })],
    ['startReviewPlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/start-review', key: 'reviewer' })],
    ['createComment', () => ({ method: 'POST', url: '/v1/plans/walk-draft/comments', key: 'reviewer', payload: { pointer: '/axes/0/objectives/0', body: 'Précisez le budget de l’an 7.' } })],
    ['listComments', () => ({ method: 'GET', url: '/v1/plans/walk-draft/comments', key: 'coordinator' })],
    ['returnPlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/return', key: 'reviewer', payload: { reason: 'Budget de l’an 7 manquant.' } })],
    ['resubmitPlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/resubmit', key: 'coordinator' })],
    ['evaluatePlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/evaluations', key: 'reviewer', payload: { stage: 'submission' } })],
    ['listEvaluations', () => ({ method: 'GET', url: '/v1/plans/walk-draft/evaluations', key: 'reviewer' })],
    ['getPlanDocument', () => ({ method: 'GET', url: '/v1/plans/walk-draft/document?format=markdown', key: 'reviewer' })],
    ['getPlanReport', () => ({ method: 'GET', url: '/v1/plans/walk-draft/report?format=html&locale=en-CA', key: 'reviewer' })],
    ['acceptPlan', () => ({ method: 'POST', url: '/v1/plans/walk-draft/accept', key: 'reviewer' })],
    ['listPlanTransitions', () => ({ method: 'GET', url: '/v1/plans/walk-draft/transitions' })],
    ['refusePlan', () => ({ method: 'POST', url: '/v1/plans/crevale-2026-2028/refuse', key: 'reviewer', payload: { reason: 'Exemple de refus.' } })],
    ['listAudit', () => ({ method: 'GET', url: '/v1/audit?limit=10', key: 'admin' })],
  ]
}

describe(`every documented operation (${DATABASE})`, () => {
  it('answers a valid request with success, and none is left untried', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const documented = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((path) => Object.values(path).map((operation) => operation.operationId))
    let etag = ''
    const table = calls(() => etag)
    expect(table.map(([id]) => id).sort()).toEqual([...documented].sort())
    for (const [operationId, make] of table) {
      const call = make()
      const response = await t.app.inject({
        method: call.method as 'GET',
        url: call.url,
        headers: { ...(call.key && bearer(t.keys[call.key])), ...call.headers },
        ...(call.payload !== undefined && { payload: call.payload as string }),
      })
      expect(response.statusCode, `${operationId}: ${response.body.slice(0, 300)}`).toBeLessThan(300)
      if (response.headers.etag) etag = response.headers.etag as string
    }
  }, 120_000)
})

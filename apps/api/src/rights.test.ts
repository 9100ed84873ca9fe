// The role × operation table, tested whole: every operation of the served OpenAPI document, called by each
// kind of caller, on an accepted plan and on a draft where the operation concerns a plan. What each call
// must answer is computed from the policy (`policy.ts`), so the test and the table cannot drift apart, and
// an operation the policy has not decided makes the test fail.
import { readFile } from 'node:fs/promises'
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBES, type Principal } from './plugins/auth.js'
import { OFFICE_MEDIA_TYPES } from './routes/imports/import-problem.js'
import { may, OPERATION_ACTIONS, operationTable } from './policy.js'
import { DEMO } from './services/demo.js'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from './test-support.js'

let t: TestApp
/** A workbook the toolkit rendered, for the operations that import an Office file. */
let workbook: Buffer
beforeAll(async () => {
  // The table sends a few hundred requests in a second: the rate limit is not what is tested here.
  t = await testApp({ RATE_LIMIT_PER_MINUTE: '1000000' })
  const plan = examplePlans.crevale2026()
  workbook = Buffer.from(await planXlsx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })))
}, 60_000)
afterAll(async () => t?.close())

type Caller = 'anonymous' | 'bad key' | 'coordinator (plan’s chantier)' | 'coordinator (other chantier)' | 'reviewer' | 'admin'

/** Each caller: its key (none, a key the service never made, one of the test keys) and who it is to the policy. */
function callers(keys: TestApp['keys']): Array<{ caller: Caller; key: string | undefined; principal: Principal | null }> {
  return [
    { caller: 'anonymous', key: undefined, principal: { keyId: null, role: 'anonymous', chantierIds: [] } },
    { caller: 'bad key', key: 'dmk_0000000000000000000000000000000000', principal: null },
    { caller: 'coordinator (other chantier)', key: keys.otherCoordinator, principal: { keyId: 'o', role: 'coordinator', chantierIds: ['another-chantier'] } },
    { caller: 'reviewer', key: keys.reviewer, principal: { keyId: 'r', role: 'reviewer', chantierIds: [] } },
    { caller: 'coordinator (plan’s chantier)', key: keys.coordinator, principal: { keyId: 'c', role: 'coordinator', chantierIds: [DEMO.chantier] } },
    { caller: 'admin', key: keys.admin, principal: { keyId: 'a', role: 'admin', chantierIds: [] } },
  ]
}

type OpenApi = { paths: Record<string, Record<string, { operationId: string; requestBody?: { required?: boolean; content: Record<string, unknown> }; responses: Record<string, unknown> }>> }

let made = 0
/** A valid body (and query) for each operation that takes one: a refusal must be about rights, not the request. */
const REQUESTS: Record<string, (planId: string) => { query?: string; payload?: unknown; headers?: Record<string, string> }> = {
  evaluateDocument: () => ({ payload: examplePlans.crevale2021() }),
  createChantier: () => ({ payload: { name: `Chantier ${++made}`, programmeId: 'demarche-lanaudoise' } }),
  createProgramme: () => ({ payload: { id: `programme-${++made}`, name: `Programme ${made}`, reviewingBody: 'Table régionale', profile: 'generic@1', ruleSet: 'generic@1' } }),
  registerProfile: () => ({ payload: { id: `region-${++made}`, version: 1, extends: 'generic@1', title: { fr: `Région ${made}`, en: `Region ${made}` } } }),
  registerRuleSet: () => ({ payload: { id: `grid-${++made}`, version: 1, extends: 'generic@1', title: { fr: `Grille ${made}`, en: `Grid ${made}` }, rules: { 'row-has-budget': 'off' } } }),
  createOrganisation: () => ({ payload: { name: `Organisme numéro ${++made}` } }),
  createApiKey: () => ({ payload: { role: 'reviewer', label: `Clé ${++made}` } }),
  listAudit: () => ({ query: '?limit=5' }),
  createPlan: () => ({ payload: draftOf('ignored') }),
  importPlan: () => ({ query: `?chantierId=${DEMO.chantier}`, payload: workbook, headers: { 'content-type': OFFICE_MEDIA_TYPES.xlsx } }),
  importPlanVersion: () => ({ payload: workbook, headers: { 'content-type': OFFICE_MEDIA_TYPES.xlsx, 'if-match': '"v0-draft-0"' } }),
  // A stale ETag: the caller who may write gets 412 and nothing is written.
  replacePlan: (planId) => ({ payload: { document: { ...examplePlans.crevale2026(), id: planId } }, headers: { 'if-match': '"v0-draft-0"' } }),
  patchPlan: () => ({ payload: JSON.stringify([{ op: 'replace', path: '/metadata/title', value: 'Titre' }]), headers: { 'if-match': '"v0-draft-0"', 'content-type': 'application/json-patch+json' } }),
  createComment: () => ({ payload: { pointer: '/axes/0', body: 'Précisez l’échéancier.' } }),
  evaluatePlan: () => ({ payload: { stage: 'draft' } }),
  depositPlan: () => ({ payload: {} }),
  startReviewPlan: () => ({ payload: {} }),
  returnPlan: () => ({ payload: { reason: 'À préciser.' } }),
  resubmitPlan: () => ({ payload: {} }),
  acceptPlan: () => ({ payload: {} }),
  refusePlan: () => ({ payload: { reason: 'Hors programme.' } }),
  getPlanDocument: () => ({ query: '?format=markdown' }),
  getPlanReport: () => ({ query: '?format=markdown' }),
  putAssessment: () => ({ payload: { criteria: [], recommendation: 'accept', reasons: 'Rien à demander.', findings: [], requests: [] } }),
  getAssessmentLetter: () => ({ query: '?format=html' }),
}

/**
 * What an allowed caller may still be told: done, or refused by the workflow or the ETag — never 401, 403 or
 * 404, except the 404 `no-assessment` of a plan no reviewer has assessed yet (the plans here have none).
 */
const ALLOWED = [200, 201, 204, 409, 412]
const allowedAnswer = (response: { statusCode: number; json(): { code?: string } }) => ALLOWED.includes(response.statusCode) || (response.statusCode === 404 && response.json().code === 'no-assessment')

describe(`the role × operation table (${DATABASE})`, () => {
  it('is decided for every operation of the OpenAPI document and published in docs/api.md', async () => {
    const document: OpenApi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ operationId: operation.operationId, method, path })))
    expect(operations.length).toBeGreaterThan(30)
    for (const { operationId } of operations) expect(OPERATION_ACTIONS[operationId], `${operationId}: no right decided in OPERATION_ACTIONS`).not.toBeUndefined()
    // And no right decided for an operation that no longer exists.
    expect(Object.keys(OPERATION_ACTIONS).sort()).toEqual(operations.map(({ operationId }) => operationId).sort())
    const docs = await readFile(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    const published = docs.slice(docs.indexOf('<!-- operations:begin -->') + '<!-- operations:begin -->'.length, docs.indexOf('<!-- operations:end -->')).trim()
    expect(published).toBe(operationTable(operations))
  })

  it('answers every operation × caller as the policy says: 401 for a bad key, 404 for a plan the caller may not read, 403 for a right it lacks', async () => {
    const { app, keys } = t
    const document: OpenApi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const who = callers(keys)
    const status = async (planId: string) => (await app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: bearer(keys.admin) })).json().status
    let checked = 0
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, { operationId, requestBody, responses }] of Object.entries(methods)) {
        const action = OPERATION_ACTIONS[operationId]
        if (action === undefined) throw new Error(`${operationId}: no right decided in OPERATION_ACTIONS`)
        const make = REQUESTS[operationId]
        if (requestBody?.required) expect(make, `${operationId}: no valid body in REQUESTS`).toBeDefined()
        // A plan's operations run on an accepted plan (public) and on a draft of its own (not).
        const targets: Array<string | undefined> = path.includes('{planId}') ? ['crevale-2021', await newDraft()] : [undefined]
        for (const planId of targets) {
          for (const { caller, key, principal } of who) {
            const plan = planId ? { chantierId: DEMO.chantier, status: await status(planId) } : undefined
            const { query = '', payload, headers = {} } = make?.(planId ?? '') ?? {}
            // A thread operation acts on a comment of that plan, made for the call.
            const commentId = path.includes('{commentId}')
              ? (await app.inject({ method: 'POST', url: `/v1/plans/${planId}/comments`, headers: bearer(keys.admin), payload: { pointer: '/axes/0', body: 'Fil pour le test des droits.' } })).json().id
              : ''
            // A key to revoke, made for the call.
            const keyId = path.includes('{keyId}') ? (await app.inject({ method: 'POST', url: '/v1/api-keys', headers: bearer(keys.admin), payload: { role: 'reviewer', label: 'À révoquer' } })).json().id : ''
            const url = path.replace('{planId}', planId ?? '').replace('{commentId}', commentId).replace('{keyId}', keyId).replace('{version}', '1').replace('{profileId}', 'lanaudiere-2026').replace('{ruleSetId}', 'generic@1').replace('{code}', 'not-found') + query
            const response = await app.inject({ method: method.toUpperCase() as 'GET', url, headers: { ...(key && bearer(key)), ...headers }, ...(payload !== undefined && { payload: payload as string }) })
            const where = `${caller} ${method.toUpperCase()} ${url} (${action}${plan ? `, ${plan.status}` : ''}): ${response.body.slice(0, 200)}`
            // A client generated from the document must know every answer it can get, a bad key's 401 included.
            expect(Object.keys(responses), `${where}: status not documented`).toContain(String(response.statusCode))
            // Probes answer whoever asks, whatever the key (`PROBES`); every other operation refuses a bad key.
            if (!principal && PROBES.has(path)) expect(response.statusCode, where).toBe(200)
            else if (!principal) expect([response.statusCode, response.json().code], where).toEqual([401, 'unauthorized'])
            else if (action === null) expect(response.statusCode, where).toBe(200)
            else if (operationId === 'listPlans') {
              // The list is never refused: it holds exactly the plans the caller may read.
              expect(response.statusCode, where).toBe(200)
              for (const item of response.json().items) expect(may(principal, 'plan.read', item), `${where}: lists ${item.id}`).toBe(true)
            } else if (plan && !may(principal, 'plan.read', plan)) expect([response.statusCode, response.json().code], where).toEqual([404, 'not-found'])
            else if (!may(principal, action, plan ?? (action === 'plan.create' ? { chantierId: DEMO.chantier } : undefined))) expect([response.statusCode, response.json().code], where).toEqual([403, 'forbidden'])
            else expect(allowedAnswer(response), where).toBe(true)
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300)
  }, 120_000)

  it('keeps the review trail of an accepted plan from anonymous callers and other chantiers, and shows it to the plan’s own', async () => {
    const { app, keys } = t
    for (const trail of ['comments', 'transitions', 'versions', 'versions/1', 'evaluations']) {
      const url = `/v1/plans/crevale-2021/${trail}`
      expect((await app.inject({ method: 'GET', url })).json(), url).toMatchObject({ status: 403, code: 'forbidden' })
      expect((await app.inject({ method: 'GET', url, headers: bearer(keys.otherCoordinator) })).json(), url).toMatchObject({ status: 403, code: 'forbidden' })
      expect((await app.inject({ method: 'GET', url, headers: bearer(keys.coordinator) })).statusCode, url).toBe(200)
    }
    // What stays public: the plan, its documents and its report.
    for (const url of ['/v1/plans/crevale-2021', '/v1/plans/crevale-2021/document?format=markdown', '/v1/plans/crevale-2021/report?format=markdown'])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200)
  })

  it('lets no coordinator of another chantier store an evaluation on a plan it may read, nor create an organisation', async () => {
    const { app, keys } = t
    const evaluation = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2021/evaluations', headers: bearer(keys.otherCoordinator), payload: {} })
    expect(evaluation.json()).toMatchObject({ status: 403, code: 'forbidden' })
    for (const key of [keys.coordinator, keys.otherCoordinator]) {
      const organisation = await app.inject({ method: 'POST', url: '/v1/organisations', headers: bearer(key), payload: { name: 'Organisme d’un coordonnateur' } })
      expect(organisation.json()).toMatchObject({ status: 403, code: 'forbidden' })
    }
  })

  it('tells nothing of a hidden plan to whoever creates one: the service names new plans', async () => {
    const { app, keys } = t
    // A draft of the demo chantier, hidden from the coordinator of another chantier…
    const hidden = await newDraft()
    expect((await app.inject({ method: 'GET', url: `/v1/plans/${hidden}`, headers: bearer(keys.otherCoordinator) })).statusCode).toBe(404)
    // …whose id, asked for by the demo chantier's coordinator, is neither refused nor taken: the new plan
    // gets an id of its own, in its body, its document and Location, and the hidden plan is untouched.
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf(hidden) })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    expect(id).not.toBe(hidden)
    expect(id).toMatch(/^plan-[0-9a-z]{8}$/)
    expect(created.json().document.id).toBe(id)
    expect(created.headers.location).toBe(`/v1/plans/${id}`)
    expect((await app.inject({ method: 'GET', url: `/v1/plans/${hidden}/versions`, headers: bearer(keys.admin) })).json()).toHaveLength(1)
    // The same request twice makes two plans: nothing in the answer depends on the plans that exist.
    const again = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf(hidden) })
    expect(again.statusCode).toBe(201)
    expect(again.json().id).not.toBe(id)
  })
})

/** A new draft of the demo chantier, by its coordinator: its id. */
async function newDraft(): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: draftOf('draft') })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().id
}

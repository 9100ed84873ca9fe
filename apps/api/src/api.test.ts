import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan } from '@demarche/rules'
import { Validator } from '@seriousme/openapi-schema-validator'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from './test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

function draftOf(id: string) {
  const document = examplePlans.crevale2026()
  document.id = id
  return { chantierId: 'reussite-educative', document }
}

describe(`errors are RFC 9457 problems (${DATABASE})`, () => {
  it('404, 405, 401 and 415 with a stable code', async () => {
    const { app } = t
    const unknown = await app.inject({ method: 'GET', url: '/v1/nothing-here' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(unknown.json()).toMatchObject({ status: 404, code: 'not-found', type: expect.stringContaining('not-found') })
    const method = await app.inject({ method: 'DELETE', url: '/v1/plans/crevale-2021' })
    expect(method.statusCode).toBe(405)
    expect(method.headers.allow).toContain('GET')
    expect((await app.inject({ method: 'GET', url: '/v1/plans', headers: bearer('dmk_not-a-key') })).json()).toMatchObject({ status: 401, code: 'unauthorized' })
    const media = await app.inject({ method: 'POST', url: '/v1/plans', headers: { ...bearer(t.keys.coordinator), 'content-type': 'text/plain' }, payload: 'plan' })
    expect(media.json()).toMatchObject({ status: 415, code: 'unsupported-media-type' })
  })

  it('400 lists each problem of an invalid body with a JSON Pointer, in French and English', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: { ...bearer(t.keys.coordinator), 'accept-language': 'fr-CA' }, payload: { chantierId: 'reussite-educative' } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      code: 'invalid-request',
      title: 'La requête ne respecte pas le schéma attendu.',
      errors: [{ in: 'body', pointer: '/document', code: 'required', message: { fr: 'La propriété « document » est obligatoire.', en: 'Property "document" is required.' } }],
    })
  })

  it('422 for a document that is not a valid plan of its profile, located in the body', async () => {
    const body = draftOf('bad-budget')
    ;(body.document.axes[0]!.objectives[0]!.rows[0] as Record<string, unknown>).budget = { raw: 'Total 27-28 1 000$' }
    const response = await t.app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(t.keys.coordinator), payload: body })
    expect(response.statusCode).toBe(422)
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/document/axes/0/objectives/0/rows/0/budget', code: 'stale-notation' })])
  })

  it('413 past the body limit and 429 past the rate limit', async () => {
    const small = await testApp({ BODY_LIMIT_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '3' })
    try {
      const big = await small.app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'x'.repeat(5000) }) })
      expect(big.json()).toMatchObject({ status: 413, code: 'payload-too-large' })
      const codes = []
      for (let i = 0; i < 4; i++) codes.push((await small.app.inject({ method: 'GET', url: '/healthz' })).statusCode)
      expect(codes.slice(0, 2)).toEqual([200, 200])
      const limited = await small.app.inject({ method: 'GET', url: '/v1/plans' })
      expect(limited.statusCode).toBe(429)
      expect(limited.json()).toMatchObject({ code: 'too-many-requests' })
    } finally {
      await small.close()
    }
  }, 60_000)

  it('never answers 5xx to malformed bodies, paths or headers, and always with problem+json', async () => {
    const json = fc.jsonValue({ maxDepth: 3 })
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      path: fc.oneof(
        fc.constantFrom('/v1/plans', '/v1/plans/crevale-2026-2028', '/v1/plans/crevale-2026-2028/comments', '/v1/plans/crevale-2026-2028/return', '/v1/evaluate', '/v1/organisations', '/v1/chantiers'),
        fc.string({ maxLength: 30 }).map((tail) => `/v1/plans/${encodeURIComponent(tail)}`),
      ),
      body: json,
      key: fc.constantFrom(undefined, t.keys.admin, t.keys.coordinator, 'dmk_wrong'),
      ifMatch: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      contentType: fc.constantFrom('application/json', 'application/json-patch+json', 'text/plain'),
    })
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = { 'content-type': r.contentType }
        if (r.key) headers.authorization = `Bearer ${r.key}`
        if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch.replace(/[^\x20-\x7e]/g, '')
        const response = await t.app.inject({ method: r.method as 'GET', url: r.path, headers, ...(r.method !== 'GET' && { payload: JSON.stringify(r.body) }) })
        expect(response.statusCode, `${r.method} ${r.path}: ${response.body.slice(0, 200)}`).toBeLessThan(500)
        if (response.statusCode >= 400) expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      }),
      { numRuns: 400 },
    )
  }, 120_000)
})

describe(`who may do what (${DATABASE})`, () => {
  it('hides drafts and deposited plans from anonymous callers and other chantiers', async () => {
    const { app, keys } = t
    expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2021' })).statusCode).toBe(200)
    for (const headers of [{}, bearer(keys.otherCoordinator)]) {
      expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028', headers })).statusCode).toBe(404)
      const list = await app.inject({ method: 'GET', url: '/v1/plans', headers })
      expect(list.json().items.map((plan: { id: string }) => plan.id)).toEqual(['crevale-2021'])
      expect((await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/document?format=html', headers })).statusCode).toBe(404)
    }
  })

  it('refuses each forbidden role on each protected operation', async () => {
    const { app, keys } = t
    const cases: Array<[string, string, string, object | undefined, number]> = [
      ['reviewer', 'POST', '/v1/plans', draftOf('by-reviewer'), 403],
      ['otherCoordinator', 'POST', '/v1/plans', draftOf('by-other'), 403],
      ['coordinator', 'POST', '/v1/plans/crevale-2026-2028/accept', {}, 403],
      ['coordinator', 'POST', '/v1/plans/crevale-2026-2028/return', { reason: 'x' }, 403],
      ['reviewer', 'POST', '/v1/plans/crevale-2021/resubmit', {}, 403],
      ['otherCoordinator', 'POST', '/v1/plans/crevale-2026-2028/comments', { pointer: '', body: 'x' }, 404],
      ['reviewer', 'GET', '/v1/api-keys', undefined, 403],
      ['coordinator', 'GET', '/v1/audit', undefined, 403],
      ['reviewer', 'POST', '/v1/chantiers', { name: 'X', programmeId: 'demarche-lanaudoise' }, 403],
      ['anonymous', 'POST', '/v1/plans/crevale-2021/evaluations', {}, 403],
      ['anonymous', 'POST', '/v1/organisations', { name: 'Nouvel organisme' }, 403],
    ]
    for (const [role, method, url, payload, status] of cases) {
      const key = (keys as Record<string, string>)[role]
      const response = await app.inject({ method: method as 'POST', url, headers: key ? bearer(key) : {}, ...(payload && { payload }) })
      expect(response.statusCode, `${role} ${method} ${url}: ${response.body.slice(0, 120)}`).toBe(status)
      expect(response.json().code).toMatch(/forbidden|not-found/)
    }
  })
})

describe(`optimistic concurrency (${DATABASE})`, () => {
  it('lets exactly one of 20 concurrent updates with the same ETag win; the others get 412 and nothing is mixed', async () => {
    const { app, keys } = t
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('concurrent-draft') })
    expect(created.statusCode, created.body).toBe(201)
    const etag = created.headers.etag as string
    const before = await app.inject({ method: 'GET', url: '/v1/plans/concurrent-draft/document?format=markdown', headers: bearer(keys.coordinator) })
    expect(before.body.split('\n')[0]).toBe(`# ${created.json().document.metadata.title}`)
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const document = created.json().document
      document.metadata.title = `Titre numéro ${i}`
      return app.inject({ method: 'PUT', url: '/v1/plans/concurrent-draft', headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document } })
    })
    const responses = await Promise.all(attempts)
    const codes = responses.map((response) => response.statusCode).sort()
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    expect(codes.filter((code) => code === 412)).toHaveLength(19)
    const winner = responses.find((response) => response.statusCode === 200)!.json().document.metadata.title
    const versions = await app.inject({ method: 'GET', url: '/v1/plans/concurrent-draft/versions', headers: bearer(keys.coordinator) })
    expect(versions.json().map((entry: { version: number }) => entry.version)).toEqual([1, 2])
    // Documents are kept per saved state: the one after the update shows the new title.
    const document = await app.inject({ method: 'GET', url: '/v1/plans/concurrent-draft/document?format=markdown', headers: bearer(keys.coordinator) })
    expect(document.body.split('\n')[0]).toBe(`# ${winner}`)
    const second = await app.inject({ method: 'GET', url: '/v1/plans/concurrent-draft/versions/2', headers: bearer(keys.coordinator) })
    expect(second.json().metadata.title).toBe(winner)
    const current = await app.inject({ method: 'GET', url: '/v1/plans/concurrent-draft', headers: bearer(keys.coordinator) })
    expect(current.json().document.metadata.title).toBe(winner)
    expect(current.headers.etag).toMatch(/^"v2-draft-[0-9a-z]+"$/)
    const stale = await app.inject({ method: 'PUT', url: '/v1/plans/concurrent-draft', headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document: current.json().document } })
    expect(stale.json()).toMatchObject({ status: 412, code: 'precondition-failed' })
    const missing = await app.inject({ method: 'PUT', url: '/v1/plans/concurrent-draft', headers: bearer(keys.coordinator), payload: { document: current.json().document } })
    expect(missing.statusCode).toBe(428)
  }, 60_000)

  it('shows every acknowledged write to the next read, with other reads running alongside the writes', async () => {
    const { app, keys } = t
    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: draftOf('read-after-write') })
    let etag = created.headers.etag as string
    const read = () => app.inject({ method: 'GET', url: '/v1/plans/read-after-write', headers: bearer(keys.coordinator) })
    for (let version = 2; version <= 8; version++) {
      const alongside = Array.from({ length: 5 }, read)
      const document = (await read()).json().document
      document.metadata.title = `Version ${version}`
      const written = await app.inject({ method: 'PUT', url: '/v1/plans/read-after-write', headers: { ...bearer(keys.coordinator), 'if-match': etag }, payload: { document } })
      expect(written.statusCode, written.body).toBe(200)
      etag = written.headers.etag as string
      await Promise.all(alongside)
      const after = await read()
      expect(after.headers.etag).toBe(etag)
      expect(after.headers.etag).toMatch(new RegExp(`^"v${version}-draft-`))
      expect(after.json().document.metadata.title).toBe(`Version ${version}`)
    }
    // A client holding the current ETag gets 304 and no body; a stale one gets the plan.
    const unchanged = await app.inject({ method: 'GET', url: '/v1/plans/read-after-write', headers: { ...bearer(keys.coordinator), 'if-none-match': etag } })
    expect([unchanged.statusCode, unchanged.body, unchanged.headers.etag]).toEqual([304, '', etag])
    const changed = await app.inject({ method: 'GET', url: '/v1/plans/read-after-write', headers: { ...bearer(keys.coordinator), 'if-none-match': created.headers.etag as string } })
    expect(changed.statusCode).toBe(200)
    const deposit = await app.inject({ method: 'POST', url: '/v1/plans/read-after-write/deposit', headers: bearer(keys.coordinator) })
    expect(deposit.statusCode, deposit.body).toBe(200)
    expect((await read()).json().status).toBe('deposited')
    // A workflow round trip (under review → returned → resubmitted → under review) comes back to the same
    // version and status: the ETag still changes, so a client holding the old one gets the plan again.
    const step = (name: string, key: string, payload?: object) => app.inject({ method: 'POST', url: `/v1/plans/read-after-write/${name}`, headers: bearer(key), ...(payload && { payload }) })
    expect((await step('start-review', keys.reviewer)).statusCode).toBe(200)
    const reviewed = await read()
    expect((await step('return', keys.reviewer, { reason: 'Préciser le budget.' })).statusCode).toBe(200)
    expect((await step('resubmit', keys.coordinator)).statusCode).toBe(200)
    expect((await step('start-review', keys.reviewer)).statusCode).toBe(200)
    const again = await app.inject({ method: 'GET', url: '/v1/plans/read-after-write', headers: { ...bearer(keys.coordinator), 'if-none-match': reviewed.headers.etag as string } })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'under_review', version: reviewed.json().version })
    expect(again.headers.etag).not.toBe(reviewed.headers.etag)
  }, 60_000)

  it('refuses to deposit a plan whose submission evaluation has errors, with the report', async () => {
    const { app, keys } = t
    const body = draftOf('draft-with-errors')
    body.document.followUp = []
    expect((await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(keys.coordinator), payload: body })).statusCode).toBe(201)
    const deposit = await app.inject({ method: 'POST', url: '/v1/plans/draft-with-errors/deposit', headers: bearer(keys.coordinator) })
    expect(deposit.statusCode).toBe(422)
    expect(deposit.json()).toMatchObject({ code: 'submission-has-errors', report: { summary: { errors: 1 } } })
    const audit = await app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(keys.admin) })
    expect(audit.json().some((entry: { action: string; target: string }) => entry.action === 'plan.create' && entry.target === 'plans/draft-with-errors')).toBe(true)
  })
})

describe(`reference data and evaluation (${DATABASE})`, () => {
  it('finds organisations whatever the case and accents, and refuses the same one twice', async () => {
    const { app, keys } = t
    const found = await app.inject({ method: 'GET', url: '/v1/organisations?q=creVALE' })
    expect(found.json().map((organisation: { acronym: string | null }) => organisation.acronym)).toContain('CREVALE')
    expect((await app.inject({ method: 'GET', url: '/v1/organisations?q=centre%20de%20services%20scolaire%20des%20samares' })).json()).toHaveLength(1)
    const duplicate = await app.inject({ method: 'POST', url: '/v1/organisations', headers: bearer(keys.reviewer), payload: { name: 'COMITÉ RÉGIONAL POUR LA VALORISATION DE L’ÉDUCATION (CREVALE)' } })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().existing.acronym).toBe('CREVALE')
  })

  it('evaluates any JSON statelessly', async () => {
    const { app } = t
    const report = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: examplePlans.crevale2021() })
    expect(report.json()).toMatchObject({ score: 76.1, ruleSet: { id: 'lanaudiere-2021' } })
    const garbage = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { hello: 'world' } })
    expect(garbage.json()).toMatchObject({ valid: false, score: 0 })
    const draft = await app.inject({ method: 'POST', url: '/v1/evaluate?stage=draft', payload: examplePlans.crevale2021() })
    expect(draft.json().summary.errors).toBe(0)
  })

  it('sends a report already made for the same body and options again, byte for byte, and says so', async () => {
    const { app } = t
    const body = JSON.stringify({ ...examplePlans.crevale2026(), id: 'cache-probe' })
    const evaluate = (url: string, payload: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload })
    const first = await evaluate('/v1/evaluate', body)
    const again = await evaluate('/v1/evaluate', body)
    expect([first.headers['cache-status'], again.headers['cache-status']]).toEqual(['demarche-api; fwd=miss; stored', 'demarche-api; hit'])
    expect(again.body).toBe(first.body)
    expect(first.json()).toEqual(evaluatePlan(JSON.parse(body)))
    // Other options, or one changed character, are other evaluations.
    const draft = await evaluate('/v1/evaluate?stage=draft', body)
    expect(draft.headers['cache-status']).toContain('miss')
    expect(draft.json().stage).toBe('draft')
    const changed = await evaluate('/v1/evaluate', body.replace('cache-probe', 'cache-probf'))
    expect(changed.headers['cache-status']).toContain('miss')
    expect(changed.json().plan.id).toBe('cache-probf')
    // The body is still parsed as JSON is everywhere else: malformed text and prototype poisoning are refused.
    for (const bad of ['{"id":', '{"__proto__":{"polluted":true}}']) {
      const refused = await evaluate('/v1/evaluate', bad)
      expect(refused.statusCode).toBe(400)
      expect(refused.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('lists profiles and rule sets, and answers /healthz and /readyz', async () => {
    const { app } = t
    expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).json().map((profile: { id: string }) => profile.id)).toContain('lanaudiere-2026')
    expect((await app.inject({ method: 'GET', url: '/v1/rule-sets' })).json().map((set: { id: string }) => set.id)).toEqual(['lanaudiere-2026', 'lanaudiere-2021', 'generic'])
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' })
  })
})

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document with named components and an operation id everywhere', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['PlanDocument', 'Plan', 'Problem', 'Evaluation']))
    expect(JSON.stringify(document)).not.toContain('def-0')
    expect(document.components.schemas.CreatePlan.examples[0].document.participants.entries).toHaveLength(35)
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>).flatMap((path) => Object.values(path))
    expect(operations.length).toBeGreaterThan(25)
    for (const operation of operations) expect(operation.operationId).toBeTruthy()
  })
})

import { builtinProfiles, findProfile } from '@demarche/domain'
import { builtinRuleSets, createRulesEngine, evaluatePlan, ruleSetKey } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Database } from '../db/client.js'
import { auditLog } from '../db/schema/index.js'
import { forbidden, notFound } from '../errors.js'
import { problems } from '../schemas.js'
import type { CatalogService } from '../services/catalog.js'
import { iso } from '../services/plans.js'
import { desc } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { BoundedCache } from '../bounded-cache.js'

/** Reference data, the stateless evaluation, API keys and the audit log. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService; db: Database }> = async (app, { catalog, db }) => {
  const engine = createRulesEngine()

  app.get('/profiles', { schema: { operationId: 'listProfiles', tags: ['reference'], summary: 'Form editions (profiles)', response: { 200: Type.Array(Type.Ref('Profile')), ...problems(429) } } }, async () => [...builtinProfiles])
  app.get(
    '/profiles/:profileId',
    { schema: { operationId: 'getProfile', tags: ['reference'], summary: 'One form edition', params: Type.Object({ profileId: Type.String({ maxLength: 64 }) }), response: { 200: Type.Ref('Profile'), ...problems(404, 429) } } },
    async (request) => findProfile(request.params.profileId) ?? Promise.reject(notFound('Profile')),
  )
  app.get(
    '/rule-sets',
    { schema: { operationId: 'listRuleSets', tags: ['reference'], summary: 'Rule sets with their criteria and rules', response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })), ...problems(429) } } },
    async () =>
      builtinRuleSets.map((definition) => {
        const resolved = engine.resolve(ruleSetKey(definition))
        return {
          id: resolved.id,
          version: resolved.version,
          title: resolved.title,
          profiles: resolved.profiles,
          criteria: resolved.criteria,
          rules: resolved.rules.map((config) => ({ id: config.rule.id, criterion: config.rule.meta.criterion, severity: config.severity, draft: config.draft, docs: config.rule.meta.docs })),
        }
      }),
  )

  await app.register(statelessEvaluation)

  app.get('/programmes', { schema: { operationId: 'listProgrammes', tags: ['reference'], summary: 'Programmes (Démarches)', response: { 200: Type.Array(Type.Ref('Programme')), ...problems(429) } } }, async () => catalog.programmes())
  app.get('/chantiers', { schema: { operationId: 'listChantiers', tags: ['reference'], summary: 'Chantiers', response: { 200: Type.Array(Type.Ref('Chantier')), ...problems(429) } } }, async () => catalog.chantiers())
  app.post(
    '/chantiers',
    { schema: { operationId: 'createChantier', tags: ['reference'], summary: 'Create a chantier (admin)', body: Type.Ref('CreateChantier'), response: { 201: Type.Ref('Chantier'), ...problems(400, 401, 403, 409, 415, 422, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createChantier(request.principal, request.body as { name: string; programmeId: string })),
  )
  app.get(
    '/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        tags: ['reference'],
        summary: 'Organisations, searched by name ignoring case and accents',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Array(Type.Ref('Organisation')), ...problems(400, 429) },
      },
    },
    async (request) => catalog.organisations(request.query.q, request.query.limit),
  )
  app.post(
    '/organisations',
    { schema: { operationId: 'createOrganisation', tags: ['reference'], summary: 'Create an organisation (409 when it exists under another spelling)', body: Type.Ref('CreateOrganisation'), response: { 201: Type.Ref('Organisation'), ...problems(400, 401, 403, 409, 415, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createOrganisation(request.principal, request.body as { name: string })),
  )

  app.get('/api-keys', { schema: { operationId: 'listApiKeys', tags: ['access'], summary: 'API keys (admin)', response: { 200: Type.Array(Type.Ref('ApiKey')), ...problems(401, 403, 429) } } }, async (request) => catalog.keys(request.principal))
  app.post(
    '/api-keys',
    { schema: { operationId: 'createApiKey', tags: ['access'], summary: 'Create an API key (admin); the key is shown once', body: Type.Ref('CreateApiKey'), response: { 201: Type.Ref('ApiKey'), ...problems(400, 401, 403, 415, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createKey(request.principal, request.body as { role: 'admin'; label: string })),
  )

  app.get(
    '/audit',
    {
      schema: {
        operationId: 'listAudit',
        tags: ['access'],
        summary: 'Audit log of every write (admin)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
        response: { 200: Type.Array(Type.Ref('AuditEntry')), ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => {
      if (request.principal.role !== 'admin') throw forbidden()
      const rows = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(request.query.limit)
      return rows.map((row) => ({ ...row, at: iso(row.at) }))
    },
  )
}

/**
 * POST /evaluate keeps the reports it made by the SHA-256 of the request body and the options: an
 * evaluation is a pure function of the document, the rule set and the stage (the engine and its rule
 * sets do not change while the process runs), and editors and CI jobs send the same document again and
 * again. The body is read as bytes, so that a report already made is sent without decoding or parsing
 * the document; `Cache-Status` (RFC 9211) says which happened.
 */
const statelessEvaluation: FastifyPluginAsyncTypebox = async (app) => {
  const reports = new BoundedCache(32 * 1024 * 1024)
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
  app.post(
    '/evaluate',
    {
      schema: {
        operationId: 'evaluateDocument',
        tags: ['evaluations'],
        summary: 'Evaluate any plan document without storing it',
        description: 'The same document with the same options gives the same report; a report already made is sent again (header `Cache-Status: demarche-api; hit`).',
        querystring: Type.Ref('EvaluateRequest'),
        body: Type.Unknown({ description: 'A plan document (any JSON is accepted; shape problems become findings)' }),
        response: { 200: Type.Ref('EvaluationReport'), ...problems(400, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const query = request.query as { ruleSet?: string; stage?: 'draft' | 'submission' }
      const options = { ...(query.ruleSet && { ruleSet: query.ruleSet }), ...(query.stage && { stage: query.stage }) }
      // Other JSON media types (application/json-patch+json) arrive parsed by the app's own parsers.
      if (!Buffer.isBuffer(request.body)) return evaluatePlan(request.body, options)
      const bytes = request.body
      const key = `${createHash('sha256').update(bytes).digest('base64url')}\u0000${query.ruleSet ?? ''}\u0000${query.stage ?? ''}`
      let report = reports.get(key)
      if (report === undefined) {
        const document = await new Promise<unknown>((resolve, reject) => parseJson(request, bytes.toString('utf8'), (error, value) => (error ? reject(error) : resolve(value))))
        report = Buffer.from(reply.serializeInput(evaluatePlan(document, options) as unknown as Record<string, unknown>, '200') as string)
        reports.set(key, report)
        reply.header('cache-status', 'demarche-api; fwd=miss; stored')
      } else reply.header('cache-status', 'demarche-api; hit')
      return reply.type('application/json; charset=utf-8').send(report)
    },
  )
}

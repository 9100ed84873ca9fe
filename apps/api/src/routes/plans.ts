import type { PlanDocument } from '@demarche/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Operation } from 'fast-json-patch'
import Type from 'typebox'
import { BoundedCache } from '../bounded-cache.js'
import type { evaluations } from '../db/schema/index.js'
import { problems } from '../schemas.js'
import { etagOf, iso, type PlansService, resourceOf, savedStateKey, summaryOf } from '../services/plans.js'
import { PLAN_STATUSES, TRANSITIONS, type TransitionName } from '../workflow.js'

const Params = Type.Object({ planId: Type.String({ maxLength: 64 }) })

/** Plans: drafts, reads, lists, optimistic updates, JSON Patch, versions, workflow, comments, evaluations. */
export const planRoutes: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  const serialized = new BoundedCache(32 * 1024 * 1024)
  // Workflow steps and evaluations take an optional body: an empty request means "no options".
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {}
  })

  app.get(
    '/',
    {
      schema: {
        operationId: 'listPlans',
        tags: ['plans'],
        summary: 'List plans (cursor pagination)',
        querystring: Type.Object({
          chantierId: Type.Optional(Type.String({ maxLength: 64 })),
          programmeId: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(Type.Union(PLAN_STATUSES.map((status) => Type.Literal(status)))),
          firstYear: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
          lastYear: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: Type.Ref('PlanList'), ...problems(400, 401, 429) },
      },
    },
    async (request) => plans.list(request.principal, request.query),
  )

  app.post(
    '/',
    { schema: { operationId: 'createPlan', tags: ['plans'], summary: 'Create a draft plan', body: Type.Ref('CreatePlan'), response: { 201: Type.Ref('Plan'), ...problems(400, 401, 403, 409, 413, 415, 422, 429) } } },
    async (request, reply) => {
      const body = request.body as { chantierId: string; document: PlanDocument }
      const row = await plans.create(request.principal, body.chantierId, body.document)
      return reply.code(201).header('etag', etagOf(row)).header('location', `/v1/plans/${row.id}`).send(resourceOf(row))
    },
  )

  app.get(
    '/:planId',
    {
      schema: {
        operationId: 'getPlan',
        tags: ['plans'],
        summary: 'Read a plan',
        description: 'With `If-None-Match` set to the ETag already held, answers 304 without a body when the plan has not changed.',
        params: Params,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String()) }),
        response: { 200: Type.Ref('Plan'), 304: Type.Null({ description: 'Not modified: the ETag sent is the current one.' }), ...problems(401, 404, 429) },
      },
    },
    async (request, reply) => {
      // A saved state never changes: its JSON is kept by id, version and status, and only the summary is read.
      const head = await plans.head(request.principal, request.params.planId)
      const etag = etagOf(head)
      reply.header('etag', etag)
      if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send(null)
      const key = savedStateKey(head)
      let body = serialized.get(key)
      if (body === undefined) {
        body = Buffer.from(JSON.stringify(resourceOf(await plans.get(request.principal, head.id))))
        serialized.set(key, body)
      }
      return reply.type('application/json; charset=utf-8').send(body)
    },
  )

  app.put(
    '/:planId',
    {
      schema: {
        operationId: 'replacePlan',
        tags: ['plans'],
        summary: 'Save a new state of a plan (If-Match required)',
        params: Params,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: Type.Ref('ReplacePlan'),
        response: { 200: Type.Ref('Plan'), ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body as { document: PlanDocument }
      const row = await plans.replace(request.principal, request.params.planId, body.document, request.headers['if-match'])
      return reply.header('etag', etagOf(row)).send(resourceOf(row))
    },
  )

  app.patch(
    '/:planId',
    {
      schema: {
        operationId: 'patchPlan',
        tags: ['plans'],
        summary: 'Apply a JSON Patch (RFC 6902) to a plan (If-Match required)',
        params: Params,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: Type.Ref('JsonPatch'),
        response: { 200: Type.Ref('Plan'), ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429) },
      },
    },
    async (request, reply) => {
      const row = await plans.patch(request.principal, request.params.planId, request.body as Operation[], request.headers['if-match'])
      return reply.header('etag', etagOf(row)).send(resourceOf(row))
    },
  )

  app.get(
    '/:planId/versions',
    { schema: { operationId: 'listPlanVersions', tags: ['plans'], summary: 'Every saved state of a plan', params: Params, response: { 200: Type.Array(Type.Ref('PlanVersion')), ...problems(401, 404, 429) } } },
    async (request) => plans.versions(request.principal, request.params.planId),
  )

  app.get(
    '/:planId/versions/:version',
    {
      schema: {
        operationId: 'getPlanVersion',
        tags: ['plans'],
        summary: 'One saved state of a plan',
        params: Type.Object({ planId: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Ref('PlanDocument'), ...problems(400, 401, 404, 429) },
      },
    },
    async (request) => plans.version(request.principal, request.params.planId, request.params.version),
  )

  for (const name of TRANSITIONS) {
    app.post(
      `/:planId/${name.replace('_', '-')}`,
      {
        schema: {
          operationId: `${camel(name)}Plan`,
          tags: ['workflow'],
          summary: `Workflow: ${name.replace('_', ' ')}`,
          params: Params,
          body: Type.Ref('TransitionRequest'),
          response: { 200: Type.Ref('PlanSummary'), ...problems(400, 401, 403, 404, 409, 412, 415, 422, 429) },
        },
      },
      async (request, reply) => {
        const { row } = await plans.transition(request.principal, request.params.planId, name as TransitionName, (request.body as { reason?: string } | undefined)?.reason)
        return reply.header('etag', etagOf(row)).send(summaryOf(row))
      },
    )
  }

  app.get(
    '/:planId/transitions',
    { schema: { operationId: 'listPlanTransitions', tags: ['workflow'], summary: 'Who moved the plan, when, from where to where', params: Params, response: { 200: Type.Array(Type.Ref('TransitionRecord')), ...problems(401, 404, 429) } } },
    async (request) => plans.history(request.principal, request.params.planId),
  )

  app.get(
    '/:planId/comments',
    { schema: { operationId: 'listComments', tags: ['workflow'], summary: 'Comments anchored to places of the plan', params: Params, response: { 200: Type.Array(Type.Ref('Comment')), ...problems(401, 404, 429) } } },
    async (request) => plans.comments(request.principal, request.params.planId),
  )

  app.post(
    '/:planId/comments',
    { schema: { operationId: 'createComment', tags: ['workflow'], summary: 'Comment on a place of the plan (JSON Pointer)', params: Params, body: Type.Ref('CreateComment'), response: { 201: Type.Ref('Comment'), ...problems(400, 401, 403, 404, 415, 429) } } },
    async (request, reply) => {
      const body = request.body as { pointer: string; body: string }
      return reply.code(201).send(await plans.comment(request.principal, request.params.planId, body.pointer, body.body))
    },
  )

  app.get(
    '/:planId/evaluations',
    { schema: { operationId: 'listEvaluations', tags: ['evaluations'], summary: 'Stored evaluations of a plan', params: Params, response: { 200: Type.Array(Type.Ref('Evaluation')), ...problems(401, 404, 429) } } },
    async (request) => (await plans.evaluations(request.principal, request.params.planId)).map(evaluationOf),
  )

  app.post(
    '/:planId/evaluations',
    {
      schema: {
        operationId: 'evaluatePlan',
        tags: ['evaluations'],
        summary: 'Evaluate a plan and store the report with its rule set version',
        params: Params,
        body: Type.Ref('EvaluateRequest'),
        response: { 201: Type.Ref('Evaluation'), ...problems(400, 401, 403, 404, 415, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(evaluationOf(await plans.evaluate(request.principal, request.params.planId, (request.body ?? {}) as { ruleSet?: string; stage?: 'draft' | 'submission' }))),
  )
}

export function evaluationOf(row: typeof evaluations.$inferSelect) {
  return { id: row.id, planId: row.planId, version: row.version, ruleSet: `${row.ruleSetId}@${row.ruleSetVersion}`, stage: row.stage, score: row.score, createdAt: iso(row.createdAt), report: row.report }
}

function camel(name: string): string {
  return name.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())
}

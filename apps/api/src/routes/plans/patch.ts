import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { JsonPatch, Plan, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const patchPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.patch(
    '/:planId',
    {
      schema: {
        operationId: 'patchPlan',
        tags: ['plans'],
        summary: 'Apply a JSON Patch (RFC 6902) to a plan (If-Match required)',
        params: PlanParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: JsonPatch,
        response: { 200: Plan, ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429) },
      },
    },
    async (request, reply) => {
      const row = await plans.patch(request.principal, request.params.planId, request.body, request.headers['if-match'])
      return reply.header('etag', etagOf(row)).send(resourceOf(row, plans.registry.profiles()))
    },
  )
}

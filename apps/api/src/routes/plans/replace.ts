import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { Plan, ReplacePlan, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const replacePlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.put(
    '/:planId',
    {
      schema: {
        operationId: 'replacePlan',
        tags: ['plans'],
        summary: 'Save a new state of a plan (If-Match required)',
        params: PlanParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: ReplacePlan,
        response: { 200: Plan, ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429) },
      },
    },
    async (request, reply) => {
      const row = await plans.replace(request.principal, request.params.planId, request.body.document, request.headers['if-match'])
      return reply.header('etag', etagOf(row)).send(resourceOf(row, plans.registry.profiles()))
    },
  )
}

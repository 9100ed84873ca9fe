import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { PlanDocument, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const getPlanVersion: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '/:planId/versions/:version',
    {
      schema: {
        operationId: 'getPlanVersion',
        tags: ['plans'],
        summary: 'One saved state of a plan',
        params: Type.Object({ planId: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: PlanDocument, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request) => plans.version(request.principal, request.params.planId, request.params.version),
  )
}

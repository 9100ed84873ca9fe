import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { versionOf } from '../../presenters/index.js'
import { PlanVersion, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const listPlanVersions: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '/:planId/versions',
    { schema: { operationId: 'listPlanVersions', tags: ['plans'], summary: 'Every saved state of a plan', params: PlanParams, response: { 200: Type.Array(PlanVersion), ...problems(401, 403, 404, 429) } } },
    async (request) => (await plans.versions(request.principal, request.params.planId)).map(versionOf),
  )
}

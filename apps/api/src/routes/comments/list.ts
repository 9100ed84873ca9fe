import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { commentOf } from '../../presenters/index.js'
import { Comment, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const listComments: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '/:planId/comments',
    { schema: { operationId: 'listComments', tags: ['workflow'], summary: 'Comments anchored to places of the plan', params: PlanParams, response: { 200: Type.Array(Comment), ...problems(401, 403, 404, 429) } } },
    async (request) => (await plans.comments(request.principal, request.params.planId)).map(commentOf),
  )
}

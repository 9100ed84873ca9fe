import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { commentOf } from '../../presenters/index.js'
import { Comment, CreateComment, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const createComment: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.post(
    '/:planId/comments',
    { schema: { operationId: 'createComment', tags: ['workflow'], summary: 'Comment on a place of the plan (JSON Pointer), or reply in a comment’s thread', params: PlanParams, body: CreateComment, response: { 201: Comment, ...problems(400, 401, 403, 404, 415, 422, 429) } } },
    async (request, reply) => {
      return reply.code(201).send(commentOf(await plans.comment(request.principal, request.params.planId, request.body)))
    },
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { commentOf } from '../../presenters/index.js'
import { Comment, CommentParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

/** Resolving and reopening a comment's thread: the thread's first comment says whether, who and when. */
export const resolveComment: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  for (const [action, resolved, summary] of [
    ['resolve', true, 'Resolve a comment’s thread (who and when are kept)'],
    ['reopen', false, 'Reopen a resolved thread'],
  ] as const)
    app.post(
      `/:planId/comments/:commentId/${action}`,
      { schema: { operationId: `${action}Comment`, tags: ['workflow'], summary, params: CommentParams, response: { 200: Comment, ...problems(401, 403, 404, 429) } } },
      async (request) => commentOf(await plans.resolveComment(request.principal, request.params.planId, request.params.commentId, resolved)),
    )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { transitionOf } from '../../presenters/index.js'
import { TransitionRecord, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const listPlanTransitions: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '/:planId/transitions',
    { schema: { operationId: 'listPlanTransitions', tags: ['workflow'], summary: 'Who moved the plan, when, from where to where', params: PlanParams, response: { 200: Type.Array(TransitionRecord), ...problems(401, 403, 404, 429) } } },
    async (request) => (await plans.history(request.principal, request.params.planId)).map(transitionOf),
  )
}

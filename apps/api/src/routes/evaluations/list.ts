import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { evaluationOf } from '../../presenters/index.js'
import { Evaluation, PlanParams, problems } from '../../schemas.js'
import type { AssessmentsService } from '../../services/assessments.js'
import type { PlansService } from '../../services/plans.js'

export const listEvaluations: FastifyPluginAsyncTypebox<{ plans: PlansService; assessments: AssessmentsService }> = async (app, { plans, assessments }) => {
  app.get(
    '/:planId/evaluations',
    { schema: { operationId: 'listEvaluations', tags: ['evaluations'], summary: 'Stored evaluations of a plan', params: PlanParams, response: { 200: Type.Array(Evaluation), ...problems(401, 403, 404, 429) } } },
    // Each as the reviewer's assessment in force for its version leaves it (dismissed findings out).
    async (request) => assessments.reviewed(request.params.planId, (await plans.evaluations(request.principal, request.params.planId)).map(evaluationOf)),
  )
}

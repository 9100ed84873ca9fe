import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { evaluationOf } from '../../presenters/index.js'
import { EvaluateRequest, Evaluation, PlanParams, problems } from '../../schemas.js'
import type { AssessmentsService } from '../../services/assessments.js'
import type { PlansService } from '../../services/plans.js'

export const evaluatePlan: FastifyPluginAsyncTypebox<{ plans: PlansService; assessments: AssessmentsService }> = async (app, { plans, assessments }) => {
  app.post(
    '/:planId/evaluations',
    {
      schema: {
        operationId: 'evaluatePlan',
        tags: ['evaluations'],
        summary: 'Evaluate a plan and store the report with its rule set version',
        description:
          'Evaluates the plan’s current version with its rule set, French spelling included (rule `spelling`: Hunspell’s French dictionary, the plan’s own words — participants, acronyms, the profile’s vocabulary — known), and stores the report. Findings dismissed by the reviewer’s assessment in force are listed in `dismissed`, out of the report.',
        params: PlanParams,
        body: EvaluateRequest,
        response: { 201: Evaluation, ...problems(400, 401, 403, 404, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const [evaluation] = await assessments.reviewed(request.params.planId, [evaluationOf(await plans.evaluate(request.principal, request.params.planId, request.body ?? {}))])
      return reply.code(201).send(evaluation!)
    },
  )
}

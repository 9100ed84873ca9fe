import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { etagOf, summaryOf } from '../../presenters/index.js'
import { PlanSummary, TransitionRequest, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { TRANSITIONS } from '../../workflow.js'

/** One operation per workflow step (`depositPlan`, `returnPlan`, …): `POST /plans/{id}/<step>`. */
export const transitionPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  for (const name of TRANSITIONS) {
    app.post(
      `/:planId/${name.replace('_', '-')}`,
      {
        schema: {
          operationId: `${camel(name)}Plan`,
          tags: ['workflow'],
          summary: `Workflow: ${name.replace('_', ' ')}`,
          params: PlanParams,
          body: TransitionRequest,
          response: { 200: PlanSummary, ...problems(400, 401, 403, 404, 409, 412, 415, 422, 429, 503) },
        },
      },
      async (request, reply) => {
        const { row } = await plans.transition(request.principal, request.params.planId, name, request.body?.reason)
        return reply.header('etag', etagOf(row)).send(summaryOf(row, plans.registry.profiles()))
      },
    )
  }
}

function camel(name: string): string {
  return name.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())
}

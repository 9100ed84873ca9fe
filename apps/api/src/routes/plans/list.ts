import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { summaryOf } from '../../presenters/index.js'
import { PlanList, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { literals, PLAN_STATUSES } from '../../workflow.js'

export const listPlans: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '',
    {
      schema: {
        operationId: 'listPlans',
        tags: ['plans'],
        summary: 'List plans (cursor pagination)',
        querystring: Type.Object({
          chantierId: Type.Optional(Type.String({ maxLength: 64 })),
          programmeId: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(literals(PLAN_STATUSES)),
          firstYear: Type.Optional(Type.String({ maxLength: 20, description: 'The first year of the plans: « An 6 », 6, a fiscal year (2026-2027) or a calendar year (2026, the fiscal year that starts in it)', examples: ['2026'] })),
          lastYear: Type.Optional(Type.String({ maxLength: 20, description: 'The last year of the plans: « An 7 », 7, a fiscal year (2027-2028) or a calendar year (2028, the fiscal year that ends in it)', examples: ['2028'] })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: { 200: PlanList, ...problems(400, 401, 429) },
      },
    },
    async (request) => {
      const { items, nextCursor } = await plans.list(request.principal, request.query)
      return { items: items.map((row) => summaryOf(row, plans.registry.profiles())), nextCursor }
    },
  )
}

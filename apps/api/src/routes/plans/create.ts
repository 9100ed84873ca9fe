import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { CreatePlan, Plan, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const createPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.post(
    '',
    { schema: { operationId: 'createPlan', tags: ['plans'], summary: 'Create a draft plan; the service assigns its id (in the body, the document and Location)', body: CreatePlan, response: { 201: Plan, ...problems(400, 401, 403, 413, 415, 422, 429) } } },
    async (request, reply) => {
      const row = await plans.create(request.principal, request.body.chantierId, request.body.document)
      return reply.code(201).header('etag', etagOf(row)).header('location', `/v1/plans/${row.id}`).send(resourceOf(row, plans.registry.profiles()))
    },
  )
}

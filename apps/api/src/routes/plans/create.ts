import type { PlanDocument } from '@demarche/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const createPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  app.post(
    '/',
    { schema: { operationId: 'createPlan', tags: ['plans'], summary: 'Create a draft plan', body: Type.Ref('CreatePlan'), response: { 201: Type.Ref('Plan'), ...problems(400, 401, 403, 409, 413, 415, 422, 429) } } },
    async (request, reply) => {
      const body = request.body as { chantierId: string; document: PlanDocument }
      const row = await plans.create(request.principal, body.chantierId, body.document)
      return reply.code(201).header('etag', etagOf(row)).header('location', `/v1/plans/${row.id}`).send(resourceOf(row))
    },
  )
}

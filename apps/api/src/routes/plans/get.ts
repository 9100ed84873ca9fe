import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { BoundedCache } from '../../bounded-cache.js'
import { etagOf, resourceOf, savedStateKey } from '../../presenters/index.js'
import { Plan, PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'

export const getPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  // A saved state never changes: its JSON is kept by id, version, status and update time, so a read of a
  // plan already sent costs its summary only.
  const serialized = new BoundedCache(32 * 1024 * 1024)
  app.get(
    '/:planId',
    {
      schema: {
        operationId: 'getPlan',
        tags: ['plans'],
        summary: 'Read a plan',
        description: 'With `If-None-Match` set to the ETag already held, answers 304 without a body when the plan has not changed.',
        params: PlanParams,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String()) }),
        response: { 200: Plan, 304: Type.Null({ description: 'Not modified: the ETag sent is the current one.' }), ...problems(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const head = await plans.head(request.principal, request.params.planId)
      const etag = etagOf(head)
      reply.header('etag', etag)
      if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send(null)
      const key = savedStateKey(head)
      let body = serialized.get(key)
      if (body === undefined) {
        body = Buffer.from(reply.serializeInput(resourceOf(await plans.get(request.principal, head.id), plans.registry.profiles()), '200') as string)
        serialized.set(key, body)
      }
      // Bytes made by the route's own response serializer, once per saved state.
      return reply.type('application/json; charset=utf-8').send(body as never)
    },
  )
}

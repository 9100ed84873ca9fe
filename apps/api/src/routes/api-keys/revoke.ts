import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Id, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const revokeApiKey: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.delete(
    '/api-keys/:keyId',
    {
      schema: {
        operationId: 'revokeApiKey',
        tags: ['access'],
        summary: 'Revoke an API key (admin); it fails from the next request on, audited',
        params: Type.Object({ keyId: Id }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      await catalog.revokeKey(request.principal, request.params.keyId)
      return reply.code(204).send(null)
    },
  )
}

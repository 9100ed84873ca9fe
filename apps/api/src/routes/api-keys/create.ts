import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ApiKey, CreateApiKey, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const createApiKey: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.post(
    '/api-keys',
    { schema: { operationId: 'createApiKey', tags: ['access'], summary: 'Create an API key (admin); the key is shown once', body: CreateApiKey, response: { 201: ApiKey, ...problems(400, 401, 403, 415, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createKey(request.principal, request.body)),
  )
}

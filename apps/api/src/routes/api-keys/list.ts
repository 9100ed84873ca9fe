import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ApiKey, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const listApiKeys: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get('/api-keys', { schema: { operationId: 'listApiKeys', tags: ['access'], summary: 'API keys (admin)', response: { 200: Type.Array(ApiKey), ...problems(401, 403, 429) } } }, async (request) => catalog.keys(request.principal))
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Programme, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const listProgrammes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get('/programmes', { schema: { operationId: 'listProgrammes', tags: ['reference'], summary: 'Programmes (Démarches)', response: { 200: Type.Array(Programme), ...problems(429) } } }, async () => catalog.programmes())
}

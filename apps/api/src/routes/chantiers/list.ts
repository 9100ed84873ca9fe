import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Chantier, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const listChantiers: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get('/chantiers', { schema: { operationId: 'listChantiers', tags: ['reference'], summary: 'Chantiers', response: { 200: Type.Array(Chantier), ...problems(429) } } }, async () => catalog.chantiers())
}

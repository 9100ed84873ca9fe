import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Organisation, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const listOrganisations: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        tags: ['reference'],
        summary: 'Organisations, searched by name ignoring case and accents',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Array(Organisation), ...problems(400, 429) },
      },
    },
    async (request) => catalog.organisations(request.query.q, request.query.limit),
  )
}

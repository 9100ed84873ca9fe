import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const createChantier: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.post(
    '/chantiers',
    { schema: { operationId: 'createChantier', tags: ['reference'], summary: 'Create a chantier (admin)', body: Type.Ref('CreateChantier'), response: { 201: Type.Ref('Chantier'), ...problems(400, 401, 403, 409, 415, 422, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createChantier(request.principal, request.body as { name: string; programmeId: string })),
  )
}

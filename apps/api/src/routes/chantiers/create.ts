import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Chantier, CreateChantier, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const createChantier: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.post(
    '/chantiers',
    { schema: { operationId: 'createChantier', tags: ['reference'], summary: 'Create a chantier (admin)', body: CreateChantier, response: { 201: Chantier, ...problems(400, 401, 403, 409, 415, 422, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createChantier(request.principal, request.body)),
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { CreateOrganisation, Organisation, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const createOrganisation: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.post(
    '/organisations',
    { schema: { operationId: 'createOrganisation', tags: ['reference'], summary: 'Create an organisation (409 when it exists under another spelling)', body: CreateOrganisation, response: { 201: Organisation, ...problems(400, 401, 403, 409, 415, 429) } } },
    async (request, reply) => reply.code(201).send(await catalog.createOrganisation(request.principal, request.body)),
  )
}

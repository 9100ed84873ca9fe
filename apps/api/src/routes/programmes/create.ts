import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateProgramme, Programme, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const createProgramme: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.post(
    '/programmes',
    {
      schema: {
        operationId: 'createProgramme',
        tags: ['reference'],
        summary: 'Create a programme (admin), naming the profile and rule set of its plans (built-in or registered)',
        body: CreateProgramme,
        response: { 201: Programme, ...problems(400, 401, 403, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => reply.code(201).header('location', `/v1/programmes`).send(await catalog.createProgramme(request.principal, request.body)),
  )
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LIMITS } from '../../limits.js'
import { authorize } from '../../policy.js'
import { ProfileEntry, problems } from '../../schemas.js'
import type { RegistrationsService } from '../../services/registrations.js'
import type { Registry } from '../../services/registry.js'
import { acceptYaml, definitionBody } from './definition-body.js'
import { profileEntry } from './present.js'

/** POST /v1/profiles: an admin registers a profile file (201; the same one again: 200). */
export const registerProfile: FastifyPluginAsyncTypebox<{ registry: Registry; registrations: RegistrationsService }> = async (app, { registry, registrations }) => {
  acceptYaml(app)
  app.post(
    '/profiles',
    {
      bodyLimit: LIMITS.definitionBytes,
      // The right first: nobody else gets a body read, parsed or resolved.
      onRequest: async (request) => authorize(request.principal, 'profile.register'),
      schema: {
        operationId: 'registerProfile',
        tags: ['reference'],
        summary: 'Register a profile (admin): a profile file, with `extends` resolved against the known profiles',
        description:
          'The same `id@version` with the same definition (once `extends` is applied) answers 200 and writes nothing; another definition under a name that ships with the service or is registered answers 409 `profile-version-exists`: a version never changes once registered, used by a plan or not.',
        body: definitionBody('A profile', 'packages/domain/schemas/profile.schema.json (`demarche schema profile`)'),
        response: { 200: ProfileEntry, 201: ProfileEntry, ...problems(400, 401, 403, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { definition, created } = await registrations.registerProfile(request.principal, request.body)
      return reply.code(created ? 201 : 200).header('location', `/v1/profiles/${definition.id}@${definition.version}`).send(profileEntry(registry, definition))
    },
  )
}

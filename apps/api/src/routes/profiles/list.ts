import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProfileEntry, problems } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { profileEntry } from './present.js'

export const listProfiles: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  app.get(
    '/profiles',
    {
      schema: {
        operationId: 'listProfiles',
        tags: ['reference'],
        summary: 'Form editions (profiles): the built-in ones, then the registered ones (`origin`)',
        response: { 200: Type.Array(ProfileEntry), ...problems(429) },
      },
    },
    async () => {
      await registry.sync()
      return registry.profiles().map((profile) => profileEntry(registry, profile))
    },
  )
}

import { parseRef } from '@demarche/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { notFound } from '../../errors.js'
import { ProfileEntry, problems } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { profileEntry } from './present.js'

export const getProfile: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  app.get(
    '/profiles/:profileId',
    {
      schema: {
        operationId: 'getProfile',
        tags: ['reference'],
        summary: 'One form edition, built-in or registered',
        params: Type.Object({ profileId: Type.String({ maxLength: 64, description: '`id` (its latest version) or `id@version`' }) }),
        response: { 200: ProfileEntry, ...problems(404, 429) },
      },
    },
    async (request) => {
      const { id, version } = parseRef(request.params.profileId)
      const profile = await registry.profile(id, version)
      if (!profile) throw notFound('Profil / Profile')
      return profileEntry(registry, profile)
    },
  )
}

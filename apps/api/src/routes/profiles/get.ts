import { findProfile } from '@demarche/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { notFound } from '../../errors.js'
import { Profile, problems } from '../../schemas.js'

export const getProfile: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/profiles/:profileId',
    { schema: { operationId: 'getProfile', tags: ['reference'], summary: 'One form edition', params: Type.Object({ profileId: Type.String({ maxLength: 64 }) }), response: { 200: Profile, ...problems(404, 429) } } },
    async (request) => {
      const profile = findProfile(request.params.profileId)
      if (!profile) throw notFound('Profile')
      return profile
    },
  )
}

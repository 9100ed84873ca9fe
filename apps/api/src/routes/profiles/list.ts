import { builtinProfiles } from '@demarche/domain'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Profile, problems } from '../../schemas.js'

export const listProfiles: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/profiles', { schema: { operationId: 'listProfiles', tags: ['reference'], summary: 'Form editions (profiles)', response: { 200: Type.Array(Profile), ...problems(429) } } }, async () => [...builtinProfiles])
}

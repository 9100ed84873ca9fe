import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { notFound } from '../../errors.js'
import { problems, RuleSetEntry } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { ruleSetEntry } from '../profiles/present.js'

export const getRuleSet: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  app.get(
    '/rule-sets/:ruleSetId',
    {
      schema: {
        operationId: 'getRuleSet',
        tags: ['reference'],
        summary: 'One rule set, built-in or registered, with its extends chain applied',
        params: Type.Object({ ruleSetId: Type.String({ maxLength: 64, description: '`id` (its latest version) or `id@version`' }) }),
        response: { 200: RuleSetEntry, ...problems(404, 429) },
      },
    },
    async (request) => {
      const definition = await registry.ruleSet(request.params.ruleSetId)
      if (!definition) throw notFound('Jeu de règles / Rule set')
      return ruleSetEntry(registry, registry.engine(), definition)
    },
  )
}

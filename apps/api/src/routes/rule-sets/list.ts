import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems, RuleSetEntry } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { ruleSetEntry } from '../profiles/present.js'

export const listRuleSets: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  app.get(
    '/rule-sets',
    {
      schema: {
        operationId: 'listRuleSets',
        tags: ['reference'],
        summary: 'Rule sets with their criteria and rules: the built-in ones, then the registered ones (`origin`)',
        response: { 200: Type.Array(RuleSetEntry), ...problems(429) },
      },
    },
    async () => {
      await registry.sync()
      const engine = registry.engine()
      return registry.ruleSets().map((definition) => ruleSetEntry(registry, engine, definition))
    },
  )
}

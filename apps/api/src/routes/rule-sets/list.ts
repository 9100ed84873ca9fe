import { builtinRuleSets, createRulesEngine, ruleSetKey } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems } from '../../schemas.js'

export const listRuleSets: FastifyPluginAsyncTypebox = async (app) => {
  const engine = createRulesEngine()
  app.get(
    '/rule-sets',
    { schema: { operationId: 'listRuleSets', tags: ['reference'], summary: 'Rule sets with their criteria and rules', response: { 200: Type.Array(Type.Object({}, { additionalProperties: true })), ...problems(429) } } },
    async () =>
      builtinRuleSets.map((definition) => {
        const resolved = engine.resolve(ruleSetKey(definition))
        return {
          id: resolved.id,
          version: resolved.version,
          title: resolved.title,
          profiles: resolved.profiles,
          criteria: resolved.criteria,
          rules: resolved.rules.map((config) => ({ id: config.rule.id, criterion: config.rule.meta.criterion, severity: config.severity, draft: config.draft, docs: config.rule.meta.docs })),
        }
      }),
  )
}

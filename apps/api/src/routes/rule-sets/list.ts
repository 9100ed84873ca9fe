import { builtinRuleSets, createRulesEngine, ruleSetKey, summarizeRuleSet } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems, RuleSetSummary } from '../../schemas.js'

export const listRuleSets: FastifyPluginAsyncTypebox = async (app) => {
  const engine = createRulesEngine()
  app.get(
    '/rule-sets',
    { schema: { operationId: 'listRuleSets', tags: ['reference'], summary: 'Rule sets with their criteria and rules', response: { 200: Type.Array(RuleSetSummary), ...problems(429) } } },
    async () => builtinRuleSets.map((definition) => summarizeRuleSet(engine.resolve(ruleSetKey(definition)))),
  )
}

import { ruleSetKey } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LIMITS } from '../../limits.js'
import { authorize } from '../../policy.js'
import { problems, RuleSetEntry } from '../../schemas.js'
import type { RegistrationsService } from '../../services/registrations.js'
import type { Registry } from '../../services/registry.js'
import { acceptYaml, definitionBody } from '../profiles/definition-body.js'
import { ruleSetEntry } from '../profiles/present.js'

/** POST /v1/rule-sets: an admin registers a rule set file (201; the same one again: 200). */
export const registerRuleSet: FastifyPluginAsyncTypebox<{ registry: Registry; registrations: RegistrationsService }> = async (app, { registry, registrations }) => {
  acceptYaml(app)
  app.post(
    '/rule-sets',
    {
      bodyLimit: LIMITS.definitionBytes,
      onRequest: async (request) => authorize(request.principal, 'rule-set.register'),
      schema: {
        operationId: 'registerRuleSet',
        tags: ['reference'],
        summary: 'Register a rule set (admin): every rule, option and criterion checked, `extends` resolved against the known rule sets',
        description:
          'The same `id@version` with the same definition answers 200 and writes nothing; another definition under a name that ships with the service or is registered answers 409 `rule-set-version-exists`.',
        body: definitionBody('A rule set', 'packages/rules/schemas/rule-set.schema.json (`demarche schema rule-set`)'),
        response: { 200: RuleSetEntry, 201: RuleSetEntry, ...problems(400, 401, 403, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { definition, created } = await registrations.registerRuleSet(request.principal, request.body)
      return reply.code(created ? 201 : 200).header('location', `/v1/rule-sets/${ruleSetKey(definition)}`).send(ruleSetEntry(registry, registry.engine(), definition))
    },
  )
}

import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { BoundedCache } from '../../bounded-cache.js'
import { authorize } from '../../policy.js'
import { EvaluateRequest, problems, Report } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'

/**
 * POST /evaluate keeps the reports it made by the SHA-256 of the request body, the options and the set of
 * registered definitions: an evaluation is a pure function of the document, the rule set, the stage and
 * the profiles and rule sets known (the engine does not change while the process runs, definitions are
 * only ever added), and editors and CI jobs send the same document again and
 * again. The body is read as bytes, so that a report already made is sent without decoding or parsing
 * the document; `Cache-Status` (RFC 9211) says which happened. A new document is parsed, checked and
 * evaluated in the work pool (`workers/`), off the event loop. Registered on its own (encapsulated): its
 * JSON parser keeps the bytes for this route only.
 */
export const evaluateDocument: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  const reports = new BoundedCache(32 * 1024 * 1024)
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
  app.post(
    '/evaluate',
    {
      schema: {
        operationId: 'evaluateDocument',
        tags: ['evaluations'],
        summary: 'Evaluate any plan document without storing it',
        description:
          'The same document with the same options gives the same report; a report already made is sent again (header `Cache-Status: demarche-api; hit`). French spelling (rule `spelling`) is not checked here: this operation is open to anyone and answers from its cache, and a spelling check with suggestions can cost a second; stored evaluations of a plan (`POST /v1/plans/{planId}/evaluations`) and `demarche lint` check it.',
        querystring: EvaluateRequest,
        body: Type.Unknown({ description: 'A plan document (any JSON is accepted; shape problems become findings)' }),
        response: { 200: Report, ...problems(400, 413, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'document.evaluate')
      const query = request.query
      const options = { ...(query.ruleSet && { ruleSet: query.ruleSet }), ...(query.stage && { stage: query.stage }) }
      // No body at all (no content type sent): nothing to evaluate, a bad request rather than a parse of `undefined`.
      if (request.body === undefined) throw Object.assign(new Error('A plan document is required in the body'), { statusCode: 400 })
      // Other JSON media types (application/json-patch+json) arrive parsed by the app's own parsers.
      if (!Buffer.isBuffer(request.body)) {
        const { ruleSet, definitions } = await registry.forPlan(request.body, query.ruleSet)
        return app.work.run({ kind: 'evaluate-plan', plan: JSON.stringify(request.body), options: { ...options, ruleSet }, ...(definitions && { definitions }) })
      }
      // The document is read in the worker, with the asked rule set's definitions only; a document naming a
      // registered profile comes back as `needs` and is sent again with that profile's. A report is kept per
      // set of registered definitions (a profile registered since may change what the same bytes mean).
      const { key: known } = await registry.everything()
      const key = `${createHash('sha256').update(request.body).digest('base64url')}\u0000${query.ruleSet ?? ''}\u0000${query.stage ?? ''}\u0000${known}`
      let report = reports.get(key)
      if (report === undefined) {
        // Parsed, bounded (depth before anything recursive reads it), evaluated and serialized by the
        // route's own serializer in a worker thread, once per new document: the bytes move there and back.
        const { definitions } = await registry.forRuleSet(query.ruleSet)
        let answer = await app.work.run({ kind: 'evaluate-body', body: request.body, options, ask: true, ...(definitions && { definitions }) })
        if ('needs' in answer) {
          const needed = await registry.forPlan({ profile: answer.needs }, query.ruleSet)
          answer = await app.work.run({ kind: 'evaluate-body', body: answer.body!, options, ...(needed.definitions && { definitions: needed.definitions }) })
        }
        if ('needs' in answer) throw new Error('A worker asked twice for definitions')
        const bytes = answer
        report = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        reports.set(key, report)
        reply.header('cache-status', 'demarche-api; fwd=miss; stored')
      } else reply.header('cache-status', 'demarche-api; hit')
      return reply.type('application/json; charset=utf-8').send(report as never)
    },
  )
}

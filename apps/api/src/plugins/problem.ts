import { issuesFromSchemaErrors, type SchemaError } from '@demarche/domain'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'
import type { Problem } from '../schemas.js'

const TYPE = 'https://demarche.example/problems/'

/**
 * Every error leaves as RFC 9457 application/problem+json with a stable code: invalid requests list their
 * issues (JSON Pointer, French and English); unknown routes give 404, known paths with another method 405;
 * a 500 never says what went wrong inside.
 */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) return send(reply, request, { status: error.status, code: error.code, title: error.title, extra: error.extra })
      if (error.validation) {
        const issues = issuesFromSchemaErrors(error.validation as unknown as SchemaError[])
        return send(reply, request, {
          status: 400,
          code: 'invalid-request',
          title: { fr: 'La requête ne respecte pas le schéma attendu.', en: 'The request does not match the expected schema.' },
          extra: { errors: issues.map((issue) => ({ in: error.validationContext ?? 'body', ...issue })) },
        })
      }
      const status = error.statusCode ?? 500
      if (status === 413) return send(reply, request, { status, code: 'payload-too-large', title: { fr: 'Le corps de la requête est trop volumineux.', en: 'The request body is too large.' } })
      if (status === 415) return send(reply, request, { status, code: 'unsupported-media-type', title: { fr: 'Type de contenu non pris en charge : envoyez du JSON.', en: 'Unsupported content type: send JSON.' } })
      if (status === 429) return send(reply, request, { status, code: 'too-many-requests', title: { fr: 'Trop de requêtes : réessayez plus tard.', en: 'Too many requests: try again later.' } })
      if (status === 400) return send(reply, request, { status, code: 'bad-request', title: { fr: 'Requête mal formée.', en: 'Malformed request.' } })
      if (status >= 400 && status < 500) return send(reply, request, { status, code: 'client-error', title: { fr: 'Requête refusée.', en: 'Request refused.' } })
      request.log.error({ err: error }, 'unhandled error')
      return send(reply, request, { status: 500, code: 'internal-error', title: { fr: 'Erreur interne du service.', en: 'Internal service error.' } })
    })

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!
      const allowed = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => method !== request.method && app.findRoute({ url: path, method }) !== null)
      if (allowed.length > 0) {
        void reply.header('allow', allowed.join(', '))
        return send(reply, request, { status: 405, code: 'method-not-allowed', title: { fr: 'Méthode non permise pour cette ressource.', en: 'Method not allowed on this resource.' } })
      }
      return send(reply, request, { status: 404, code: 'not-found', title: { fr: 'Ressource introuvable.', en: 'Resource not found.' } })
    })
  },
  { name: 'problem' },
)

export function send(reply: FastifyReply, request: FastifyRequest, problem: { status: number; code: string; title: { fr: string; en: string }; extra?: Record<string, unknown> }) {
  const french = (request.headers['accept-language'] ?? '').toString().toLowerCase().startsWith('fr')
  const body: Problem = {
    type: `${TYPE}${problem.code}`,
    title: french ? problem.title.fr : problem.title.en,
    title_fr: problem.title.fr,
    status: problem.status,
    code: problem.code,
    instance: request.url.split('?')[0]!,
    requestId: request.id,
    ...problem.extra,
  }
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(body)
}

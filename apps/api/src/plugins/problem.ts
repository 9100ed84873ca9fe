import { DomainError, issuesFromSchemaErrors, type SchemaError } from '@demarche/domain'
import { RuleSetError } from '@demarche/rules'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'
import type { Problem } from '../schemas.js'

/**
 * Problem types are the service's own pages (`GET /problems/{code}`): a relative reference, resolved
 * against the request's address, so the `type` of a problem is a URI of the deployment that sent it.
 */
export const PROBLEM_TYPE_PATH = '/problems/'
const TYPE = PROBLEM_TYPE_PATH

/**
 * The one table from a problem's code to its HTTP status. Services, the domain and the rules engine throw
 * coded errors; only this table decides what the client sees.
 */
export const STATUS = {
  'invalid-request': 400,
  'bad-request': 400,
  'invalid-cursor': 400,
  'invalid-characters': 400,
  'bad-url': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'no-assessment': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'chantier-exists': 409,
  'programme-exists': 409,
  'profile-version-exists': 409,
  'rule-set-version-exists': 409,
  'organisation-exists': 409,
  'not-editable': 409,
  'invalid-transition': 409,
  'not-under-review': 409,
  'precondition-failed': 412,
  'request-timeout': 408,
  'payload-too-large': 413,
  'too-deep': 413,
  'too-many-nodes': 413,
  'string-too-long': 413,
  'patch-too-large': 413,
  'definition-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'invalid-plan': 422,
  'invalid-patch': 422,
  'id-mismatch': 422,
  'unknown-chantier': 422,
  'unreadable-office-file': 422,
  'office-file-too-large': 413,
  'profile-required': 422,
  'unknown-import-profile': 422,
  'unknown-programme': 422,
  'invalid-rule-set': 422,
  'invalid-profile': 422,
  'wrong-profile': 422,
  'invalid-document': 422,
  'submission-has-errors': 422,
  'reason-required': 422,
  'invalid-assessment': 422,
  'precondition-required': 428,
  'too-many-requests': 429,
  'too-many-failed-authentications': 429,
  'headers-too-large': 431,
  'internal-error': 500,
  'not-ready': 503,
  busy: 503,
} as const satisfies Record<string, number>
export type ProblemCode = keyof typeof STATUS

/** Fastify's own errors carry a status and no code of ours: the code for each status they use. */
const CODE_OF_STATUS: Partial<Record<number, ProblemCode>> = { 400: 'bad-request', 413: 'payload-too-large', 415: 'unsupported-media-type', 429: 'too-many-requests' }

const TITLES: Partial<Record<ProblemCode, { fr: string; en: string }>> = {
  'bad-request': { fr: 'Requête mal formée.', en: 'Malformed request.' },
  'payload-too-large': { fr: 'Le corps de la requête est trop volumineux.', en: 'The request body is too large.' },
  'unsupported-media-type': { fr: 'Type de contenu non pris en charge : envoyez du JSON.', en: 'Unsupported content type: send JSON.' },
  'too-many-requests': { fr: 'Trop de requêtes : réessayez plus tard.', en: 'Too many requests: try again later.' },
  'invalid-rule-set': { fr: 'Jeu de règles inconnu ou invalide.', en: 'Unknown or invalid rule set.' },
  'invalid-document': { fr: 'Le document ne peut pas être traité.', en: 'The document cannot be processed.' },
  'internal-error': { fr: 'Erreur interne du service.', en: 'Internal service error.' },
  'bad-url': { fr: 'L’adresse est mal encodée (séquence %XX invalide).', en: 'The URL is badly encoded (invalid %XX sequence).' },
  'uri-too-long': { fr: 'Un paramètre de l’adresse est trop long.', en: 'A parameter of the URL is too long.' },
  'headers-too-large': { fr: 'Les en-têtes de la requête sont trop volumineux.', en: 'The request headers are too large.' },
  'request-timeout': { fr: 'La requête n’est pas arrivée à temps.', en: 'The request did not arrive in time.' },
}

export interface ProblemInput {
  code: ProblemCode
  title: { fr: string; en: string }
  extra?: Record<string, unknown>
}

/** A domain error's code when the table knows it; otherwise the document could not be processed (422). */
function domainProblem(error: DomainError): ProblemInput {
  const code = (error.code in STATUS ? error.code : 'invalid-document') as ProblemCode
  return {
    code,
    title: TITLES[code] ?? TITLES['invalid-document']!,
    extra: { errors: error.issues.map((issue) => ({ in: 'body', pointer: issue.pointer, code: issue.code, message: issue.message })) },
  }
}

/** What the client is told of an error: by its code when it has one of ours, by Fastify's status otherwise. */
export function problemOf(error: FastifyError): ProblemInput | { status: number; code: 'client-error'; title: { fr: string; en: string } } {
  if (error instanceof AppError) return { code: error.code, title: error.title, extra: error.extra }
  if (error instanceof DomainError) return domainProblem(error)
  if (error instanceof RuleSetError)
    return {
      code: 'invalid-rule-set',
      title: TITLES['invalid-rule-set']!,
      extra: { errors: error.problems.map((problem) => ({ in: 'querystring', pointer: '/ruleSet', code: 'invalid-rule-set', message: problem.message })) },
    }
  if (error.validation) {
    const issues = issuesFromSchemaErrors(error.validation as unknown as SchemaError[])
    return {
      code: 'invalid-request',
      title: { fr: 'La requête ne respecte pas le schéma attendu.', en: 'The request does not match the expected schema.' },
      extra: { errors: issues.map((issue) => ({ in: error.validationContext ?? 'body', ...issue })) },
    }
  }
  const status = error.statusCode ?? 500
  const code = CODE_OF_STATUS[status]
  if (code) return { code, title: TITLES[code]! }
  if (status >= 400 && status < 500) return { status, code: 'client-error', title: { fr: 'Requête refusée.', en: 'Request refused.' } }
  return { code: 'internal-error', title: TITLES['internal-error']! }
}

/**
 * Every error leaves as RFC 9457 application/problem+json with a stable code: invalid requests list their
 * issues (JSON Pointer, French and English); unknown routes give 404, known paths with another method 405;
 * a 500 never says what went wrong inside.
 */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = accepting(problemOf(error), request)
      if (problem.code === 'internal-error') request.log.error({ err: error }, 'unhandled error')
      return send(reply, request, problem)
    })

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!
      const allowed = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => method !== request.method && app.findRoute({ url: path, method }) !== null)
      if (allowed.length > 0) {
        void reply.header('allow', allowed.join(', '))
        return send(reply, request, { code: 'method-not-allowed', title: { fr: 'Méthode non permise pour cette ressource.', en: 'Method not allowed on this resource.' } })
      }
      return send(reply, request, { code: 'not-found', title: { fr: 'Ressource introuvable.', en: 'Resource not found.' } })
    })
  },
  { name: 'problem' },
)

/**
 * Fastify's own 415 names what the operation takes when its schema says (`consumes`: the imports take
 * Word and Excel files, not JSON), with the list in `accepted`.
 */
function accepting<Problem extends ReturnType<typeof problemOf>>(problem: Problem, request: FastifyRequest): Problem {
  const consumes = (request.routeOptions.schema as { consumes?: unknown } | undefined)?.consumes
  if (problem.code !== 'unsupported-media-type' || !Array.isArray(consumes) || consumes.length === 0 || 'extra' in problem) return problem
  const list = consumes.join(', ')
  return { ...problem, title: { fr: `Type de contenu non pris en charge : cette opération accepte ${list}.`, en: `Unsupported content type: this operation accepts ${list}.` }, extra: { accepted: consumes } }
}

/** Sends a problem; its status comes from the code (`STATUS`), except for Fastify's unnamed client errors. */
export function send(reply: FastifyReply, request: FastifyRequest, problem: ProblemInput | { status: number; code: 'client-error'; title: { fr: string; en: string }; extra?: Record<string, unknown> }) {
  const status = 'status' in problem ? problem.status : STATUS[problem.code]
  const french = (request.headers['accept-language'] ?? '').toString().toLowerCase().startsWith('fr')
  const body: Problem = {
    type: `${TYPE}${problem.code}`,
    title: french ? problem.title.fr : problem.title.en,
    title_fr: problem.title.fr,
    status,
    code: problem.code,
    instance: request.url.split('?')[0]!,
    requestId: request.id,
    ...problem.extra,
  }
  // `busy`: when to come back (RFC 9110 Retry-After), estimated by the work pool.
  if (problem.code === 'busy' && typeof problem.extra?.retryAfter === 'number') void reply.header('retry-after', String(problem.extra.retryAfter))
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body)
}

/**
 * Fastify's `frameworkErrors`: errors met before a route is found (a URL whose percent-encoding does not
 * decode, a path parameter past `maxParamLength`) leave as problems like every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') return send(reply, request, { code: 'bad-url', title: TITLES['bad-url']! })
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, request, { code: 'uri-too-long', title: TITLES['uri-too-long']! })
  const problem = problemOf(error)
  if (problem.code === 'internal-error') request.log.error({ err: error }, 'framework error')
  return send(reply, request, problem)
}

/**
 * The server's `clientError` handler (Fastify's `clientErrorHandler`): what Node's HTTP parser refuses
 * before there is a request — headers past `maxHeaderSize` (431), a request that does not arrive in time
 * (408), bytes that are not HTTP (400) — is answered with a problem too, written on the socket.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const code: ProblemCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request-timeout' : 'bad-request'
  const title = TITLES[code]!
  const status = STATUS[code]
  const body = JSON.stringify({ type: `${TYPE}${code}`, title: title.en, title_fr: title.fr, status, code })
  const message = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !message?.headersSent)
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  else socket.destroy(error)
}

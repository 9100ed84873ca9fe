import cors from '@fastify/cors'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ChromiumPrinter } from '@demarche/render/pdf'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import type { DatabaseHandle } from './db/client.js'
import { MemoryFailureStore, PostgresFailureStore } from './plugins/auth-failures.js'
import { authPlugin, PROBES } from './plugins/auth.js'
import { checkFiniteParameters, checkJson } from './limits.js'
import { clientErrorHandler, frameworkErrors, problemPlugin } from './plugins/problem.js'
import { v1Routes } from './routes/index.js'
import { health } from './routes/system/health.js'
import { problemType } from './routes/system/problem-type.js'
import { ready } from './routes/system/ready.js'
import { requiresNothing, SERVICE_DESCRIPTION, tidyDocument } from './openapi.js'
import { byReference, problems, SHARED_SCHEMAS } from './schemas.js'
import { planSample } from './warm-up.js'
import { CatalogService } from './services/catalog.js'
import { AssessmentsService } from './services/assessments.js'
import { type Evaluator, PlansService } from './services/plans.js'
import { RegistrationsService } from './services/registrations.js'
import { Registry } from './services/registry.js'
import { Work } from './workers/pool.js'

const REDACTED = ['req.headers.authorization', 'req.headers["x-api-key"]', 'headers.authorization', 'headers["x-api-key"]']
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

export interface AppOptions {
  config: Config
  database: DatabaseHandle
  /** Logger: pino options, or false in tests. */
  logger?: boolean | object
}

/** Builds the service as a Fastify instance; no listen, no environment: the server owns those. */
export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Secrets never reach the logs, whatever serializers a deployment adds.
    logger: logger && typeof logger === 'object' ? { redact: { paths: REDACTED, censor: '[redacted]' }, ...logger } : logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A client's X-Request-Id is kept only when short and plain (it reaches logs and problem bodies).
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers['x-request-id']
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : crypto.randomUUID()
    },
    // Errors before a route is found and errors of the HTTP parser are problems too.
    frameworkErrors,
    clientErrorHandler,
    // strictNumbers: Infinity and NaN (`?limit=Infinity`, `?lastYear=1e309`) are not numbers.
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, strictNumbers: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // JSON only: a text/plain body is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser('application/json-patch+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }), undefined)
    }
  })
  for (const schema of SHARED_SCHEMAS) app.addSchema(byReference(schema, true))
  // Before any route (and before the OpenAPI plugin collects them): named schemas become references.
  app.addHook('onRoute', (route) => {
    if (!route.schema) return
    // Every operation but the probes reads the caller's key and counts requests: a bad key's 401 and the
    // limits' 429 are answers of each, documented here once rather than remembered route by route.
    if (route.schema.response && !PROBES.has(route.url)) route.schema.response = { ...problems(401, 429), ...(route.schema.response as object) }
    route.schema = byReference(route.schema)
  })
  // Responses are serialized by their schema (what the OpenAPI document says is what is sent), with one
  // compiled serializer per schema object, shared by every route that answers with it: the Problem of
  // each error status of each route would otherwise be compiled anew, Report and all.
  const compileSerializer = SerializerSelector()(app.getSchemas(), {})
  const serializers = new WeakMap<object, (data: unknown) => string>()
  let warmUp = (): string | undefined => undefined
  app.setSerializerCompiler((route) => {
    const schema = route.schema as object
    let serializer = serializers.get(schema)
    if (serializer === undefined) {
      serializer = compileSerializer({ ...route, httpStatus: route.httpStatus ?? '200' })
      serializers.set(schema, serializer)
      // Every route answering with a plan shares this one serializer (`byReference` names the schema).
      if ((schema as { $ref?: unknown }).$ref === 'Plan') warmUp = () => serializer?.(planSample())
    }
    return serializer
  })
  app.decorate('warmUp', () => warmUp())

  await app.register(problemPlugin)
  // Every request, before its schema is checked and before any route reads it: one iterative pass over
  // its path parameters, query and parsed body for the bounds of `limits.ts` (depth, values, string
  // length) and for text no database keeps (NUL, lone surrogates). Bodies kept as bytes (POST /evaluate)
  // are checked by their route once parsed.
  app.addHook('preValidation', async (request) => {
    checkJson(request.params, 'params')
    checkJson(request.query, 'querystring')
    if (request.body !== undefined && !Buffer.isBuffer(request.body)) checkJson(request.body, 'body')
  })
  // A body whose schema requires nothing may be left out (a workflow step without a reason): it is read as
  // `{}`, and the OpenAPI document says it is optional (`tidyDocument`), by the same rule.
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema?.body
    if (request.body === undefined && schema !== undefined && requiresNothing(schema, app.getSchemas())) request.body = {}
  })
  app.addHook('preHandler', async (request) => {
    checkFiniteParameters(request.params, 'params')
    checkFiniteParameters(request.query, 'querystring')
  })
  // Helmet's defaults, Content-Security-Policy included, on every response; swagger-ui's page loads only
  // its own scripts and styles (staticCSP), so it works under it.
  await app.register(helmet)
  await app.register(cors, { origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : false })
  await app.register(swagger, {
    openapi: {
      ...SERVICE_DESCRIPTION,
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer dmk_…' } } },
      security: [{ apiKey: [] }, {}],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `Schema${i}`) },
    transformObject: (document) => ('openapiObject' in document ? tidyDocument(document.openapiObject) : document.swaggerObject),
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI writes a <style> element at run time: the docs page alone allows inline styles; its
    // scripts stay limited to its own files (no inline script anywhere).
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  })
  await app.register(authPlugin, {
    db: database.db,
    // On PostgreSQL, instances share the count; on PGlite there is one process by construction (the lock).
    failures: database.kind === 'postgres' ? new PostgresFailureStore(database.db) : new MemoryFailureStore(),
    maxFailures: config.AUTH_FAILURES_PER_MINUTE,
  })
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    allowList: (request) => PROBES.has(request.url.split('?')[0]!),
    timeWindow: '1 minute',
    keyGenerator: (request) => request.principal?.keyId ?? request.ip,
    errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: 429, ttl: context.ttl }),
  })

  // While closing, answers carry "Connection: close" so that keep-alive sockets of in-flight requests end
  // with their response instead of holding the shutdown until their idle timeout.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close')
  })

  let printer: Promise<ChromiumPrinter | undefined> | undefined
  // Without a Chromium the PDFs are still made, by pdfkit; the operator learns why from the log, once.
  const openPrinter = () =>
    (printer ??= import('@demarche/render/pdf')
      .then(({ ChromiumPrinter }) => ChromiumPrinter.open())
      .catch((error: unknown) => {
        app.log.warn({ err: error }, 'Chromium could not be started: PDFs are laid out by pdfkit')
        return undefined
      }))
  app.addHook('onClose', async () => {
    await (await printer)?.close()
  })

  // Evaluations and renders run in worker threads; closing the app lets their tasks finish, then stops them.
  const work = new Work({ threads: config.WORKER_THREADS, queue: config.WORKER_QUEUE })
  app.decorate('work', work)
  app.addHook('onClose', () => work.close())
  // The profiles and rule sets plans may name, built-in and registered; the workers get the registered
  // definitions a task reads with the task itself.
  const registry = new Registry(database.db)
  await registry.refresh()
  // A stored plan is evaluated with French spelling, in every use (stored evaluations, submissions, assessments):
  // the same plan gives the same findings, so a reviewer's decision on a spelling finding holds everywhere.
  const evaluate: Evaluator = async (document, options) => {
    const { ruleSet, definitions } = await registry.forPlan(document, options.ruleSet)
    return work.run({ kind: 'evaluate-plan', plan: JSON.stringify(document), options: { ...options, ruleSet }, spelling: true, ...(definitions && { definitions }) })
  }
  const plans = new PlansService(database.db, registry, { ownsDatabase: database.kind === 'pglite', maxDocumentBytes: config.BODY_LIMIT_BYTES, evaluate })
  const assessments = new AssessmentsService(database.db, plans)
  const catalog = new CatalogService(database.db, registry)
  await app.register(v1Routes, { prefix: '/v1', plans, assessments, catalog, registry, registrations: new RegistrationsService(database.db, registry), printer: openPrinter })
  await app.register(health)
  await app.register(problemType)
  await app.register(ready, { database })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  return app
}

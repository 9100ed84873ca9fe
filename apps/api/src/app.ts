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
import { authPlugin } from './plugins/auth.js'
import { checkFiniteParameters, checkJson } from './limits.js'
import { clientErrorHandler, frameworkErrors, problemPlugin } from './plugins/problem.js'
import { v1Routes } from './routes/index.js'
import { health } from './routes/system/health.js'
import { ready } from './routes/system/ready.js'
import { byReference, SHARED_SCHEMAS } from './schemas.js'
import { CatalogService } from './services/catalog.js'
import { PlansService } from './services/plans.js'
import { Work } from './workers/pool.js'

export interface AppOptions {
  config: Config
  database: DatabaseHandle
  /** Logger: pino options, or false in tests. */
  logger?: boolean | object
}

/** Builds the service as a Fastify instance; no listen, no environment: the server owns those. */
export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
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
    if (route.schema) route.schema = byReference(route.schema)
  })
  // Responses are serialized by their schema (what the OpenAPI document says is what is sent), with one
  // compiled serializer per schema object, shared by every route that answers with it: the Problem of
  // each error status of each route would otherwise be compiled anew, Report and all.
  const compileSerializer = SerializerSelector()(app.getSchemas(), {})
  const serializers = new WeakMap<object, (data: unknown) => string>()
  app.setSerializerCompiler((route) => {
    const schema = route.schema as object
    let serializer = serializers.get(schema)
    if (serializer === undefined) {
      serializer = compileSerializer({ ...route, httpStatus: route.httpStatus ?? '200' })
      serializers.set(schema, serializer)
    }
    return serializer
  })

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
  app.addHook('preHandler', async (request) => {
    checkFiniteParameters(request.params, 'params')
    checkFiniteParameters(request.query, 'querystring')
  })
  await app.register(helmet, { contentSecurityPolicy: false })
  await app.register(cors, { origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : false })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Démarche plans API', version: '0.1.0', description: 'Plans de travail des chantiers régionaux: dépôt, évaluation et documents.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer dmk_…' } } },
      security: [{ apiKey: [] }, {}],
      tags: ['plans', 'workflow', 'evaluations', 'documents', 'reference', 'access', 'system'].map((name) => ({ name })),
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `Schema${i}`) },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  await app.register(authPlugin, { db: database.db })
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
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
  const openPrinter = () => (printer ??= import('@demarche/render/pdf').then(({ ChromiumPrinter }) => ChromiumPrinter.open()).catch(() => undefined))
  app.addHook('onClose', async () => {
    await (await printer)?.close()
  })

  // Evaluations and renders run in worker threads; closing the app lets their tasks finish, then stops them.
  const work = new Work({ threads: config.WORKER_THREADS, queue: config.WORKER_QUEUE })
  app.decorate('work', work)
  app.addHook('onClose', () => work.close())
  const evaluate = (document: unknown, options: { ruleSet?: string; stage?: 'draft' | 'submission' }) => work.run({ kind: 'evaluate-plan', plan: JSON.stringify(document), options })
  const plans = new PlansService(database.db, { ownsDatabase: database.kind === 'pglite', maxDocumentBytes: config.BODY_LIMIT_BYTES, evaluate })
  const catalog = new CatalogService(database.db)
  await app.register(v1Routes, { prefix: '/v1', plans, catalog, printer: openPrinter })
  await app.register(health)
  await app.register(ready, { database })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  return app
}

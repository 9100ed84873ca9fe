import type { PlanDocument } from '@demarche/domain'
import { createContext, planHtml, planMarkdown, reportHtml, reportMarkdown } from '@demarche/render'
import type { ChromiumPrinter } from '@demarche/render/pdf'
import { evaluatePlan } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { BoundedCache } from '../bounded-cache.js'
import { AppError } from '../errors.js'
import { problems } from '../schemas.js'
import { type PlansService, savedStateKey } from '../services/plans.js'

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const
type Format = keyof typeof FORMATS

const Query = Type.Object({
  format: Type.Optional(Type.Union(Object.keys(FORMATS).map((format) => Type.Literal(format)))),
  locale: Type.Optional(Type.Union([Type.Literal('fr-CA'), Type.Literal('en-CA')])),
})

/** The plan and its evaluation report in every format of the render package, by `?format=` or `Accept`. */
export const documentRoutes: FastifyPluginAsyncTypebox<{ plans: PlansService; printer: () => Promise<ChromiumPrinter | undefined> }> = async (app, { plans, printer }) => {
  // A saved state renders to the same bytes every time (the clock is its last update): renders are kept,
  // up to a total size, by plan, version, status, format and locale.
  const rendered = new BoundedCache(64 * 1024 * 1024)
  const binary = Type.String({ format: 'binary' })
  const content = Object.fromEntries(Object.values(FORMATS).map((format) => [format.type.split(';')[0]!, { schema: binary }]))

  app.get(
    '/:planId/document',
    {
      schema: {
        operationId: 'getPlanDocument',
        tags: ['documents'],
        summary: 'The plan as HTML, Markdown, DOCX, PDF or XLSX',
        params: Type.Object({ planId: Type.String({ maxLength: 64 }) }),
        querystring: Query,
        response: { 200: { description: 'The rendered plan', content }, ...problems(401, 404, 406, 429) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, ['html', 'markdown', 'docx', 'pdf', 'xlsx'])
      const locale = request.query.locale ?? 'fr-CA'
      const head = await plans.head(request.principal, request.params.planId)
      const key = savedStateKey(head, format, locale)
      let body = rendered.get(key)
      if (body === undefined) {
        const row = await plans.get(request.principal, head.id)
        const context = createContext(row.document, { locale, clock: () => new Date(row.updatedAt) })
        const output = await renderPlan(row.document, format, context, printer)
        body = typeof output === 'string' ? output : Buffer.from(output)
        rendered.set(key, body)
      }
      return reply.type(FORMATS[format].type).header('content-disposition', `attachment; filename="${head.id}.${FORMATS[format].extension}"`).send(body as never)
    },
  )

  app.get(
    '/:planId/report',
    {
      schema: {
        operationId: 'getPlanReport',
        tags: ['documents'],
        summary: 'The plan’s evaluation report (submission stage) as HTML, Markdown, DOCX or PDF',
        params: Type.Object({ planId: Type.String({ maxLength: 64 }) }),
        querystring: Query,
        response: { 200: { description: 'The rendered report', content }, ...problems(401, 404, 406, 429) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, ['html', 'markdown', 'docx', 'pdf'])
      const row = await plans.get(request.principal, request.params.planId)
      const context = createContext(row.document, { locale: request.query.locale ?? 'fr-CA', clock: () => new Date(row.updatedAt) })
      const input = { report: evaluatePlan(row.document), plan: row.document, planHref: `/v1/plans/${row.id}/document?format=html` }
      let body: string | Uint8Array
      if (format === 'html') body = reportHtml(input, context)
      else if (format === 'markdown') body = reportMarkdown(input, context)
      else if (format === 'docx') body = await (await import('@demarche/render/docx')).reportDocx(input, context)
      else body = await (await import('@demarche/render/pdf')).reportPdf(input, context, await pdfEngine(printer))
      return reply.type(FORMATS[format].type).header('content-disposition', `attachment; filename="${row.id}.report.${FORMATS[format].extension}"`).send((typeof body === 'string' ? body : Buffer.from(body)) as never)
    },
  )
}

async function renderPlan(plan: PlanDocument, format: Format, context: ReturnType<typeof createContext>, printer: () => Promise<ChromiumPrinter | undefined>): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return planHtml(plan, context)
    case 'markdown':
      return planMarkdown(plan, context)
    case 'docx':
      return (await import('@demarche/render/docx')).planDocx(plan, context)
    case 'xlsx':
      return (await import('@demarche/render/xlsx')).planXlsx(plan, context)
    case 'pdf':
      return (await import('@demarche/render/pdf')).planPdf(plan, context, await pdfEngine(printer))
  }
}

/** Chromium when the machine has it, pdfkit otherwise. */
async function pdfEngine(printer: () => Promise<ChromiumPrinter | undefined>) {
  const chromium = await printer()
  return chromium ? { printer: chromium } : { engine: 'pdfkit' as const }
}

/** `?format=` first, then the Accept header; JSON-only clients get HTML. */
function chooseFormat(request: FastifyRequest<{ Querystring: { format?: Format } }>, allowed: readonly Format[]): Format {
  const asked = request.query.format
  if (asked) {
    if (!allowed.includes(asked)) throw notAcceptable(allowed)
    return asked
  }
  const accept = String(request.headers.accept ?? '*/*')
  for (const format of allowed) if (accept.includes(FORMATS[format].type.split(';')[0]!)) return format
  if (accept.includes('*/*') || accept.includes('text/*')) return 'html'
  throw notAcceptable(allowed)
}

function notAcceptable(allowed: readonly Format[]) {
  return new AppError(406, 'not-acceptable', { fr: `Formats disponibles : ${allowed.join(', ')}.`, en: `Available formats: ${allowed.join(', ')}.` })
}

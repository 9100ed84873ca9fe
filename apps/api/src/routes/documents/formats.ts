import type { PlanDocument } from '@demarche/domain'
import { createContext, planHtml, planMarkdown } from '@demarche/render'
import type { ChromiumPrinter } from '@demarche/render/pdf'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { AppError } from '../../errors.js'

export const FORMATS = {
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const
export type Format = keyof typeof FORMATS

export type Printer = () => Promise<ChromiumPrinter | undefined>

export const DocumentQuery = Type.Object({
  format: Type.Optional(Type.Union(Object.keys(FORMATS).map((format) => Type.Literal(format)))),
  locale: Type.Optional(Type.Union([Type.Literal('fr-CA'), Type.Literal('en-CA')])),
})

/** Every format's media type, each a binary string: the `content` of a document response. */
export const documentContent = Object.fromEntries(Object.values(FORMATS).map((format) => [format.type.split(';')[0]!, { schema: Type.String({ format: 'binary' }) }]))

export async function renderPlan(plan: PlanDocument, format: Format, context: ReturnType<typeof createContext>, printer: Printer): Promise<string | Uint8Array> {
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
export async function pdfEngine(printer: Printer) {
  const chromium = await printer()
  return chromium ? { printer: chromium } : { engine: 'pdfkit' as const }
}

/** `?format=` first, then the Accept header; JSON-only clients get HTML. */
export function chooseFormat(request: FastifyRequest<{ Querystring: { format?: Format } }>, allowed: readonly Format[]): Format {
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
  return new AppError('not-acceptable', { fr: `Formats disponibles : ${allowed.join(', ')}.`, en: `Available formats: ${allowed.join(', ')}.` })
}

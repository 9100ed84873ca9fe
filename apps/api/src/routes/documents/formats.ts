import { RENDER_FORMATS, REPORT_FORMATS, type RenderFormat, type RenderOptions, renderers } from '@demarche/render'
import type { ChromiumPrinter } from '@demarche/render/pdf'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { AppError } from '../../errors.js'

export type Printer = () => Promise<ChromiumPrinter | undefined>

/** A media type without its parameters ("text/html"), as Accept names it. */
const essence = (format: RenderFormat) => renderers[format].mediaType.split(';')[0]!

function queryOf(formats: readonly RenderFormat[]) {
  return Type.Object({
    format: Type.Optional(Type.Enum([...formats], { type: 'string', description: 'Takes precedence over the Accept header.' })),
    locale: Type.Optional(Type.Enum(['fr-CA', 'en-CA'], { type: 'string', default: 'fr-CA' })),
  })
}

/** The plan's formats are every renderer's; a report's, those with a report layout (no XLSX). */
export const PlanDocumentQuery = queryOf(RENDER_FORMATS)
export const ReportDocumentQuery = queryOf(REPORT_FORMATS)

/** Each format's media type, a binary string: the `content` of a document response. */
export function documentContent(formats: readonly RenderFormat[]) {
  return Object.fromEntries(formats.map((format) => [essence(format), { schema: Type.String({ format: 'binary' }) }]))
}

/** What the PDF renderer is given: the Chromium kept by the service when the machine has one, pdfkit otherwise. */
export async function renderOptions(format: RenderFormat, printer: Printer): Promise<RenderOptions> {
  if (format !== 'pdf') return {}
  const chromium = await printer()
  return { pdf: chromium ? { printer: chromium } : { engine: 'pdfkit' } }
}

/** `?format=` first, then the Accept header; JSON-only clients get HTML. */
export function chooseFormat(request: FastifyRequest<{ Querystring: { format?: RenderFormat } }>, allowed: readonly RenderFormat[]): RenderFormat {
  const asked = request.query.format
  if (asked) {
    if (!allowed.includes(asked)) throw notAcceptable(allowed)
    return asked
  }
  const accept = String(request.headers.accept ?? '*/*')
  for (const format of allowed) if (accept.includes(essence(format))) return format
  if (accept.includes('*/*') || accept.includes('text/*')) return 'html'
  throw notAcceptable(allowed)
}

function notAcceptable(allowed: readonly RenderFormat[]) {
  return new AppError('not-acceptable', { fr: `Formats disponibles : ${allowed.join(', ')}.`, en: `Available formats: ${allowed.join(', ')}.` })
}

import { chromiumSuits, RENDER_FORMATS, REPORT_FORMATS, type RenderFormat, renderers } from '@demarche/render'
import type { ChromiumPrinter } from '@demarche/render/pdf'
import type { FindingDecision } from '@demarche/rules'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { AppError } from '../../errors.js'
import type { Work } from '../../workers/pool.js'

export type Printer = () => Promise<ChromiumPrinter | undefined>

/** A media type without its parameters ("text/html"), as Accept names it. */
const essence = (format: RenderFormat) => renderers[format].mediaType.split(';')[0]!

/** `format` (one of `formats`) and `locale`: the query of every rendered document. */
export function queryOf(formats: readonly RenderFormat[]) {
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

/** A plan to render: its document, the instant written as "produced on", the locale, the registered definitions it reads (`Registry.forPlan`). */
export interface Renderable {
  document: unknown
  updatedAt: Date | string
  locale: 'fr-CA' | 'en-CA'
  definitions?: string | undefined
}

/** A report to render instead of the plan: the plan's address, the rule set, the reviewer's dismissals in force. */
export interface ReportOptions {
  planHref: string
  ruleSet?: string | undefined
  decisions?: FindingDecision[] | undefined
}

/**
 * A plan, or its report (`report` given), rendered in the work pool: the plan crosses as JSON text, the
 * document comes back as bytes. A PDF is Chromium's when the machine has one: the pool makes its HTML
 * master (what `planPdf`/`reportPdf` print: the registry's HTML of the same plan and context) and the
 * service's Chromium prints it, under the pool's bound on prints; pdfkit's PDF is made in the pool (for
 * every plan when there is no Chromium, and for plans past `CHROMIUM_MAX_ROWS` rows).
 */
export async function renderInPool(work: Work, printer: Printer, format: RenderFormat, plan: Renderable, report?: ReportOptions): Promise<Buffer> {
  // A large plan is laid out by pdfkit in the pool, as the library's `auto` does: Chromium would take minutes.
  const chromium = format === 'pdf' && chromiumSuits(plan.document) ? await printer() : undefined
  const clock = new Date(plan.updatedAt).getTime()
  const common = { plan: JSON.stringify(plan.document), format: chromium ? ('html' as const) : format, locale: plan.locale, clock, ...(plan.definitions && { definitions: plan.definitions }) }
  const bytes = await (report === undefined
    ? work.run({ kind: 'render-plan', ...common })
    : work.run({ kind: 'render-report', ...common, planHref: report.planHref, ...(report.ruleSet && { ruleSet: report.ruleSet }), ...(report.decisions && { decisions: report.decisions }) }))
  const output = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!chromium) return output
  const html = output.toString('utf8')
  return Buffer.from(await work.print(() => chromium.print(html, new Date(clock))))
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

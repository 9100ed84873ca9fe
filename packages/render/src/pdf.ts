import type { PlanDocument } from '@demarche/domain'
import type { RenderContext } from './context.js'
import { planHtml } from './html/plan.js'
import { reportHtml } from './html/report.js'
import { RenderError } from './errors.js'
import { ChromiumPrinter, findChromium } from './pdf/chromium.js'
import { CHROMIUM_MAX_ROWS, chromiumSuits } from './pdf/engine-choice.js'
import { planPdfkit, reportPdfkit } from './pdf/pdfkit.js'
import { avisHtml } from './avis/html.js'
import { avisPdfkit } from './avis/pdfkit.js'
import { type AvisInput, avisView } from './avis/view.js'
import { planView } from './view/plan-view.js'
import { type ReportInput, reportView } from './view/report-view.js'

export { ChromiumPrinter, findChromium, RenderError, CHROMIUM_MAX_ROWS, chromiumSuits }

export interface PdfOptions {
  /** `chromium` prints the HTML master; `pdfkit` lays out with embedded fonts; `auto` (default) prefers Chromium, but for plans past CHROMIUM_MAX_ROWS rows. */
  engine?: 'auto' | 'chromium' | 'pdfkit'
  /** A Chromium kept open by the caller, for many renders. */
  printer?: ChromiumPrinter
  chromiumPath?: string
}

export async function planPdf(plan: PlanDocument, context: RenderContext, options: PdfOptions = {}): Promise<Uint8Array> {
  if ((options.engine ?? 'auto') === 'auto' && !chromiumSuits(plan)) options = { ...options, engine: 'pdfkit' }
  return withEngine(options, (printer) => printer.print(planHtml(plan, context), context.clock()), () => planPdfkit(planView(plan, context), context))
}

export async function reportPdf(input: ReportInput, context: RenderContext, options: PdfOptions = {}): Promise<Uint8Array> {
  if ((options.engine ?? 'auto') === 'auto' && input.plan && !chromiumSuits(input.plan)) options = { ...options, engine: 'pdfkit' }
  return withEngine(options, (printer) => printer.print(reportHtml(input, context), context.clock()), () => reportPdfkit(reportView(input, context), context))
}

/** The letter (avis): Chromium prints its HTML; pdfkit lays it out when there is no Chromium. */
export async function avisPdf(input: AvisInput, context: RenderContext, options: PdfOptions = {}): Promise<Uint8Array> {
  return withEngine(options, (printer) => printer.print(avisHtml(input, context), context.clock()), () => avisPdfkit(avisView(input, context), context))
}

async function withEngine(options: PdfOptions, chromium: (printer: ChromiumPrinter) => Promise<Uint8Array>, pdfkit: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const engine = options.engine ?? 'auto'
  if (engine === 'pdfkit') return pdfkit()
  if (options.printer) return chromium(options.printer)
  const printer = await ChromiumPrinter.open(options.chromiumPath)
  if (!printer) {
    if (engine === 'chromium')
      throw new RenderError('chromium-unavailable', {
        fr: 'Aucun Chromium trouvé (indiquez-le par CHROMIUM_PATH), ou playwright-core n’est pas installé : le PDF ne peut pas être imprimé par Chromium.',
        en: 'No Chromium found (set CHROMIUM_PATH), or playwright-core is not installed: the PDF cannot be printed by Chromium.',
      })
    return pdfkit()
  }
  try {
    return await chromium(printer)
  } finally {
    await printer.close()
  }
}

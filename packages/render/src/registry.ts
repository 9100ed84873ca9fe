import type { PlanDocument } from '@demarche/domain'
import type { RenderContext } from './context.js'
import type { PdfOptions } from './pdf.js'
import { planHtml } from './html/plan.js'
import { reportHtml } from './html/report.js'
import { planMarkdown } from './markdown/plan.js'
import { reportMarkdown } from './markdown/report.js'
import type { ReportInput } from './view/report-view.js'
import { avisHtml } from './avis/html.js'
import type { AvisInput } from './avis/view.js'

/**
 * The PDF entry runs in Node only (pdfkit reads its font files, Chromium is a process): its specifier is a
 * variable so that bundlers do not follow it into a browser bundle; Node loads it when a PDF is asked for.
 */
const PDF_ENTRY = './pdf.js'
const loadPdf = (): Promise<typeof import('./pdf.js')> => import(/* @vite-ignore */ /* webpackIgnore: true */ PDF_ENTRY)

export const RENDER_FORMATS = ['html', 'markdown', 'docx', 'pdf', 'xlsx'] as const
export type RenderFormat = (typeof RENDER_FORMATS)[number]

/** What a caller may pass to any renderer; each format reads only its own part. */
export interface RenderOptions {
  /** DOCX plans: an organisation's own .docx with placeholders (see `DocxOptions`). */
  template?: Uint8Array
  /** PDF: the engine, or a Chromium kept open by the caller (see `PdfOptions`). */
  pdf?: PdfOptions
}

/**
 * A format, as the CLI and the API use it: what to send it as, and how to render a plan or a report.
 * Textual formats give a string, binary ones bytes. A format's library is loaded on its first render.
 */
export interface Renderer<Output extends string | Uint8Array = string | Uint8Array> {
  readonly format: RenderFormat
  /** The Content-Type, with its charset for text. */
  readonly mediaType: string
  /** The file name extension, without the dot. */
  readonly extension: string
  readonly binary: boolean
  renderPlan(plan: PlanDocument, context: RenderContext, options?: RenderOptions): Promise<Output>
  /** Absent for a format that has no report layout (XLSX). */
  readonly renderReport?: (input: ReportInput, context: RenderContext, options?: RenderOptions) => Promise<Output>
  /** The reviewer's letter (avis) from an assessment; absent for a format that has no letter layout. */
  readonly renderAvis?: (input: AvisInput, context: RenderContext, options?: RenderOptions) => Promise<Output>
}

export interface Renderers {
  readonly html: Renderer<string>
  readonly markdown: Renderer<string>
  readonly docx: Renderer<Uint8Array>
  readonly pdf: Renderer<Uint8Array>
  readonly xlsx: Renderer<Uint8Array>
}

/**
 * Every format by name. HTML and Markdown are in this entry; DOCX, PDF and XLSX import their subpath (and
 * with it docx, pdfkit, playwright-core or exceljs) when they first render, so importing the package stays light.
 */
export const renderers: Renderers = {
  html: {
    format: 'html',
    mediaType: 'text/html; charset=utf-8',
    extension: 'html',
    binary: false,
    renderPlan: async (plan, context) => planHtml(plan, context),
    renderReport: async (input, context) => reportHtml(input, context),
    renderAvis: async (input, context) => avisHtml(input, context),
  },
  markdown: {
    format: 'markdown',
    mediaType: 'text/markdown; charset=utf-8',
    extension: 'md',
    binary: false,
    renderPlan: async (plan, context) => planMarkdown(plan, context),
    renderReport: async (input, context) => reportMarkdown(input, context),
  },
  docx: {
    format: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    binary: true,
    renderPlan: async (plan, context, options = {}) => (await import('./docx.js')).planDocx(plan, context, options.template ? { template: options.template } : {}),
    renderReport: async (input, context) => (await import('./docx.js')).reportDocx(input, context),
    renderAvis: async (input, context) => (await import('./docx.js')).avisDocx(input, context),
  },
  pdf: {
    format: 'pdf',
    mediaType: 'application/pdf',
    extension: 'pdf',
    binary: true,
    renderPlan: async (plan, context, options = {}) => (await loadPdf()).planPdf(plan, context, options.pdf),
    renderReport: async (input, context, options = {}) => (await loadPdf()).reportPdf(input, context, options.pdf),
    renderAvis: async (input, context, options = {}) => (await loadPdf()).avisPdf(input, context, options.pdf),
  },
  xlsx: {
    format: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    binary: true,
    renderPlan: async (plan, context) => (await import('./xlsx.js')).planXlsx(plan, context),
  },
}

export function isRenderFormat(value: string): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value)
}

/** The formats that render an evaluation report. */
export const REPORT_FORMATS: readonly RenderFormat[] = RENDER_FORMATS.filter((format) => renderers[format].renderReport !== undefined)

/** The formats that render the reviewer's letter (avis): HTML, DOCX and PDF. */
export const AVIS_FORMATS: readonly RenderFormat[] = RENDER_FORMATS.filter((format) => renderers[format].renderAvis !== undefined)

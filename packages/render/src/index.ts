// Errors a caller can fix, told in French and English
export { RenderError } from './errors.js'
export type { RenderErrorCode } from './errors.js'

// Context
export { createContext, DEFAULT_THEME, languageOf } from './context.js'
export type { RenderContext, RenderLocale, Theme, Typography, ContextOptions } from './context.js'

// The words renderers print, by locale
export { wordsOf } from './words.js'
export type { RenderWords } from './words.js'

// Typography and inline text
export { typeset, formatDate } from './typography.js'
export { inlineRuns, plainText } from './inline.js'
export type { Run } from './inline.js'

// The shared view of a plan and of a report (what every format lays out)
export { planView } from './view/plan-view.js'
export type { PlanView, AxisView, ObjectiveView, RowView, SectionView, ViewBlock, ViewItem, ColumnView, BudgetAmountView } from './view/plan-view.js'
export { reportView, anchorOf } from './view/report-view.js'
export type { ReportInput, ReportView, FindingView } from './view/report-view.js'

// The reviewer's letter (avis) from an assessment: its shared view and its HTML (DOCX and PDF in their subpaths)
export { avisView } from './avis/view.js'
export type { AvisInput, AvisView, AvisElementView } from './avis/view.js'
export { avisHtml } from './avis/html.js'

// HTML and Markdown: no runtime dependency
export { planHtml, planStylesheet } from './html/plan.js'
export type { HtmlOptions } from './html/plan.js'
export { reportHtml } from './html/report.js'
export { planMarkdown } from './markdown/plan.js'
export { reportMarkdown } from './markdown/report.js'

// Which PDF engine \`auto\` takes for a plan (no PDF library loaded)
export { CHROMIUM_MAX_ROWS, chromiumSuits } from './pdf/engine-choice.js'

// Every format behind one registry: DOCX, PDF and XLSX load their libraries on first use
export { renderers, RENDER_FORMATS, REPORT_FORMATS, AVIS_FORMATS, isRenderFormat } from './registry.js'
export type { Renderer, Renderers, RenderFormat, RenderOptions } from './registry.js'

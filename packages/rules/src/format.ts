// A report's words and its Markdown form, without the engine: what the render package imports, so that a
// page rendering a report does not load the rules.
export { formatMarkdown } from './format/markdown.js'
export type { MarkdownReportOptions } from './format/markdown.js'
export { colon, formatScore, plural, REPORT_WORDS, SEVERITY_WORDS, STAGE_WORDS, STATUS_WORDS, summaryLine } from './format/words.js'
export type { ReportWords } from './format/words.js'

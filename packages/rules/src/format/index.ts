import type { Report } from '../engine/report.js'
import { formatJson } from './json.js'
import { formatJunit } from './junit.js'
import { formatMarkdown } from './markdown.js'
import type { FormatOptions } from './options.js'
import { formatSarif } from './sarif.js'
import { formatStylish } from './stylish.js'

export type { FormatOptions, RuleDescription } from './options.js'

export const FORMATS = ['stylish', 'json', 'markdown', 'sarif', 'junit'] as const
export type ReportFormat = (typeof FORMATS)[number]

/** Several reports (one per file) in one output, as `demarche lint` prints them. */
/** `source`, the file's text, lets the formats that can show a line and column (SARIF) do so. */
export function formatReport(format: ReportFormat, reports: ReadonlyArray<{ file: string; report: Report; source?: string }>, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(reports)
    case 'stylish':
      return formatStylish(reports, options)
    case 'markdown':
      return reports.map(({ file, report }) => formatMarkdown(report, { ...options, file })).join('\n')
    case 'sarif':
      return formatSarif(reports, options)
    case 'junit':
      return formatJunit(reports, options)
  }
}

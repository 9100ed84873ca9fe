import type { Locale } from '@demarche/domain'
import type { Report } from '../engine/report.js'
import { formatJunit } from './junit.js'
import { formatMarkdown } from './markdown.js'
import { formatSarif } from './sarif.js'
import { formatStylish } from './stylish.js'

export const FORMATS = ['stylish', 'json', 'markdown', 'sarif', 'junit'] as const
export type ReportFormat = (typeof FORMATS)[number]

export interface FormatOptions {
  locale?: Locale
  /** The file each report is about, as the user named it. */
  file?: string
  /** ANSI colours in the terminal format. */
  color?: boolean
}

/** Several reports (one per file) in one output, as `demarche lint` prints them. */
export function formatReport(format: ReportFormat, reports: ReadonlyArray<{ file: string; report: Report }>, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reports.length === 1 ? reports[0]!.report : reports.map(({ file, report }) => ({ file, ...report })), null, 2) + '\n'
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

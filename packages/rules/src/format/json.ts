import type { Report } from '../engine/report.js'

/** The report itself for one file; for several, an array of reports each with its `file` first. */
export function formatJson(reports: ReadonlyArray<{ file: string; report: Report }>): string {
  return JSON.stringify(reports.length === 1 ? reports[0]!.report : reports.map(({ file, report }) => ({ file, ...report })), null, 2) + '\n'
}

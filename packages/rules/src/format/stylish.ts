import type { Report } from '../engine/report.js'
import type { FindingSeverity } from '../engine/severity.js'
import type { FormatOptions } from './options.js'
import { colon, formatScore, plural, SEVERITY_WORDS, summaryLine } from './words.js'

const COLORS: Record<FindingSeverity | 'dim' | 'bold', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
}

/** The terminal format: one block per file, one line per finding, a summary line. */
export function formatStylish(reports: ReadonlyArray<{ file: string; report: Report }>, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'fr'
  const paint = (style: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[style][0]}${text}${COLORS[style][1]}` : text)
  const lines: string[] = []
  const total = { errors: 0, warnings: 0, infos: 0 }
  for (const { file, report } of reports) {
    total.errors += report.summary.errors
    total.warnings += report.summary.warnings
    total.infos += report.summary.infos
    const score = `${formatScore(report.score, locale)} / 100`
    lines.push(`${paint('bold', file)}  ${paint('dim', `${report.ruleSet.id}@${report.ruleSet.version} · score ${score}`)}`)
    const width = Math.max(0, ...report.findings.map((finding) => (finding.expected ?? finding.pointer).length || 1))
    for (const finding of report.findings) {
      const where = (finding.expected ?? finding.pointer) || '/'
      const severity = SEVERITY_WORDS[locale][finding.severity]
      lines.push(
        `  ${paint('dim', where.padEnd(width))}  ${paint(finding.severity, severity.padEnd(locale === 'fr' ? 13 : 7))}  ${finding.label[locale]} — ${finding.message[locale]}  ${paint('dim', finding.ruleId)}`,
      )
      if (finding.suggestion) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(locale === 'fr' ? 13 : 7)}  ↳ ${finding.suggestion[locale]}`)
    }
    lines.push('')
  }
  const files = locale === 'fr' ? plural(reports.length, 'fichier', 'fichiers', 'fr') : plural(reports.length, 'file', 'files', 'en')
  const worst = total.errors > 0 ? 'error' : total.warnings > 0 ? 'warning' : 'info'
  lines.push(paint(worst, `${total.errors + total.warnings > 0 ? '✖' : '✔'} ${files}${colon(locale)}${summaryLine(total, locale)}`))
  return lines.join('\n') + '\n'
}

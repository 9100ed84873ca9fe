import type { ImportIssue, ImportReport, SourcePlace } from './report.js'

/** The formats an import report prints in, as `demarche lint` prints an evaluation report. */
export const IMPORT_REPORT_FORMATS = ['stylish', 'json', 'sarif'] as const
export type ImportReportFormat = (typeof IMPORT_REPORT_FORMATS)[number]

/** A place as a person finds it: "Plan!E7", "word/document.xml 3:14", "Section « Suivi », tableau 1, ligne 2". */
export function placeText(place: SourcePlace, locale: 'fr' | 'en'): string {
  if (place.sheet !== undefined) return place.cell === undefined ? place.sheet : `${place.sheet}!${place.cell}`
  const parts: string[] = []
  if (place.section !== undefined) parts.push(locale === 'fr' ? `section « ${place.section} »` : `section “${place.section}”`)
  if (place.table !== undefined) parts.push(`${locale === 'fr' ? 'tableau' : 'table'} ${place.table}`)
  if (place.row !== undefined) parts.push(`${locale === 'fr' ? 'ligne' : 'row'} ${place.row}`)
  if (place.columnHeading !== undefined) parts.push(locale === 'fr' ? `colonne « ${place.columnHeading} »` : `column “${place.columnHeading}”`)
  if (place.part !== undefined) parts.push(place.line === undefined ? place.part : `${place.part} ${place.line}:${place.column ?? 1}`)
  return parts.join(', ')
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

/** The report of one imported file in the chosen format; deterministic (no dates, no absolute paths). */
export function formatImportReport(format: ImportReportFormat, file: string, report: ImportReport, locale: 'fr' | 'en'): string {
  if (format === 'json') return `${JSON.stringify({ file, ...report }, null, 2)}\n`
  if (format === 'sarif') return `${JSON.stringify(sarif(file, report, locale), null, 2)}\n`
  const lines = [file]
  const width = Math.max(0, ...report.issues.map((found) => placeText(found.place, locale).length))
  for (const found of report.issues) lines.push(`  ${placeText(found.place, locale).padEnd(width)}  ${severityWord(found, locale).padEnd(13)} ${found.message[locale]}  ${found.code}`)
  for (const text of report.unplaced) lines.push(`  ${placeText(text.place, locale).padEnd(width)}  ${(locale === 'fr' ? 'non placé' : 'unplaced').padEnd(13)} ${JSON.stringify(text.text.length > 80 ? `${text.text.slice(0, 79)}…` : text.text)}`)
  const count = (severity: ImportIssue['severity']) => report.issues.filter((found) => found.severity === severity).length
  lines.push(
    locale === 'fr'
      ? `${count('error')} erreur(s), ${count('warning')} avertissement(s), ${count('info')} information(s), ${report.unplaced.length} texte(s) non placé(s)${report.failed ? ' — lecture interrompue' : ''}`
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info(s), ${report.unplaced.length} unplaced text(s)${report.failed ? ' — reading stopped' : ''}`,
  )
  return `${lines.join('\n')}\n`
}

function severityWord(found: ImportIssue, locale: 'fr' | 'en'): string {
  const words = { fr: { error: 'erreur', warning: 'avertissement', info: 'information' }, en: { error: 'error', warning: 'warning', info: 'info' } }
  return words[locale][found.severity]
}

/** SARIF 2.1.0: each finding at its file, with the sheet and cell (or section, table, row) as a logical location. */
function sarif(file: string, report: ImportReport, locale: 'fr' | 'en') {
  const codes = [...new Set(report.issues.map((found) => found.code))].sort()
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'demarche import', rules: codes.map((id) => ({ id })) } },
        results: report.issues.map((found) => ({
          ruleId: found.code,
          level: LEVEL[found.severity],
          message: { text: found.message[locale] },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: file }, ...(found.place.line !== undefined && { region: { startLine: found.place.line, startColumn: found.place.column ?? 1 } }) },
              logicalLocations: [{ name: placeText(found.place, locale) || file, ...(found.pointer !== undefined && { fullyQualifiedName: found.pointer }) }],
            },
          ],
        })),
      },
    ],
  }
}

import type { ImportIssue, ImportReport, SourcePlace } from './report.js'

/** The formats an import report prints in, as `demarche lint` prints an evaluation report. */
export const IMPORT_REPORT_FORMATS = ['stylish', 'json', 'markdown', 'sarif', 'junit'] as const
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
  if (format === 'markdown') return markdown(file, report, locale)
  if (format === 'junit') return junit(file, report, locale)
  const lines = [file]
  const width = Math.max(0, ...report.issues.map((found) => placeText(found.place, locale).length))
  for (const found of report.issues) lines.push(`  ${placeText(found.place, locale).padEnd(width)}  ${severityWord(found, locale).padEnd(13)} ${found.message[locale]}  ${found.code}`)
  for (const text of report.unplaced) lines.push(`  ${placeText(text.place, locale).padEnd(width)}  ${(locale === 'fr' ? 'non placé' : 'unplaced').padEnd(13)} ${JSON.stringify(text.text.length > 80 ? `${text.text.slice(0, 79)}…` : text.text)}`)
  lines.push(summary(report, locale))
  return `${lines.join('\n')}\n`
}

function summary(report: ImportReport, locale: 'fr' | 'en'): string {
  const count = (severity: ImportIssue['severity']) => report.issues.filter((found) => found.severity === severity).length
  return locale === 'fr'
    ? `${count('error')} erreur(s), ${count('warning')} avertissement(s), ${count('info')} information(s), ${report.unplaced.length} texte(s) non placé(s)${report.failed ? ' — lecture interrompue' : ''}`
    : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info(s), ${report.unplaced.length} unplaced text(s)${report.failed ? ' — reading stopped' : ''}`
}

/** A table a reviewer pastes in an issue or a wiki: place, severity, message, code; then the texts not placed. */
function markdown(file: string, report: ImportReport, locale: 'fr' | 'en'): string {
  const fr = locale === 'fr'
  const out = [`# ${fr ? 'Importation de' : 'Import of'} ${cell(file)}`, '', `*${summary(report, locale)}*`, '']
  if (report.issues.length > 0) {
    out.push(fr ? '| Endroit | Gravité | Message | Code |' : '| Place | Severity | Message | Code |', '|---|---|---|---|')
    for (const found of report.issues) out.push(`| ${cell(placeText(found.place, locale))} | ${severityWord(found, locale)} | ${cell(found.message[locale])} | \`${found.code}\` |`)
    out.push('')
  }
  if (report.unplaced.length > 0) {
    out.push(`## ${fr ? 'Textes non placés' : 'Texts not placed'}`, '')
    for (const text of report.unplaced) out.push(`- ${cell(placeText(text.place, locale))}${fr ? '\u00a0: ' : ': '}${cell(text.text)}`)
    out.push('')
  }
  return `${out.join('\n')}`
}

/** Markdown inline text: no line break, no table pipe, no markup read into what a person wrote. */
function cell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1')
}

/** JUnit XML for CI dashboards: one suite per file, a failing case per error or warning and per text not placed. */
function junit(file: string, report: ImportReport, locale: 'fr' | 'en'): string {
  const cases: string[] = []
  let failures = 0
  for (const found of report.issues) {
    const name = `${placeText(found.place, locale) || file} — ${found.code}`
    if (found.severity === 'info') cases.push(`    <testcase classname="${attr(file)}" name="${attr(name)}">\n      <system-out>${xmlText(found.message[locale])}</system-out>\n    </testcase>`)
    else {
      failures++
      cases.push(`    <testcase classname="${attr(file)}" name="${attr(name)}">\n      <failure type="${found.severity}" message="${attr(found.message[locale])}">${xmlText(found.message[locale])}</failure>\n    </testcase>`)
    }
  }
  for (const text of report.unplaced) {
    failures++
    cases.push(`    <testcase classname="${attr(file)}" name="${attr(`${placeText(text.place, locale) || file} — unplaced`)}">\n      <failure type="unplaced" message="${attr(locale === 'fr' ? 'Texte non placé' : 'Text not placed')}">${xmlText(text.text)}</failure>\n    </testcase>`)
  }
  if (cases.length === 0) cases.push(`    <testcase classname="${attr(file)}" name="import"/>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="demarche import" tests="${cases.length}" failures="${failures}">\n  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

function attr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;')
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

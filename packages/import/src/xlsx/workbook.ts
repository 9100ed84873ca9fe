import type { FormColumn } from '@demarche/domain'
import ExcelJS from 'exceljs'
import { detectFormat } from '../detect.js'
import { doctypeIssues } from '../doctype-guard.js'
import type { ImportLimits } from '../limits.js'
import { type ImportReport, issue } from '../report.js'

export type LoadedWorkbook = { workbook: ExcelJS.Workbook; report: ImportReport } | { workbook?: undefined; report: ImportReport }

/** Runs the hostile-file guards, then lets exceljs read the workbook; every failure is a report, never a throw. */
export async function loadWorkbook(bytes: Uint8Array, limits: ImportLimits): Promise<LoadedWorkbook> {
  const detected = detectFormat(bytes, limits)
  const report: ImportReport = { format: detected.format, failed: false, issues: [...detected.issues], unplaced: [] }
  if (detected.format !== 'xlsx') {
    if (detected.issues.length === 0) report.issues.push(issue('not-a-workbook', {}, 'Le fichier n’est pas un classeur Excel (.xlsx).', 'The file is not an Excel workbook (.xlsx).'))
    return { report: { ...report, failed: true } }
  }
  // exceljs's XML parser would read a DTD: refused first, located, as a Word document's is.
  const doctypes = doctypeIssues(bytes, limits)
  if (doctypes.length > 0) return { report: { ...report, issues: [...report.issues, ...doctypes], failed: true } }
  const workbook = new ExcelJS.Workbook()
  try {
    // The archive passed the size, count and ratio guards above, so exceljs inflates a bounded amount.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    report.issues.push(issue('unreadable-workbook', {}, 'Le classeur n’a pas pu être lu ; enregistrez-le de nouveau depuis Excel ou LibreOffice.', 'The workbook could not be read; save it again from Excel or LibreOffice.'))
    return { report: { ...report, failed: true } }
  }
  return { workbook, report }
}

/** One data row of a sheet, its cells by column key. */
export interface GridRow {
  number: number
  text(key: string): string
  /** The A1 reference of the cell of a column ("C7"); the column's letter is the one it has in this file. */
  address(key: string): string
  /** True when no known column of the row has text. */
  blank: boolean
}

export interface SheetGrid {
  name: string
  rows: GridRow[]
  has(key: string): boolean
}

/**
 * Reads a sheet by its heading row: each heading is matched to a column of the form (either language, case,
 * accents and spacing ignored), wherever it stands. A heading that matches none is read as the column the
 * form has at that place, with a warning, when that column is not found elsewhere; otherwise its cells are
 * listed as unplaced.
 */
export function readGrid(sheet: ExcelJS.Worksheet, layouts: ReadonlyArray<readonly FormColumn[]>, report: ImportReport): SheetGrid {
  const byHeading = new Map<string, string>()
  for (const layout of layouts) for (const column of layout) byHeading.set(comparable(column.header), column.key)
  const columnOf = new Map<string, number>()
  const unknown: number[] = []
  const lastColumn = sheet.columnCount
  for (let column = 1; column <= lastColumn; column++) {
    const heading = cellText(sheet.getCell(1, column))
    const key = byHeading.get(comparable(heading))
    if (key !== undefined && !columnOf.has(key)) columnOf.set(key, column)
    else if (heading !== '' || columnHasText(sheet, column)) unknown.push(column)
  }
  const primary = layouts[0] ?? []
  for (const column of unknown) {
    const expected = primary[column - 1]
    const heading = cellText(sheet.getCell(1, column))
    const address = sheet.getCell(1, column).address
    if (expected && !columnOf.has(expected.key) && heading !== '') {
      columnOf.set(expected.key, column)
      report.issues.push(issue('unexpected-heading', { sheet: sheet.name, cell: address }, `L’en-tête « ${heading} » était attendu comme « ${expected.header} ».`, `Heading “${heading}” was expected to be “${layouts[1]?.[column - 1]?.header ?? expected.header}”.`, 'warning'))
      continue
    }
    report.issues.push(issue('unknown-column', { sheet: sheet.name, cell: address }, `La colonne « ${heading || address} » n’est pas une colonne du formulaire : son contenu n’est pas importé.`, `Column “${heading || address}” is not a column of the form: its content is not imported.`, 'warning'))
    for (let row = 2; row <= sheet.rowCount; row++) {
      const cell = sheet.getCell(row, column)
      const text = cellText(cell)
      if (text !== '') report.unplaced.push({ place: { sheet: sheet.name, cell: cell.address }, text })
    }
  }
  const rows: GridRow[] = []
  for (let number = 2; number <= sheet.rowCount; number++) {
    const texts = new Map<string, string>()
    for (const [key, column] of columnOf) texts.set(key, cellText(sheet.getCell(number, column)))
    const blank = [...texts.values()].every((text) => text.trim() === '')
    rows.push({
      number,
      blank,
      text: (key) => texts.get(key) ?? '',
      address: (key) => `${sheet.getColumn(columnOf.get(key) ?? 1).letter}${number}`,
    })
  }
  return { name: sheet.name, rows, has: (key) => columnOf.has(key) }
}

function columnHasText(sheet: ExcelJS.Worksheet, column: number): boolean {
  for (let row = 2; row <= sheet.rowCount; row++) if (cellText(sheet.getCell(row, column)) !== '') return true
  return false
}

/** A cell's text whatever exceljs made of it (rich text, hyperlinks, formulas with results, numbers, dates). */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  // A date typed in Excel is a serial number shown as a date: it comes back as its ISO 8601 day.
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return cell.text.replace(/\r\n?/g, '\n')
}

/** Case, accents and spacing do not make two names or headings different. */
export function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()
}

import { fiscalYearOf, type FormSheet, formSheets, localize, type PlanDocument } from '@demarche/domain'
import ExcelJS from 'exceljs'
import { languageOf, type RenderContext } from '../context.js'
import { plainText } from '../inline.js'
import { type AxisView, planView, type PlanView, type ViewBlock } from '../view/plan-view.js'
import { wordsOf } from '../words.js'
import { strFromU8, unzipSync } from 'fflate'
import { setCoreDates, zipParts } from '../zip.js'
import { quoteFormulaLookingCells } from './quote-prefix.js'
import { xmlSafeDeep } from '../xml-safe.js'

/**
 * The plan as a workbook: a "Budget" sheet laid out like the montage financier (lines × fiscal years, with
 * subtotals and totals as formulas carrying their computed values), then the plan as the filled XLSX form
 * (the domain's layout, the blank form's): the Document, Participants, Préparation, Plan (one line per
 * action), Priorités, Suivi and Complémentarité sheets, with the ids in hidden columns. The importer reads
 * those sheets back, cells as they are edited, so the workbook is both a view of the plan and a way back in.
 */
export async function planXlsx(given: PlanDocument, givenContext: RenderContext): Promise<Uint8Array> {
  const plan = xmlSafeDeep(given)
  const context = { ...givenContext, theme: xmlSafeDeep(givenContext.theme) }
  const view = planView(plan, context)
  const date = context.clock()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = context.theme.organisation ?? view.author
  workbook.created = date
  workbook.modified = date
  workbook.title = view.title
  // No budget sheet for a form without a budget column, unless the plan brings its montage financier.
  if (context.profile.columns.budget.presence !== 'absent' || plan.financialPlan) budgetSheet(workbook, plan, view, context)
  for (const form of formSheets(context.profile, context.locale === 'en-CA' ? 'en' : 'fr', plan)) formSheet(workbook, form, context)
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
  const parts = new Map(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, /\.(xml|rels)$/.test(path) ? strFromU8(data) : data] as const))
  const texts = new Map([...parts].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  quoteFormulaLookingCells(texts)
  return zipParts([...parts].map(([path, data]) => [path, texts.get(path) ?? data]), date, (path, text) => (path === 'docProps/core.xml' ? setCoreDates(text, date) : text))
}

/** OOXML paper size 1 is US Letter; exceljs's PaperSize enum leaves it out. */
const LETTER = 1 as unknown as ExcelJS.PaperSize

/** "5 000,00 $" in French, "$5,000.00" in English: Excel shows the separators of the reader's locale. */
function moneyFormat(context: RenderContext): string {
  return context.locale === 'fr-CA' ? '#,##0.00\\ "$"' : '"$"#,##0.00'
}

interface DetailRow {
  place: string
  byYear: Map<string, number>
  /** Amounts written with no fiscal year ("135 493", "0 $"); undefined when there are none. */
  unspecified?: number
}

function budgetSheet(workbook: ExcelJS.Workbook, plan: PlanDocument, view: PlanView, context: RenderContext): void {
  const french = view.french
  const lang = languageOf(context)
  const sheet = workbook.addWorksheet('Budget', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: LETTER } })
  const period = plan.metadata.period
  const planYears = period ? range(period.firstYear, period.lastYear).map((year) => fiscalYearOf(year, context.profile.yearScheme).label) : []
  const montage = plan.financialPlan
  const years = montage ? montage.fiscalYears : unique([...planYears, ...collectYears(view)])
  const money = moneyFormat(context)
  sheet.getCell('A1').value = french ? `Budget — ${plainText(view.title)}` : `Budget — ${plainText(view.title)}`
  sheet.getCell('A1').font = { bold: true, size: 14, color: { argb: argb(context.theme.primary) } }
  const header = [french ? 'Ligne' : 'Line', french ? 'Libellé' : 'Label', french ? 'Provenance' : 'Source', ...years, ...(montage ? [] : [french ? 'Année non précisée' : 'Year not given']), 'Total']
  const headerRow = sheet.getRow(3)
  header.forEach((text, index) => (headerRow.getCell(index + 1).value = text))
  styleHeader(headerRow, header.length, context)
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }]
  sheet.pageSetup.printTitlesRow = '3:3'
  sheet.columns = header.map((_, index) => ({ width: index === 0 ? 8 : index === 1 ? 32 : index === 2 ? 28 : 16 }))
  const amountColumns = years.length + (montage ? 0 : 1)
  let rowNumber = 4
  const subtotalRows: number[] = []

  // A year with no amount stays blank (not 0): the plan did not give one.
  const writeAmounts = (row: ExcelJS.Row, values: Array<number | undefined>) => {
    values.forEach((cents, index) => {
      const cell = row.getCell(4 + index)
      if (cents !== undefined) cell.value = cents / 100
      cell.numFmt = money
    })
    const first = col(4)
    const last = col(3 + amountColumns)
    const total = values.reduce<number>((sum, cents) => sum + (cents ?? 0), 0)
    const cell = row.getCell(4 + amountColumns)
    cell.value = { formula: `SUM(${first}${row.number}:${last}${row.number})`, result: total / 100 }
    cell.numFmt = money
  }

  const writeGroup = (line: string, label: string, details: DetailRow[]) => {
    const groupRow = sheet.getRow(rowNumber++)
    groupRow.getCell(1).value = line
    groupRow.getCell(2).value = label
    groupRow.font = { bold: true }
    const first = rowNumber
    for (const detail of details) {
      const row = sheet.getRow(rowNumber++)
      row.getCell(3).value = detail.place
      writeAmounts(row, [...years.map((year) => detail.byYear.get(year)), ...(montage ? [] : [detail.unspecified])])
    }
    const last = rowNumber - 1
    const subtotal = sheet.getRow(rowNumber++)
    subtotal.getCell(2).value = french ? `Sous-total ${line ? `ligne ${line}` : label}` : `Subtotal ${line ? `line ${line}` : label}`
    subtotal.font = { bold: true }
    for (let index = 0; index <= amountColumns; index++) {
      const column = col(4 + index)
      const sum = details.reduce((total, detail) => {
        const values = [...years.map((year) => detail.byYear.get(year) ?? 0), ...(montage ? [] : [detail.unspecified ?? 0])]
        return total + (index < amountColumns ? values[index]! : values.reduce((a, b) => a + b, 0))
      }, 0)
      const cell = subtotal.getCell(4 + index)
      cell.value = details.length > 0 ? { formula: `SUM(${column}${first}:${column}${last})`, result: sum / 100 } : 0
      cell.numFmt = money
    }
    subtotalRows.push(subtotal.number)
    rowNumber++
  }

  if (montage) {
    for (const line of montage.lines)
      writeGroup(String(line.line), line.label, [{ place: french ? 'Montage financier' : 'Financial plan', byYear: new Map(line.amounts.map((amount) => [amount.fiscalYear, amount.cents])) }])
  } else {
    const groups = new Map<string, { label: string; details: DetailRow[] }>()
    for (const line of context.profile.budgetLines) groups.set(String(line.line), { label: localize(line.label, lang), details: [] })
    const without = { label: french ? 'Montants sans ligne du montage' : 'Amounts with no financial plan line', details: [] as DetailRow[] }
    for (const axis of view.axes)
      for (const objective of axis.objectives)
        for (const row of objective.rows) {
          const place = objective.place
          const byLine = new Map<string, DetailRow>()
          for (const amount of row.amounts) {
            const key = amount.line === undefined ? '' : String(amount.line)
            const detail: DetailRow = byLine.get(key) ?? { place, byYear: new Map() }
            if (amount.fiscalYear) detail.byYear.set(amount.fiscalYear, (detail.byYear.get(amount.fiscalYear) ?? 0) + amount.cents)
            else detail.unspecified = (detail.unspecified ?? 0) + amount.cents
            byLine.set(key, detail)
          }
          for (const [key, detail] of byLine) {
            const group = key === '' ? without : groups.get(key) ?? { label: `${french ? 'Ligne' : 'Line'} ${key}`, details: [] }
            group.details.push(detail)
            if (key !== '') groups.set(key, group)
          }
        }
    for (const [line, group] of groups) writeGroup(line, group.label, group.details)
    if (without.details.length > 0) writeGroup('', without.label, without.details)
  }

  const total = sheet.getRow(rowNumber)
  total.getCell(2).value = 'Total'
  total.font = { bold: true }
  for (let index = 0; index <= amountColumns; index++) {
    const column = col(4 + index)
    const result = subtotalRows.reduce((sum, row) => sum + cellNumber(sheet.getRow(row).getCell(4 + index).value), 0)
    const cell = total.getCell(4 + index)
    cell.value = { formula: subtotalRows.map((row) => `${column}${row}`).join('+') || '0', result: Math.round(result * 100) / 100 }
    cell.numFmt = money
  }
  if (!montage) {
    const note = sheet.getRow(rowNumber + 2)
    note.getCell(1).value = french
      ? 'Montants tirés des cellules Budget du plan; les cellules qui renvoient au montage sans montant n’y figurent pas.'
      : 'Amounts taken from the plan’s Budget cells; cells that refer to the financial plan with no amount are not included.'
    note.font = { italic: true }
  }
}

function formSheet(workbook: ExcelJS.Workbook, form: FormSheet, context: RenderContext): void {
  const sheet = workbook.addWorksheet(sheetName(form.name), {
    state: form.hidden ? 'hidden' : 'visible',
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: LETTER, printTitlesRow: '1:1' },
  })
  const widths = form.columns.map((column) => column.width)
  sheet.columns = form.columns.map((column) => ({ width: column.width, hidden: column.hidden ?? false }))
  const header = sheet.getRow(1)
  form.columns.forEach((column, index) => (header.getCell(index + 1).value = column.header))
  styleHeader(header, form.columns.length, context)
  header.height = rowHeight(form.columns.map((column) => column.header), widths)
  form.rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 2)
    cells.forEach((text, column) => {
      if (text === '') return
      const format = form.columns[column]!
      const cell = row.getCell(column + 1)
      if (format.money && /^-?\d+\.\d\d$/.test(text)) {
        cell.value = Number(text)
        cell.numFmt = moneyFormat(context)
      } else cell.value = format.numeric && /^\d+$/.test(text) ? Number(text) : text
    })
    row.alignment = { wrapText: true, vertical: 'top' }
    // Spreadsheets do not grow a row to fit wrapped text they did not lay out themselves: its height is set.
    row.height = rowHeight(cells.map((text, column) => (form.columns[column]!.hidden ? '' : text)), widths)
  })
}

/** Points per line of 11 pt text, and the most a row may be (Excel's limit). */
const LINE_HEIGHT = 15
const MAX_ROW_HEIGHT = 409

/**
 * The height (points) a row needs for its wrapped cells: the tallest cell's line count, each text line
 * taking ceil(length / characters per line). A column of width w holds about w characters of 11 pt text.
 */
function rowHeight(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, index) =>
    text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, (widths[index] ?? 10) - 2))), 0),
  )
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, ...lines) * LINE_HEIGHT + 4)
}

/** Cell text: paragraphs on their own lines, list items with their numbers or bullets. */
export function cellText(blocks: readonly ViewBlock[], colon: string): string {
  const lines: string[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph') lines.push(plainText(block.text))
    else if (block.type === 'list')
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${(block.start ?? 1) + index}.` : '•'
        lines.push(`${marker} ${item.lead ? `${plainText(item.lead)}${colon}` : ''}${plainText(item.text)}`)
        for (const sub of item.items ?? []) lines.push(`   – ${plainText(sub)}`)
      })
    else lines.push(...block.rows.map((row) => row.join(' — ')))
  }
  return lines.join('\n')
}

function styleHeader(row: ExcelJS.Row, count: number, context: RenderContext): void {
  for (let index = 1; index <= count; index++) {
    const cell = row.getCell(index)
    cell.font = { bold: true, color: { argb: argb(context.theme.primary) } }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(context.theme.tint) } }
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin', color: { argb: argb(context.theme.primary) } } }
  }
}

/** The fiscal years the budget cells write, from the view's amounts (read once, by the domain). */
function collectYears(view: PlanView): string[] {
  const years: string[] = []
  for (const axis of view.axes)
    for (const objective of axis.objectives) for (const row of objective.rows) for (const amount of row.amounts) if (amount.fiscalYear) years.push(amount.fiscalYear)
  return years.sort()
}

function cellNumber(value: ExcelJS.CellValue): number {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result
  return 0
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31)
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`
}

function col(index: number): string {
  let name = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index)
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort()
}

import { FORM_WORDS, type FormSheet, formSheets, levelWords, localize, type Locale, type LocalizedText, type Profile, SHEET_NAMES } from '@demarche/domain'
import ExcelJS from 'exceljs'
import { withFixedDates } from './fixed-zip.js'

export interface TemplateOptions {
  /** The form's language; French, the reference language, by default. */
  language?: Locale
  /** The date written in the file's properties and zip entries (deterministic output). */
  clock?: () => Date
}

/** OOXML paper size 1 is US Letter; exceljs's PaperSize enum leaves it out. */
const LETTER = 1 as unknown as ExcelJS.PaperSize

/** Points per line of 11 pt text. */
const LINE_HEIGHT = 15

/** Lines a text takes in a column of `width` characters (a column of width w holds about w characters). */
function lineCount(value: string, width: number): number {
  return value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, width - 4))), 0)
}

/** Rows prepared for entries (participants, plan rows): validation and formatting cover them. */
export const FORM_ROWS = 500

/** The form's words live in the domain: the blank form, the plan rendered as a workbook and the importer share them. */
export { FORM_WORDS, SHEET_NAMES }

/**
 * The blank XLSX form of a profile: a sheet per part of the plan with the profile's headings, data validation
 * (with input messages) on the vocabulary columns — organisations from the Participants sheet, transversal
 * priorities, standard effects, preparation step kinds, budget lines — and widths and wrapping fit for typing.
 */
export async function blankFormXlsx(profile: Profile, options: TemplateOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'fr'
  const words = FORM_WORDS[language]
  const names = SHEET_NAMES[language]
  const text = (value: LocalizedText) => localize(value, language)
  const date = (options.clock ?? (() => new Date()))()
  const workbook = new ExcelJS.Workbook()
  // The form's own name, as the reports made from it sign theirs: not the toolkit's.
  workbook.creator = text(profile.title)
  workbook.created = date
  workbook.modified = date
  workbook.title = text(profile.title)
  const present = (key: keyof Profile['sections']) => profile.sections[key].presence !== 'absent'

  // Printed, every sheet fits the page width (landscape, Letter) and repeats its header row.
  const pageSetup: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: LETTER }
  const instructions = workbook.addWorksheet(names.instructions, { pageSetup })
  instructions.columns = [{ width: 34 }, { width: 100 }]
  instructions.getCell('A1').value = text(profile.title)
  instructions.getCell('A1').font = { bold: true, size: 14 }
  instructions.getCell('A2').value = formIntro(profile, language)
  instructions.mergeCells('A2:B2')
  instructions.getRow(2).alignment = { wrapText: true, vertical: 'top' }
  let row = 4
  for (const [key, section] of Object.entries(profile.sections) as Array<[keyof Profile['sections'], Profile['sections'][keyof Profile['sections']]]>) {
    if (!present(key)) continue
    instructions.getCell(row, 1).value = text(section.label)
    instructions.getCell(row, 1).font = { bold: true }
    instructions.getCell(row, 2).value = section.prompt ? text(section.prompt) : ''
    instructions.getRow(row).alignment = { wrapText: true, vertical: 'top' }
    // Spreadsheets do not grow a row for wrapped text they did not lay out themselves: its height is set.
    instructions.getRow(row).height = LINE_HEIGHT * Math.max(lineCount(text(section.label), 34), lineCount(section.prompt ? text(section.prompt) : '', 100)) + 4
    row++
  }
  // How to write what a plan of any shape may have: sub-headings in the Plan sheet, notes on a sheet of their own.
  const forms = new Map(formSheets(profile, language).map((form) => [form.key, form]))
  const subHeading = forms.get('plan')!.columns.find((column) => column.key === 'heading')!.header
  for (const [label, help] of [[subHeading, words.rowHeadingHelp], [names.notes, words.notesHelp]] as const) {
    instructions.getCell(row, 1).value = label
    instructions.getCell(row, 1).font = { bold: true }
    instructions.getCell(row, 2).value = help
    instructions.getRow(row).alignment = { wrapText: true, vertical: 'top' }
    instructions.getRow(row).height = LINE_HEIGHT * Math.max(lineCount(label, 34), lineCount(help, 100)) + 4
    row++
  }

  // Vocabularies live on a hidden sheet so validation lists can point at them (an inline list is capped at 255 characters).
  const lists = workbook.addWorksheet(names.lists, { state: 'hidden' })
  const vocabularies = {
    priorities: profile.transversalPriorities.map((entry) => text(entry.label)),
    effects: profile.standardEffects.map((entry) => text(entry.label)),
    stepKinds: profile.preparationStepKinds.map((entry) => text(entry.label)),
    budgetLines: profile.budgetLines.map((line) => `${line.line} — ${text(line.label)}`),
    yesNo: [words.yes, words.no],
    // Only a form with a montage sheet (a budget column) lists its elements: another region's form names no budget.
    montageElements: profile.columns.budget.presence !== 'absent' ? Object.values(words.montageElements) : [],
  }
  const listRange = Object.fromEntries(
    Object.entries(vocabularies).map(([key, values], index) => {
      values.forEach((value, at) => (lists.getCell(at + 1, index + 1).value = value))
      const column = String.fromCharCode(65 + index)
      return [key, values.length > 0 ? `'${names.lists}'!$${column}$1:$${column}$${values.length}` : undefined]
    }),
  ) as Record<keyof typeof vocabularies, string | undefined>

  // Every data sheet is the domain's layout, the one the plan rendered as a workbook has and the importer reads.
  const table = (form: FormSheet) => {
    const sheet = workbook.addWorksheet(form.name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...pageSetup, printTitlesRow: '1:1' } })
    sheet.columns = form.columns.map((column) => ({ header: column.header, key: column.key, width: column.width, hidden: column.hidden ?? false, style: { alignment: { wrapText: true, vertical: 'top' } } }))
    form.rows.forEach((cells, index) => cells.forEach((value, column) => value !== '' && (sheet.getCell(index + 2, column + 1).value = value)))
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
    return sheet
  }
  const columnOf = (sheet: ExcelJS.Worksheet, key: string) => sheet.getColumnKey(key)?.number
  const validate = (sheet: ExcelJS.Worksheet, column: number, range: string | undefined, prompt: string, strict: boolean) => {
    if (!range) return
    const letter = sheet.getColumn(column).letter
    const title = String(sheet.getCell(1, column).value).slice(0, 32)
    rangeValidations(sheet).add(`${letter}2:${letter}${FORM_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showInputMessage: true,
      promptTitle: title,
      prompt,
      // Names may be several to a cell and new ones may come: a warning lets them through, the import checks them.
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: title,
      error: strict ? words.chooseFromList : words.notInList,
    })
  }

  const sheets = new Map([...forms].map(([key, form]) => [key, table(form)]))
  const participants = sheets.get('participants')
  if (participants) validate(participants, columnOf(participants, 'fiduciary')!, listRange.yesNo, words.chooseFromList, true)
  const preparation = sheets.get('preparation')
  if (preparation) validate(preparation, columnOf(preparation, 'kind')!, listRange.stepKinds, words.chooseFromList, false)
  const plan = sheets.get('plan')!
  const roster = participants ? `'${participants.name}'!$A$2:$A$${FORM_ROWS + 1}` : undefined
  for (const key of ['responsible', 'partners'] as const) if (columnOf(plan, key)) validate(plan, columnOf(plan, key)!, roster, words.chooseParticipant, false)
  if (columnOf(plan, 'effect')) validate(plan, columnOf(plan, 'effect')!, listRange.effects, words.chooseFromList, false)
  if (columnOf(plan, 'budgetLine')) validate(plan, columnOf(plan, 'budgetLine')!, listRange.budgetLines, words.chooseFromList, true)
  const montage = sheets.get('financialPlan')
  if (montage) validate(montage, columnOf(montage, 'element')!, listRange.montageElements, words.chooseFromList, true)
  const priorities = sheets.get('priorities')
  if (priorities) validate(priorities, columnOf(priorities, 'priority')!, listRange.priorities, words.chooseFromList, true)

  return withFixedDates(new Uint8Array(await workbook.xlsx.writeBuffer()), date)
}

/**
 * exceljs validates a whole range in one rule at run time (`worksheet.dataValidations.add`), but its type
 * declarations only show the per-cell form, which would write one rule per cell.
 */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations
}

/**
 * How to fill the Plan sheet, in the profile's words: its levels (none for an absent axis level), its schedule
 * column and a year as its notation writes one. Lanaudière's forms read as they always have (`FORM_WORDS.intro`).
 */
export function formIntro(profile: Profile, language: Locale): string {
  const { axis, objective } = profile.levels
  const repeated = [...(axis.presence === 'absent' ? [] : [levelWords(axis).the[language]]), levelWords(objective).the[language]]
  const scheme = profile.yearScheme
  const notation = scheme.notation ?? 'plan-year'
  const year = notation === 'plan-year' ? localize(scheme.label, language).replace('{n}', '6') : notation === 'calendar-year' ? String(scheme.originYear + 2) : `${scheme.originYear + 6}-${scheme.originYear + 7}`
  const schedule = profile.columns.schedule.presence === 'absent' ? undefined : localize(profile.columns.schedule.label, language)
  if (language === 'en')
    return [
      `Fill one row per action; repeat ${repeated.join(' and ')} on every row. Do not rename the sheets or the headers.`,
      ...(schedule ? [`${schedule}: a line [${year}] opens a block of years, “1.” numbers a step, “•” marks one without a number, an indented “–” lists its items.`] : []),
    ].join(' ')
  return [
    `Remplissez une ligne par action; répétez ${repeated.join(' et ')} sur chaque ligne. Ne renommez pas les feuilles ni les en-têtes.`,
    ...(schedule ? [`${schedule} : une ligne [${year}] ouvre un bloc d’années, « 1. » numérote une étape, « • » la marque sans numéro, « – » en retrait en liste les éléments.`] : []),
  ].join(' ')
}

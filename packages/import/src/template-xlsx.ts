import { localize, type Locale, type LocalizedText, type Profile } from '@demarche/domain'
import { COLUMN_KEYS } from '@demarche/domain'
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

/** The sheet names, fixed per language: the importer finds the parts by them. */
export const SHEET_NAMES = {
  fr: { instructions: 'Instructions', participants: 'Participants', preparation: 'Préparation', plan: 'Plan', priorities: 'Priorités', followUp: 'Suivi', complementarity: 'Complémentarité', lists: 'Listes' },
  en: { instructions: 'Instructions', participants: 'Participants', preparation: 'Preparation', plan: 'Plan', priorities: 'Priorities', followUp: 'Follow-up', complementarity: 'Complementarity', lists: 'Lists' },
} as const

export const FORM_WORDS = {
  fr: {
    organisation: 'Organisme',
    contacts: 'Personne(s) contact',
    fiduciary: 'Fiduciaire',
    yes: 'Oui',
    no: 'Non',
    number: 'No',
    kind: 'Type d’étape',
    title: 'Titre',
    date: 'Date (AAAA-MM-JJ ou telle qu’écrite)',
    description: 'Description',
    text: 'Texte',
    priority: 'Priorité transversale',
    response: 'Réponse',
    effect: 'Effet visé',
    budgetLine: 'Ligne du montage financier',
    chooseParticipant: 'Choisissez un organisme de la feuille Participants, ou écrivez les noms, un par ligne (Alt+Entrée).',
    chooseFromList: 'Choisissez dans la liste.',
    notInList: 'Cette valeur n’est pas dans la liste ; elle sera signalée à l’importation.',
    intro: 'Remplissez une ligne par action ; répétez l’axe et l’objectif sur chaque ligne. Ne renommez pas les feuilles ni les en-têtes.',
  },
  en: {
    organisation: 'Organisation',
    contacts: 'Contact person(s)',
    fiduciary: 'Fiduciary',
    yes: 'Yes',
    no: 'No',
    number: 'No.',
    kind: 'Step kind',
    title: 'Title',
    date: 'Date (YYYY-MM-DD or as written)',
    description: 'Description',
    text: 'Text',
    priority: 'Transversal priority',
    response: 'Response',
    effect: 'Intended effect',
    budgetLine: 'Financial plan line',
    chooseParticipant: 'Choose an organisation from the Participants sheet, or type the names, one per line (Alt+Enter).',
    chooseFromList: 'Choose from the list.',
    notInList: 'This value is not in the list; the import will flag it.',
    intro: 'Fill one row per action; repeat the axis and the objective on every row. Do not rename the sheets or the headers.',
  },
} as const

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
  workbook.creator = 'Démarche'
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
  instructions.getCell('A2').value = words.intro
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

  // Vocabularies live on a hidden sheet so validation lists can point at them (an inline list is capped at 255 characters).
  const lists = workbook.addWorksheet(names.lists, { state: 'hidden' })
  const vocabularies = {
    priorities: profile.transversalPriorities.map((entry) => text(entry.label)),
    effects: profile.standardEffects.map((entry) => text(entry.label)),
    stepKinds: profile.preparationStepKinds.map((entry) => text(entry.label)),
    budgetLines: profile.budgetLines.map((line) => `${line.line} — ${text(line.label)}`),
    yesNo: [words.yes, words.no],
  }
  const listRange = Object.fromEntries(
    Object.entries(vocabularies).map(([key, values], index) => {
      values.forEach((value, at) => (lists.getCell(at + 1, index + 1).value = value))
      const column = String.fromCharCode(65 + index)
      return [key, values.length > 0 ? `'${names.lists}'!$${column}$1:$${column}$${values.length}` : undefined]
    }),
  ) as Record<keyof typeof vocabularies, string | undefined>

  const table = (name: string, headers: string[], widths: number[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...pageSetup, printTitlesRow: '1:1' } })
    sheet.columns = headers.map((header, index) => ({ header, width: widths[index] ?? 30, style: { alignment: { wrapText: true, vertical: 'top' } } }))
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
    return sheet
  }
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

  if (present('participants')) {
    const sheet = table(names.participants, [words.organisation, words.contacts, words.fiduciary], [48, 40, 14])
    validate(sheet, 3, listRange.yesNo, words.chooseFromList, true)
  }
  if (present('preparation')) {
    const sheet = table(names.preparation, [words.number, words.kind, words.title, words.date, words.description], [6, 30, 40, 22, 70])
    validate(sheet, 2, listRange.stepKinds, words.chooseFromList, false)
  }

  const columns = COLUMN_KEYS.filter((key) => profile.columns[key].presence !== 'absent')
  const levels = (['axis', 'objective', 'action'] as const).filter((key) => profile.levels[key].presence !== 'absent')
  const headers = [
    ...levels.map((key) => text(profile.levels[key].columnHeading ?? profile.levels[key].label)),
    ...columns.flatMap((key) => [text(profile.columns[key].label), ...(key === 'results' && listRange.effects ? [words.effect] : []), ...(key === 'budget' && listRange.budgetLines ? [words.budgetLine] : [])]),
  ]
  const plan = table(names.plan, headers, headers.map((_, index) => (index < levels.length ? 32 : 30)))
  const participants = present('participants') ? `'${names.participants}'!$A$2:$A$${FORM_ROWS + 1}` : undefined
  headers.forEach((header, index) => {
    const key = columns.find((candidate) => text(profile.columns[candidate].label) === header)
    if (key === 'responsible' || key === 'partners') validate(plan, index + 1, participants, words.chooseParticipant, false)
    if (header === words.effect) validate(plan, index + 1, listRange.effects, words.chooseFromList, false)
    if (header === words.budgetLine) validate(plan, index + 1, listRange.budgetLines, words.chooseFromList, true)
  })

  if (present('priorityResponses')) {
    const sheet = table(names.priorities, [words.priority, words.response], [40, 100])
    validate(sheet, 1, listRange.priorities, words.chooseFromList, true)
    vocabularies.priorities.forEach((priority, index) => (sheet.getCell(index + 2, 1).value = priority))
  }
  if (present('followUp')) table(names.followUp, [words.number, words.text], [6, 110])
  if (present('complementarity')) table(names.complementarity, [words.number, words.text], [6, 110])

  return withFixedDates(new Uint8Array(await workbook.xlsx.writeBuffer()), date)
}

/**
 * exceljs validates a whole range in one rule at run time (`worksheet.dataValidations.add`), but its type
 * declarations only show the per-cell form, which would write one rule per cell.
 */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations
}

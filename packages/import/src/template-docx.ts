import { COLUMN_KEYS, levelWords, localize, type LocalizedText, planTerms, type Profile } from '@demarche/domain'
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { strFromU8, strToU8 } from 'fflate'
import { withFixedDates } from './fixed-zip.js'
import type { TemplateOptions } from './template-xlsx.js'

/** Empty rows each table of the blank form offers; Word adds more with Tab in the last cell. */
const BLANK_ROWS = 3

export const DOCX_FORM_WORDS = {
  fr: {
    intro: 'Remplissez chaque section sous sa question. Gardez les titres et les en-têtes de colonnes : l’importation les reconnaît (même numérotés ou légèrement modifiés).',
    organisation: 'Organismes',
    /** After the profile's word for contact people ("Personnes ressources"). */
    optional: 'optionnel',
  },
  en: {
    intro: 'Fill in each section under its question. Keep the headings and column headings: the import recognises them (even numbered or slightly changed).',
    organisation: 'Organisations',
    optional: 'optional',
  },
} as const

/**
 * The blank Word form of a profile, as a coordinator expects it: the title, a heading and the question of
 * every section the profile has (a roster table, numbered lists for steps, follow-up and complementarity,
 * one paragraph per transversal priority), then one table per axis with the profile's column headings
 * (and the schedule's parts as a second header row). Word's own styles, so `importDocx` reads it back.
 * The bytes are the same for the same profile, language and clock.
 */
export async function blankFormDocx(profile: Profile, options: TemplateOptions = {}): Promise<Uint8Array> {
  const language = options.language ?? 'fr'
  const date = (options.clock ?? (() => new Date()))()
  const text = (value: LocalizedText) => localize(value, language)
  const words = DOCX_FORM_WORDS[language]
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text(profile.title))] }),
    new Paragraph({ children: [new TextRun({ text: words.intro, italics: true })] }),
  ]
  let lists = 0
  const numbered = () => new Paragraph({ numbering: { reference: 'form-numbers', level: 0, instance: ++lists }, children: [] })
  const sections = profile.sections
  const present = (key: keyof Profile['sections']) => sections[key].presence !== 'absent'
  const section = (key: keyof Profile['sections'], content: () => Array<Paragraph | Table>) => {
    if (!present(key)) return
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text(sections[key].label))] }))
    const prompt = sections[key].prompt
    if (prompt) children.push(new Paragraph({ children: [new TextRun({ text: text(prompt), italics: true })] }))
    children.push(...content())
  }
  section('regionalPriority', () => [new Paragraph('')])
  section('participants', () => [grid([words.organisation, `${planTerms(profile, language).contacts} (${words.optional})`], [], BLANK_ROWS, PORTRAIT_WIDTH)])
  section('preparation', () => [numbered()])
  section('followUp', () => [numbered()])
  section('complementarity', () => [numbered()])
  section('priorityResponses', () => profile.transversalPriorities.flatMap((priority) => [new Paragraph({ children: [new TextRun({ text: text(priority.label), bold: true })] }), new Paragraph('')]))
  section('narrative', () => [new Paragraph('')])

  // The plan table on a landscape page of its own, as the rendered plan has it: its columns need the width.
  const tablePage: Array<Paragraph | Table> = []
  const { levels, columns } = profile
  const headers = [
    text(levels.objective.columnHeading ?? levels.objective.label),
    ...(levels.action.presence !== 'absent' ? [text(levels.action.columnHeading ?? levels.action.label)] : []),
    ...COLUMN_KEYS.filter((key) => columns[key].presence !== 'absent').map((key) => text(columns[key].label)),
  ]
  const parts = columns.schedule.presence !== 'absent' ? columns.schedule.parts?.map(text) : undefined
  // An axis level heads the table with its name, numbered unless the level is `none`; a form without one has a
  // single table, headed by its objectives' name as the rendered plan has it (the import finds the table under it).
  const axis = levels.axis.presence !== 'absent'
  const axisHeading = `${text(levels.axis.label)}${levels.axis.numbering === 'none' ? '' : ' 1'}${language === 'fr' ? ' : ' : ': '}`
  // A form with no action level and no column has no plan table: its objectives are the items of a list, as its
  // documents show them (the service offer's services), on the portrait pages.
  const hasTable = levels.action.presence !== 'absent' || COLUMN_KEYS.some((key) => columns[key].presence !== 'absent')
  const planPart = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(axis ? axisHeading : text(levels.objective.columnHeading ?? levels.objective.label))] }),
    new Paragraph({ children: [new TextRun({ text: tableInstruction(profile, language), italics: true })] }),
    hasTable
      ? grid(headers, parts && parts.length === 2 ? [text(columns.schedule.label), parts] : [], BLANK_ROWS, LANDSCAPE_WIDTH)
      : new Paragraph({ numbering: { reference: 'form-bullets', level: 0 }, children: [] }),
  ]
  if (hasTable) tablePage.push(...planPart)
  else children.push(...planPart)
  const page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({
    page: { size: { orientation, width: LETTER.width, height: LETTER.height }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } },
  })
  const document = new Document({
    // The form's own name, not the toolkit's: another region's form says nothing of Lanaudière.
    creator: text(profile.title),
    title: text(profile.title),
    styles: FORM_STYLES,
    numbering: {
      config: [
        { reference: 'form-numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }] },
        { reference: 'form-bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }] },
      ],
    },
    sections: [{ properties: page(PageOrientation.PORTRAIT), children }, ...(tablePage.length > 0 ? [{ properties: page(PageOrientation.LANDSCAPE), children: tablePage }] : [])],
  })
  return withFixedDates(new Uint8Array(await Packer.toArrayBuffer(document)), date, datedCore(date))
}

/**
 * What to write in the plan table, in the words of the form's levels: with an axis level, a copy of the heading
 * and the table for each axis ("pour chaque volet"); one row per action (per objective when the form has no
 * action level), the objective's cell merged over its rows.
 */
export function tableInstruction(profile: Profile, language: 'fr' | 'en'): string {
  const axis = profile.levels.axis.presence === 'absent' ? undefined : levelWords(profile.levels.axis)
  const objective = levelWords(profile.levels.objective)
  const action = profile.levels.action.presence === 'absent' ? undefined : levelWords(profile.levels.action)
  const table = action !== undefined || COLUMN_KEYS.some((key) => profile.columns[key].presence !== 'absent')
  if (language === 'fr') {
    if (!table) return `${axis ? `Copiez ce titre et cette liste pour chaque ${axis.name.fr}. ` : ''}Un élément de la liste par ${objective.name.fr}, sa description en dessous, sans puce.`
    const copy = axis ? `Copiez ce titre et ce tableau pour chaque ${axis.name.fr}. ` : ''
    return copy + (action ? `Une ligne par ${action.name.fr}; fusionnez verticalement la cellule ${objective.of.fr} sur toutes ses lignes.` : `Une ligne par ${objective.name.fr}.`)
  }
  if (!table) return `${axis ? `Copy this heading and this list for each ${axis.name.en}. ` : ''}One list item per ${objective.name.en}, its description below it, unbulleted.`
  const copy = axis ? `Copy this heading and this table for each ${axis.name.en}. ` : ''
  return copy + (action ? `One row per ${action.name.en}; merge the cell ${objective.of.en} vertically over all its rows.` : `One row per ${objective.name.en}.`)
}

/** US Letter, as forms are printed in Québec (docx swaps width and height for a landscape page). */
const LETTER = { width: 12240, height: 15840 }
/** What a page leaves for a table inside its margins of 1000 twips. */
const PORTRAIT_WIDTH = LETTER.width - 2000
const LANDSCAPE_WIDTH = LETTER.height - 2000
/** About the width of a character of the table's 9-point text, and a cell's own margins, in twips. */
const TABLE_CHAR = 100
const CELL_MARGINS = 220

/** The rendered plan's type: Calibri, headings that stand out; the table's text a size smaller so its columns hold their headings. */
const FORM_STYLES = {
  default: { document: { run: { font: 'Calibri', size: 21 } } },
  paragraphStyles: [
    { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 36, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
    { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
    { id: 'FormTable', name: 'Form table', basedOn: 'Normal', quickFormat: true, run: { size: 18 } },
  ],
}

/**
 * A table with a bold header row and empty rows. `split`: the heading of a column with two parts (the
 * schedule's Date / Étapes) spans two grid columns over a second header row naming the parts.
 */
function grid(headers: readonly string[], split: readonly [string, readonly string[]] | readonly [], blankRows: number, tableWidth: number): Table {
  const bold = (value: string) => new Paragraph({ style: 'FormTable', children: [new TextRun({ text: value, bold: true })] })
  const [splitHeading, parts] = split
  const cells = headers.map((header) => new TableCell({ children: [bold(header)], ...(header === splitHeading && { columnSpan: 2 }) }))
  const width = headers.length + (splitHeading ? 1 : 0)
  // Each grid column at least as wide as the longest word of its heading, so that no heading breaks inside a
  // word; the rest of the page shared in proportion, and all narrowed alike when the page is too narrow.
  // A split heading spans its two parts' columns: each holds its part and half the heading's longest word.
  const longestWord = (heading: string) => Math.max(...heading.split(/\s+/).map((word) => word.length))
  const least = headers.flatMap((header) => (header === splitHeading && parts ? parts.map((part) => Math.max(longestWord(part), Math.ceil(longestWord(header) / 2))) : [longestWord(header)])).map((characters) => characters * TABLE_CHAR + CELL_MARGINS)
  const spare = tableWidth - least.reduce((total, each) => total + each, 0)
  const columnWidths = spare >= 0 ? least.map((each) => Math.floor(each + spare / least.length)) : least.map((each) => Math.floor((each * tableWidth) / (tableWidth - spare)))
  const rows = [new TableRow({ tableHeader: true, children: cells })]
  if (splitHeading && parts)
    rows.push(new TableRow({ tableHeader: true, children: headers.flatMap((header) => (header === splitHeading ? parts.map((part) => new TableCell({ children: [bold(part)] })) : [new TableCell({ children: [new Paragraph('')] })])) }))
  for (let row = 0; row < blankRows; row++) rows.push(new TableRow({ children: Array.from({ length: width }, () => new TableCell({ children: [new Paragraph('')] })) }))
  return new Table({ width: { size: tableWidth, type: WidthType.DXA }, columnWidths, rows })
}

/** docx stamps the document's properties with the current time: they take the clock's date instead. */
function datedCore(date: Date) {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return (path: string, data: Uint8Array): Uint8Array =>
    path !== 'docProps/core.xml'
      ? data
      : strToU8(
          strFromU8(data)
            .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
            .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`),
        )
}

import type { PlanDocument } from '@demarche/domain'
import { Document, Packer, Paragraph, PatchType, patchDocument, type Table, TextRun } from 'docx'
import type { RenderContext } from '../context.js'
import { plainText } from '../inline.js'
import { planView, type PlanView, type ViewBlock } from '../view/plan-view.js'
import { wordsOf } from '../words.js'
import { rewriteZip, setCoreDates, zipParts } from '../zip.js'
import { xmlSafeDeep } from '../xml-safe.js'
import { unzipSync } from 'fflate'
import { declarePlanPart, planParts } from './plan-part.js'
import { addTableAltText, documentStyles, DocxWriter, renumberBookmarks, runs, section } from './build.js'

export interface DocxOptions {
  /**
   * An organisation's own .docx with placeholders ({{title}}, {{facts}}, {{produced}}, {{content}}): its cover,
   * styles and fixed sections are kept; the plan fills the placeholders.
   */
  template?: Uint8Array
}

/** The plan as a Word document: portrait for the form's answers, landscape sections for the plan tables. */
export async function planDocx(given: PlanDocument, givenContext: RenderContext, options: DocxOptions = {}): Promise<Uint8Array> {
  const plan = xmlSafeDeep(given)
  const context = { ...givenContext, theme: xmlSafeDeep(givenContext.theme) }
  const view = planView(plan, context)
  const header = [context.theme.organisation, view.title].filter(Boolean).join(' — ')
  const textLists = options.template !== undefined
  const lists = { count: 0 }
  const front = new DocxWriter(context.theme, textLists, lists)
  writeFront(front, view, new Set((plan.narrative ?? []).map((section) => section.id)))
  const tables = new DocxWriter(context.theme, textLists, lists)
  writeAxes(tables, view)
  writeNotes(tables, view)
  if (options.template) return fromTemplate(options.template, view, front, tables, context)
  const numbering = mergeNumbering(front, tables)
  const document = new Document({
    creator: context.theme.organisation ?? view.author,
    title: view.title,
    description: view.produced,
    styles: documentStyles(context.theme),
    numbering,
    sections: [
      section(front.body.children, { landscape: false, header, french: view.french }),
      ...(tables.body.children.length > 0 ? [section(tables.body.children, { landscape: true, header, french: view.french })] : []),
    ],
  })
  return packDocx(document, context, [...front.body.tableDescriptions, ...tables.body.tableDescriptions], plan)
}

function writeFront(writer: DocxWriter, view: PlanView, narrativeIds: ReadonlySet<string>): void {
  writer.heading(view.title, 'title')
  for (const fact of view.facts) writer.paragraph(`**${fact.label}**${wordsOf({ locale: view.lang }).colon}${fact.value}`)
  writer.paragraph(view.produced, { italic: true })
  for (const section of view.sections) {
    writer.heading(section.heading, 1, narrativeIds.has(section.id) ? [section.id] : [])
    if (section.prompt) writer.paragraph(section.prompt, { italic: true })
    writer.blocks(section.blocks)
  }
}

/** The document's notes after the plan table, each after its call as printed in the text. */
function writeNotes(writer: DocxWriter, view: PlanView): void {
  if (view.notes.length === 0) return
  writer.heading(view.labels.notes, 1)
  for (const note of view.notes) writer.paragraph(note.marker ? `${note.marker} ${note.text}` : note.text)
}

/** Half-points: 9 pt. */
const TABLE_TEXT = 18

function writeAxes(writer: DocxWriter, view: PlanView): void {
  for (const axis of view.axes) {
    if (axis.heading) writer.heading(axis.heading, 1, [axis.id])
    writer.blocks(axis.description)
    if (axis.objectives.every((objective) => objective.rows.length === 0)) {
      for (const objective of axis.objectives) {
        writer.blocks([{ type: 'list', ordered: false, items: [{ text: objective.title, id: objective.id }] }])
        writer.blocks(objective.details)
      }
      continue
    }
    const header = [view.labels.objectiveColumn, ...axis.columns.map((column) => column.label)]
    // The plan table's text is 9 pt, as in the PDFs: at the body's size its rows run over pages.
    const rows = axis.objectives.flatMap((objective) =>
      objective.rows.map((row, index) => [
        index === 0
          ? {
              rowSpan: objective.rows.length,
              children: [writer.paragraphOf(objective.label, { strong: true, size: TABLE_TEXT, ids: [objective.id] }), writer.paragraphOf(objective.title, { size: TABLE_TEXT }), ...writer.blockChildren(objective.details, TABLE_TEXT)],
            }
          : null,
        // A row without means still carries its id, on an empty paragraph of its means cell.
        ...axis.columns.map((column) => ({
          children:
            column.key === 'means' && (row.cells.means ?? []).length === 0 ? [writer.paragraphOf('', { size: TABLE_TEXT, ids: [row.id] })] : writer.blockChildren(row.cells[column.key] ?? [], TABLE_TEXT),
        })),
      ]),
    )
    const columnTexts = [
      axis.objectives.map((objective): ViewBlock[] => [{ type: 'paragraph', text: objective.label }, { type: 'paragraph', text: objective.title }, ...objective.details]),
      ...axis.columns.map((column) => axis.objectives.flatMap((objective) => objective.rows.map((row) => row.cells[column.key] ?? []))),
    ]
    const description = view.french
      ? `${view.labels.planTable} — ${axis.short} : ${view.labels.objectiveCount(axis.objectives.length)}, colonnes ${header.join(', ')}.`
      : `${view.labels.planTable} — ${axis.short}: ${view.labels.objectiveCount(axis.objectives.length)}, columns ${header.join(', ')}.`
    writer.table(axis.caption, description, header, rows, columnWidths(header, columnTexts), true)
  }
}

/** A landscape letter page between 1000-twip margins. */
const LANDSCAPE_WIDTH = 15840 - 2000
/**
 * Widths of a 9 pt character (twips) in DejaVu Sans, which LibreOffice draws when Calibri is missing and is the
 * widest of the fonts a reader may get: regular text on average, and bold header letters; a cell's margins take
 * about 230.
 */
const CHAR = 100
const BOLD_CHAR = 130
const CELL_MARGINS = 230

/**
 * Widths (twips) of the plan table's columns, found as a browser lays out an automatic table (CSS 2.1, 17.5.2.2):
 * each column gets at least its longest word — header words whole ("responsable(s)", "changements"), no text
 * cut mid-word — then the width left is shared in proportion to how much more each column's text would take
 * on one line. Long-text columns (means, schedule) get room and short ones (budget) stay narrow, as in the
 * HTML and PDF; without widths a word processor makes every column equal and cuts words.
 */
function columnWidths(header: readonly string[], columns: ReadonlyArray<ReadonlyArray<readonly ViewBlock[]>>): number[] {
  const words = (text: string) => plainText(text).split(/\s+/)
  const headerMinimum = header.map((title) => Math.max(0, ...words(title).map((word) => word.length)) * BOLD_CHAR + CELL_MARGINS)
  // A body word longer than a sixth of the page (a web address) may break; others stay whole when there is room.
  const minimum = columns.map((cells, index) =>
    Math.max(headerMinimum[index]!, Math.min(LANDSCAPE_WIDTH / 6, Math.max(0, ...cells.flatMap((cell) => blockTexts(cell).flatMap(words)).map((word) => word.length)) * CHAR) + CELL_MARGINS),
  )
  const maximum = columns.map((cells, index) => Math.max(minimum[index]!, ...cells.map((cell) => Math.max(0, ...blockTexts(cell).map((text) => plainText(text).length)) * CHAR + CELL_MARGINS)))
  const sum = (widths: readonly number[]) => widths.reduce((total, width) => total + width, 0)
  const least = sum(minimum)
  const most = sum(maximum)
  // Too little room for every word whole: header words keep theirs, long body words give way (they wrap mid-word).
  const shrunk = (headerLeast: number) => minimum.map((width, index) => headerMinimum[index]! + ((width - headerMinimum[index]!) * (LANDSCAPE_WIDTH - headerLeast)) / (least - headerLeast))
  const widths =
    least >= LANDSCAPE_WIDTH
      ? sum(headerMinimum) < LANDSCAPE_WIDTH
        ? shrunk(sum(headerMinimum))
        : minimum.map((width) => (width * LANDSCAPE_WIDTH) / least)
      : most <= LANDSCAPE_WIDTH
        ? maximum.map((width) => (width * LANDSCAPE_WIDTH) / most)
        : minimum.map((width, index) => width + ((maximum[index]! - width) * (LANDSCAPE_WIDTH - least)) / (most - least))
  return widths.map(Math.floor)
}

/** Each line a cell would write: paragraphs, list items (with their lead), table rows. */
function blockTexts(blocks: readonly ViewBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? [block.text]
      : block.type === 'list'
        ? block.items.flatMap((item) => [`${item.lead ? `${item.lead} : ` : ''}${item.text}`, ...(item.items ?? [])])
        : block.rows.map((row) => row.join(' — ')),
  )
}

function mergeNumbering(...writers: DocxWriter[]) {
  const references = new Map<string, ReturnType<DocxWriter['numbering']>['config'][number]>()
  for (const writer of writers) for (const config of writer.numbering().config) references.set(config.reference, config)
  return { config: [...references.values()] }
}

async function fromTemplate(template: Uint8Array, view: PlanView, front: DocxWriter, tables: DocxWriter, context: RenderContext): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [...front.body.children.slice(1 + view.facts.length + 1), ...tables.body.children]
  const bytes = await patchDocument({
    outputType: 'uint8array',
    data: template,
    keepOriginalStyles: true,
    patches: {
      title: { type: PatchType.PARAGRAPH, children: runs(view.title) },
      facts: { type: PatchType.DOCUMENT, children: view.facts.map((fact) => new Paragraph({ children: [...runs(fact.label, { bold: true }), new TextRun(`${wordsOf({ locale: view.lang }).colon}${fact.value}`)] })) },
      produced: { type: PatchType.PARAGRAPH, children: runs(view.produced) },
      content: { type: PatchType.DOCUMENT, children },
    },
  })
  return finish(bytes, context, [...front.body.tableDescriptions, ...tables.body.tableDescriptions])
}

function finish(bytes: Uint8Array, context: RenderContext, descriptions: ReadonlyArray<{ caption: string; description: string }>): Uint8Array {
  const date = context.clock()
  return rewriteZip(bytes, date, editPart(date, descriptions))
}

function editPart(date: Date, descriptions: ReadonlyArray<{ caption: string; description: string }>, plan?: PlanDocument) {
  return (path: string, text: string) => {
    if (plan && (path === 'word/_rels/document.xml.rels' || path === '[Content_Types].xml')) return declarePlanPart(path, text)
    if (path === 'docProps/core.xml') return setCoreDates(text, date)
    if (path === 'word/document.xml') return renumberBookmarks(addTableAltText(text, descriptions))
    return text
  }
}

interface Compiler {
  compile(file: Document, prettify?: boolean): Map<string, Uint8Array | string>
}

/**
 * Packs a document with its parts edited and dated, compressing once. docx's compiler (what its Packer zips)
 * is used when it is there; otherwise the packed file is unzipped, edited and zipped again.
 */
export async function packDocx(document: Document, context: RenderContext, descriptions: ReadonlyArray<{ caption: string; description: string }>, plan?: PlanDocument): Promise<Uint8Array> {
  const date = context.clock()
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler
  const parts: Iterable<[string, Uint8Array | string]> =
    compiler && typeof compiler.compile === 'function' ? compiler.compile(document) : Object.entries(unzipSync(new Uint8Array(await Packer.toArrayBuffer(document))))
  return zipParts([...parts, ...(plan ? planParts(plan) : [])], date, editPart(date, descriptions, plan))
}

import type { PlanDocument } from '@demarche/domain'
import { Document, Packer, Paragraph, PatchType, patchDocument, type Table, TextRun } from 'docx'
import type { RenderContext } from '../context.js'
import { planView, type PlanView } from '../view/plan-view.js'
import { wordsOf } from '../words.js'
import { rewriteZip, setCoreDates, zipParts } from '../zip.js'
import { xmlSafeDeep } from '../xml-safe.js'
import { addTableAltText, documentStyles, DocxWriter, runs, section } from './build.js'

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
  writeFront(front, view)
  const tables = new DocxWriter(context.theme, textLists, lists)
  writeAxes(tables, view)
  if (options.template) return fromTemplate(options.template, view, front, tables, context)
  const numbering = mergeNumbering(front, tables)
  const document = new Document({
    creator: context.theme.organisation ?? 'Démarche',
    title: view.title,
    description: view.produced,
    styles: documentStyles(context.theme),
    numbering,
    sections: [
      section(front.body.children, { landscape: false, header, french: view.french }),
      ...(tables.body.children.length > 0 ? [section(tables.body.children, { landscape: true, header, french: view.french })] : []),
    ],
  })
  return packDocx(document, context, [...front.body.tableDescriptions, ...tables.body.tableDescriptions])
}

function writeFront(writer: DocxWriter, view: PlanView): void {
  writer.heading(view.title, 'title')
  for (const fact of view.facts) writer.paragraph(`**${fact.label}**${wordsOf({ locale: view.lang }).colon}${fact.value}`)
  writer.paragraph(view.produced, { italic: true })
  for (const section of view.sections) {
    writer.heading(section.heading, 1)
    if (section.prompt) writer.paragraph(section.prompt, { italic: true })
    writer.blocks(section.blocks)
  }
}

function writeAxes(writer: DocxWriter, view: PlanView): void {
  for (const axis of view.axes) {
    writer.heading(axis.heading, 1)
    writer.blocks(axis.description)
    if (axis.objectives.every((objective) => objective.rows.length === 0)) {
      for (const objective of axis.objectives) {
        writer.blocks([{ type: 'list', ordered: false, items: [{ text: objective.title }] }])
        writer.blocks(objective.details)
      }
      continue
    }
    const header = [view.labels.objectiveColumn, ...axis.columns.map((column) => column.label)]
    const rows = axis.objectives.flatMap((objective) =>
      objective.rows.map((row, index) => [
        index === 0
          ? { rowSpan: objective.rows.length, children: [new Paragraph({ children: runs(objective.label, { bold: true }) }), new Paragraph({ children: runs(objective.title) }), ...writer.blockChildren(objective.details)] }
          : null,
        ...axis.columns.map((column) => ({ children: writer.blockChildren(row.cells[column.key] ?? []) })),
      ]),
    )
    const description = view.french
      ? `Tableau du plan pour ${axis.short} : ${axis.objectives.length} objectif(s), colonnes ${header.join(', ')}.`
      : `Plan table for ${axis.short}: ${axis.objectives.length} objective(s), columns ${header.join(', ')}.`
    writer.table(axis.caption, description, header, rows, columnWidths(header, ['objective', ...axis.columns.map((column) => column.key)]), true)
  }
}

/** Column weights of the plan table, as the PDFs use: objective, means and schedule widest, budget narrowest. */
const WEIGHTS: Record<string, number> = { objective: 1.3, means: 1.6, responsible: 0.8, partners: 1, results: 1.4, indicators: 0.8, schedule: 1.8, budget: 0.9 }
/** A landscape letter page between 1000-twip margins. */
const LANDSCAPE_WIDTH = 15840 - 2000
/**
 * A bold 9 pt header character is at most about 130 twips wide on average (DejaVu Sans, which LibreOffice
 * draws when Calibri is missing, is the widest); a cell's margins take about 230.
 */
const CHAR = 130
const CELL_MARGINS = 230

/**
 * Widths (twips) of the plan table's columns: shared out by weight, then widened until the longest word of
 * each header fits whole, taking the width from columns with room to spare. Without them a word processor
 * gives every column the same width and cuts headers mid-word ("changemen / ts").
 */
function columnWidths(header: readonly string[], keys: readonly string[]): number[] {
  const weights = keys.map((key) => WEIGHTS[key] ?? 1)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const widths = weights.map((weight) => (LANDSCAPE_WIDTH * weight) / total)
  const needed = header.map((text) => Math.max(0, ...text.split(/\s+/).map((word) => word.length)) * CHAR + CELL_MARGINS)
  const missing = widths.reduce((sum, width, index) => sum + Math.max(0, needed[index]! - width), 0)
  const spare = widths.reduce((sum, width, index) => sum + Math.max(0, width - needed[index]!), 0)
  const fitted = missing === 0 || spare < missing ? widths : widths.map((width, index) => (width < needed[index]! ? needed[index]! : width - ((width - needed[index]!) * missing) / spare))
  return fitted.map(Math.floor)
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

function editPart(date: Date, descriptions: ReadonlyArray<{ caption: string; description: string }>) {
  return (path: string, text: string) => {
    if (path === 'docProps/core.xml') return setCoreDates(text, date)
    if (path === 'word/document.xml') return addTableAltText(text, descriptions)
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
export async function packDocx(document: Document, context: RenderContext, descriptions: ReadonlyArray<{ caption: string; description: string }>): Promise<Uint8Array> {
  const date = context.clock()
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler
  if (compiler && typeof compiler.compile === 'function') return zipParts(compiler.compile(document), date, editPart(date, descriptions))
  return finish(new Uint8Array(await Packer.toArrayBuffer(document)), context, descriptions)
}

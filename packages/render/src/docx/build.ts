import {
  AlignmentType, Bookmark, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, type ISectionOptions, LevelFormat, PageNumber, PageOrientation,
  Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx'
import type { Theme } from '../context.js'
import { inlineRuns } from '../inline.js'
import type { ViewBlock, ViewItem } from '../view/plan-view.js'
import { wordsOf } from '../words.js'

/** Body content: paragraphs and tables, with the alternative text of each table in document order. */
export interface DocxBody {
  children: Array<Paragraph | Table>
  tableDescriptions: Array<{ caption: string; description: string }>
}

/**
 * Builds Word content with Word's own style names (Title, Heading 1–3, Caption, List Number, List Bullet,
 * Table Grid), so that an organisation's template restyles it. Numbered lists restart (or start at the
 * written number) through one numbering definition per start value.
 */
export class DocxWriter {
  readonly body: DocxBody = { children: [], tableDescriptions: [] }
  private readonly starts = new Set<number>([1])

  /**
   * `textLists`: numbers and bullets written as text, for templates that bring no numbering definitions.
   * `lists`: the count of numbered lists, shared by the writers of one document (front matter, axis tables,
   * nested tables) so that no two lists get the same numbering instance and Word continues neither.
   */
  constructor(
    readonly theme: Theme,
    private readonly textLists = false,
    private readonly lists: { count: number } = { count: 0 },
  ) {}

  /** `ids`: plan nodes that start at this heading, carried as hidden bookmarks (the importer reads them back). */
  heading(text: string, level: 1 | 2 | 3 | 'title', ids: readonly string[] = []): void {
    const heading = level === 'title' ? HeadingLevel.TITLE : level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3
    this.body.children.push(new Paragraph({ heading, keepNext: true, children: marked(ids, runs(text)) }))
  }

  paragraph(text: string, options: { strong?: boolean; italic?: boolean } = {}): void {
    this.body.children.push(this.paragraphOf(text, options))
  }

  blocks(blocks: readonly ViewBlock[]): void {
    for (const child of this.blockChildren(blocks)) this.body.children.push(child)
  }

  /**
   * A table with a repeated header row and alternative text, and a caption paragraph before it unless
   * `titled` (a heading just above already says it).
   */
  table(caption: string, description: string, header: string[], rows: Array<Array<{ children: Array<Paragraph | Table>; rowSpan?: number } | null>>, widths?: number[], titled = false): void {
    if (!titled) this.body.children.push(new Paragraph({ style: 'Caption', keepNext: true, children: runs(caption) }))
    const tableRows = [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, index) => new TableCell({ ...(widths && { width: { size: widths[index]!, type: WidthType.DXA } }), shading: { fill: this.theme.tint.replace('#', '') }, children: [new Paragraph({ children: runs(text, { bold: true, ...(widths && { size: HEADER_SIZE }) }) })] })),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            children: cells.flatMap((cell, index) =>
              cell === null ? [] : [new TableCell({ ...(widths && { width: { size: widths[index]!, type: WidthType.DXA } }), children: cell.children.length > 0 ? cell.children : [new Paragraph('')], ...(cell.rowSpan && cell.rowSpan > 1 && { rowSpan: cell.rowSpan }) })],
            ),
          }),
      ),
    ]
    this.body.children.push(
      new Table({
        style: 'TableGrid',
        ...(widths ? { width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED } : { width: { size: 100, type: WidthType.PERCENTAGE } }),
        borders: GRID_BORDERS,
        rows: tableRows,
      }),
    )
    this.body.tableDescriptions.push({ caption, description })
  }

  /** Block content for a table cell; `size` (half-points) sets its text's size, as the plan table's 9 pt. */
  blockChildren(blocks: readonly ViewBlock[], size?: number): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = []
    for (const block of blocks) {
      if (block.type === 'paragraph') out.push(this.paragraphOf(block.text, { strong: block.strong === true, ...(size && { size }), ...(block.ids && { ids: block.ids }) }))
      else if (block.type === 'list') out.push(...this.list(block.items, block.ordered, block.start, size))
      else {
        const nested = new DocxWriter(this.theme, this.textLists, this.lists)
        nested.starts.clear()
        nested.table(block.caption, block.caption, block.columns, block.rows.map((row, r) => row.map((cell, c) => ({ children: [nested.paragraphOf(cell, c === 0 && block.rowIds?.[r] ? { ids: [block.rowIds[r]] } : {})] }))), undefined, block.titled)
        for (const start of nested.starts) this.starts.add(start)
        this.body.tableDescriptions.push(...nested.body.tableDescriptions)
        out.push(...nested.body.children)
      }
    }
    return out
  }

  /** The numbering definitions the lists written so far need. */
  numbering() {
    return {
      config: [
        ...[...this.starts].sort((a, b) => a - b).map((start) => ({
          reference: `steps-${start}`,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }],
        })),
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 260 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 800, hanging: 260 } } } },
          ],
        },
      ],
    }
  }

  paragraphOf(text: string, options: { strong?: boolean; italic?: boolean; size?: number; ids?: readonly string[] } = {}): Paragraph {
    return new Paragraph({ children: marked(options.ids ?? [], runs(text, { ...(options.strong && { bold: true }), ...(options.italic && { italics: true }), ...(options.size && { size: options.size }) })) })
  }

  private list(items: readonly ViewItem[], ordered: boolean, start = 1, size?: number): Paragraph[] {
    const sized = size ? { size } : {}
    const out: Paragraph[] = []
    const instance = ++this.lists.count
    if (ordered) this.starts.add(start)
    items.forEach((item, index) => {
      const lead = item.lead ? [...runs(item.lead, { bold: true, ...sized }), new TextRun({ text: ' : ', ...sized })] : []
      if (this.textLists) {
        out.push(new Paragraph({ indent: { left: 400, hanging: 300 }, children: [new TextRun({ text: ordered ? `${start + index}.\t` : '•\t', ...sized }), ...lead, ...runs(item.text, sized)] }))
        for (const sub of item.items ?? []) out.push(new Paragraph({ indent: { left: 800, hanging: 260 }, children: [new TextRun({ text: '–\t', ...sized }), ...runs(sub, sized)] }))
        return
      }
      out.push(
        new Paragraph({
          style: ordered ? 'ListNumber' : 'ListBullet',
          numbering: ordered ? { reference: `steps-${start}`, level: 0, instance } : { reference: 'bullets', level: 0 },
          children: marked(item.id ? [item.id] : [], [...lead, ...runs(item.text, sized)]),
        }),
      )
      for (const sub of item.items ?? []) out.push(new Paragraph({ style: 'ListBullet', numbering: { reference: 'bullets', level: 1 }, children: runs(sub, sized) }))
    })
    return out
  }
}

/**
 * Prefix of the bookmarks that carry plan ids: Word keeps bookmarks through edits and hides those whose
 * name starts with "_", so a person does not see them and the importer finds each node again by its id.
 */
export const ID_BOOKMARK = '_dm_'

/** Word's longest bookmark name. */
const BOOKMARK_NAME_MAX = 40

/** Runs wrapped in one hidden bookmark per id (ids too long for a bookmark name are left out). */
function marked<T>(ids: readonly string[], children: T[]): Array<T | Bookmark> {
  const usable = ids.filter((id) => ID_BOOKMARK.length + id.length <= BOOKMARK_NAME_MAX)
  if (usable.length === 0) return children
  return usable.reduceRight<Array<T | Bookmark>>((inner, id) => [new Bookmark({ id: `${ID_BOOKMARK}${id}`, children: inner as never })], children)
}

/**
 * docx numbers bookmarks from a counter shared by the whole process: renumbered in document order, the same
 * plan gives the same bytes however many documents were made before it.
 */
export function renumberBookmarks(documentXml: string): string {
  const numbers = new Map<string, number>()
  return documentXml.replace(/<w:bookmark(Start|End) ([^>]*?)w:id="(\d+)"/g, (_, kind: string, before: string, id: string) => {
    let number = numbers.get(id)
    if (number === undefined) numbers.set(id, (number = numbers.size))
    return `<w:bookmark${kind} ${before}w:id="${number}"`
  })
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '8A99A8' }
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }

/** Header cells of tables with set column widths: 9 pt, so that their words fit the widths computed for them. */
export const HEADER_SIZE = 18

/** Text runs with the plan's inline emphasis; web addresses are hyperlinks. */
export function runs(text: string, base: { bold?: boolean; italics?: boolean; size?: number } = {}): Array<TextRun | ExternalHyperlink> {
  return inlineRuns(text).map((run) => {
    const textRun = new TextRun({
      text: run.text,
      ...((base.bold || run.bold) && { bold: true }),
      ...((base.italics || run.italic) && { italics: true }),
      ...(base.size && { size: base.size }),
      ...(run.href && { style: 'Hyperlink' }),
    })
    return run.href ? new ExternalHyperlink({ link: run.href, children: [textRun] }) : textRun
  })
}

/** Styles that Word knows by name, defined so that other word processors draw them too. */
export function documentStyles(theme: Theme) {
  const primary = theme.primary.replace('#', '')
  return {
    default: { document: { run: { font: 'Calibri', size: 21 } } },
    paragraphStyles: [
      { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 40, bold: true, color: primary }, paragraph: { spacing: { after: 240 } } },
      { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, bold: true, color: primary }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
      { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 25, bold: true, color: primary }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 22, bold: true, color: primary }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 19, bold: true, color: primary }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
      { id: 'ListNumber', name: 'List Number', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 40 } } },
      { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 40 } } },
    ],
    characterStyles: [{ id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: primary, underline: {} } }],
  }
}

/** Header with the organisation and title, footer with "Page n de N", in the given orientation. */
export function section(children: Array<Paragraph | Table>, options: { landscape: boolean; header: string; french: boolean }): ISectionOptions {
  const { page } = wordsOf({ locale: options.french ? 'fr-CA' : 'en-CA' })
  return {
    properties: {
      page: {
        size: options.landscape ? { orientation: PageOrientation.LANDSCAPE, width: 12240, height: 15840 } : { orientation: PageOrientation.PORTRAIT, width: 12240, height: 15840 },
        margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
      },
    },
    headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: options.header, size: 16, color: '555555' })] })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ size: 16, children: [`${page.page} `, PageNumber.CURRENT, ` ${page.of} `, PageNumber.TOTAL_PAGES] })],
          }),
        ],
      }),
    },
    children,
  }
}

/** Adds each table's caption and description (Word's alternative text), in document order. */
export function addTableAltText(documentXml: string, descriptions: ReadonlyArray<{ caption: string; description: string }>): string {
  let index = 0
  return documentXml.replace(/<\/w:tblPr>/g, (end) => {
    const alt = descriptions[index++]
    if (!alt) return end
    return `<w:tblCaption w:val="${xmlAttr(alt.caption)}"/><w:tblDescription w:val="${xmlAttr(alt.description)}"/>${end}`
  })
}

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, ' ')
}

export { Document }

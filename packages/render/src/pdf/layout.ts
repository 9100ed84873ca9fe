import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { Theme } from '../context.js'
import { inlineRuns, plainText, type Run } from '../inline.js'
import type { ViewBlock } from '../view/plan-view.js'

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement
type Font = 'regular' | 'bold' | 'italic'

/** One laid-out line of a table cell: drawn as is, so a cell can stop at a page foot and go on after it. */
interface Line {
  text: string
  font: Font
  indent: number
  align?: 'right'
}

export interface TableCell {
  blocks: readonly ViewBlock[]
  header?: boolean
  /** Numbers line up on the right, as in the HTML and DOCX reports. */
  align?: 'right'
}

/** A web address in a line of text: where it starts, its text and where it leads. */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]]/g

const SIZE = 9
const LINE = SIZE * 1.32
const PADDING = 4

function fontFiles(): Record<Font, string> {
  const require = createRequire(import.meta.url)
  const file = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`)
  return { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf'), italic: file('DejaVuSans-Oblique.ttf') }
}

/**
 * A tagged PDF written with pdfkit and embedded DejaVu fonts (Latin, Cyrillic…): headings, paragraphs, lists
 * and tables carry their structure; table rows taller than the space left are split line by line over as many
 * pages as they need, with the header row repeated, so no content is ever clipped.
 */
export class PdfLayout {
  readonly doc: Doc
  readonly root: Struct
  private readonly chunks: Uint8Array[] = []
  private readonly done: Promise<Uint8Array>
  private readonly colon: string

  constructor(
    private readonly theme: Theme,
    info: { title: string; lang: string; date: Date; author?: string; /** The locale's colon, from the words catalogue. */ colon: string },
  ) {
    this.colon = info.colon
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: true,
      tagged: true,
      displayTitle: true,
      lang: info.lang,
      pdfVersion: '1.7',
      size: 'LETTER',
      info: { Title: info.title, Author: info.author ?? '', Producer: '@demarche/render', Creator: '@demarche/render', CreationDate: info.date, ModDate: info.date },
    })
    const files = fontFiles()
    for (const [name, file] of Object.entries(files)) this.doc.registerFont(name, file)
    this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk))
    this.done = new Promise((resolve) => this.doc.on('end', () => resolve(concat(this.chunks))))
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  page(landscape: boolean): void {
    this.doc.addPage({ size: 'LETTER', layout: landscape ? 'landscape' : 'portrait', margins: { top: 48, bottom: 54, left: 48, right: 48 } })
  }

  heading(text: string, level: 1 | 2 | 3, parent: Struct = this.root): void {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11
    this.ensureSpace(size * 3)
    const doc = this.doc
    parent.add(
      doc.struct(`H${level}`, {}, () => {
        doc.font('bold').fontSize(size).fillColor(this.theme.primary).text(plainText(text), doc.page.margins.left, undefined, { width: this.width() })
      }),
    )
    doc.moveDown(0.3).fillColor(this.theme.text)
  }

  paragraph(text: string, options: { font?: Font; size?: number } = {}, parent: Struct = this.root): void {
    const doc = this.doc
    parent.add(doc.struct('P', {}, () => this.flow(inlineRuns(text), doc.page.margins.left, this.width(), options.font ?? 'regular', options.size ?? 10)))
    doc.moveDown(0.25)
  }

  /**
   * Writes runs as one flowing text: emphasis in its font, web addresses as links (underlined, in the theme's
   * colour) that a PDF reader opens, as the HTML and DOCX documents do.
   */
  private flow(runs: readonly Run[], x: number, width: number, font: Font, size: number): void {
    const doc = this.doc
    runs.forEach((run, index) => {
      const continued = index < runs.length - 1
      doc
        .font(run.bold || font === 'bold' ? 'bold' : run.italic || font === 'italic' ? 'italic' : 'regular')
        .fontSize(size)
        .fillColor(run.href ? this.theme.primary : this.theme.text)
      const options = { width, continued, link: run.href ?? null, underline: run.href !== undefined }
      if (index === 0) doc.text(run.text, x, undefined, options)
      else doc.text(run.text, options)
    })
    doc.fillColor(this.theme.text)
  }

  blocks(blocks: readonly ViewBlock[], parent: Struct = this.root): void {
    for (const block of blocks) {
      if (block.type === 'paragraph') this.paragraph(block.text, { font: block.strong ? 'bold' : 'regular' }, parent)
      else if (block.type === 'list') this.list(block, parent)
      else this.table(block.titled ? undefined : block.caption, block.columns, block.rows.map((row) => row.map((text, index) => ({ blocks: [{ type: 'paragraph', text }], header: index === 0 }))), parent)
    }
  }

  list(block: Extract<ViewBlock, { type: 'list' }>, parent: Struct = this.root): void {
    const doc = this.doc
    const list = doc.struct('L')
    parent.add(list)
    block.items.forEach((item, index) => {
      const marker = block.ordered ? `${(block.start ?? 1) + index}.` : '•'
      const runs: Run[] = [...(item.lead ? [{ text: `${plainText(item.lead)}${this.colon}` }] : []), ...inlineRuns(item.text)]
      const entry = doc.struct('LI')
      list.add(entry)
      entry.add(doc.struct('Lbl', {}, () => doc.font('regular').fontSize(10).text(marker, doc.page.margins.left + 6, undefined, { width: 20 })))
      doc.moveUp()
      entry.add(doc.struct('LBody', {}, () => this.flow(runs, doc.page.margins.left + 26, this.width() - 26, 'regular', 10)))
      for (const sub of item.items ?? []) entry.add(doc.struct('LBody', {}, () => doc.font('regular').fontSize(10).text(`– ${plainText(sub)}`, doc.page.margins.left + 40, undefined, { width: this.width() - 40 })))
      entry.end()
    })
    list.end()
    doc.moveDown(0.3)
  }

  /**
   * A table with its caption. Column widths are shared out by `weights`; each row takes the height of its
   * tallest cell and, when that is more than the space left, is split across pages.
   */
  table(caption: string | undefined, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<TableCell>>, parent: Struct = this.root, weights?: readonly number[]): void {
    const doc = this.doc
    const table = doc.struct('Table')
    parent.add(table)
    this.ensureSpace(60)
    // Undefined when the heading just above titles the table: the reader sees one title.
    if (caption !== undefined)
      table.add(doc.struct('Caption', {}, () => doc.font('bold').fontSize(10).fillColor(this.theme.primary).text(plainText(caption), doc.page.margins.left, undefined, { width: this.width() })))
    doc.fillColor(this.theme.text).moveDown(0.2)
    const widths = this.columnWidths(header, weights ?? header.map(() => 1))
    const aligned = (lines: Line[], align: 'right' | undefined) => (align ? lines.map((line) => ({ ...line, align })) : lines)
    // A column of numbers has its heading over the numbers, on the right.
    const headerLines = header.map((text, index) => aligned(this.wrap([{ type: 'paragraph', text, strong: true }], widths[index]! - 2 * PADDING), rows[0]?.[index]?.align))
    const drawHeader = () => this.drawRow(table, 'TH', headerLines, widths, true)
    drawHeader()
    for (const row of rows) {
      let remaining = row.map((cell, index) => aligned(this.wrap(cell.blocks, widths[index]! - 2 * PADDING), cell.align))
      const tr = doc.struct('TR')
      table.add(tr)
      const cells = row.map((cell) => doc.struct(cell.header ? 'TH' : 'TD'))
      for (const cell of cells) tr.add(cell)
      // A row goes whole to a new page when it does not fit here but fits there; otherwise it is split
      // line by line, as many lines per page as there is room for (at least one), never clipped.
      let freshPage = false
      while (remaining.some((lines) => lines.length > 0)) {
        const tallest = Math.max(...remaining.map((lines) => lines.length))
        const room = doc.page.maxY() - doc.y
        const fitting = Math.floor((room - 2 * PADDING) / LINE)
        if (tallest * LINE + 2 * PADDING > room && !freshPage && (fitting < 2 || tallest * LINE + 2 * PADDING <= this.roomOnFreshPage(headerLines))) {
          this.page(doc.page.layout === 'landscape')
          drawHeader()
          freshPage = true
          continue
        }
        const take = Math.max(1, Math.min(fitting, tallest))
        this.drawCells(cells, remaining.map((lines) => lines.slice(0, take)), widths, false)
        remaining = remaining.map((lines) => lines.slice(take))
        freshPage = false
        if (remaining.some((lines) => lines.length > 0)) {
          this.page(doc.page.layout === 'landscape')
          drawHeader()
          freshPage = true
        }
      }
      for (const cell of cells) cell.end()
      tr.end()
    }
    table.end()
    doc.moveDown(0.8)
  }

  /** Writes "Page n de N" at the foot of every page, marked as a pagination artifact. */
  async finish(pageLabel: (page: number, pages: number) => string): Promise<Uint8Array> {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index)
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      doc.markContent('Artifact', { type: 'Pagination' })
      doc.font('regular').fontSize(8).fillColor('#444444')
      doc.text(pageLabel(index + 1, range.count), doc.page.margins.left, doc.page.height - 34, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'right', lineBreak: false })
      doc.endMarkedContent()
      doc.page.margins.bottom = bottom
    }
    this.root.end()
    doc.end()
    return this.done
  }

  private drawRow(table: Struct, tag: 'TH', lines: Line[][], widths: readonly number[], header: boolean): void {
    const tr = this.doc.struct('TR')
    table.add(tr)
    const cells = lines.map(() => this.doc.struct(tag))
    for (const cell of cells) tr.add(cell)
    this.drawCells(cells, lines, widths, header)
    for (const cell of cells) cell.end()
    tr.end()
  }

  private drawCells(cells: Struct[], lines: Line[][], widths: readonly number[], header: boolean): void {
    const doc = this.doc
    const top = doc.y
    const height = Math.max(1, ...lines.map((cell) => cell.length)) * LINE + 2 * PADDING
    let x = doc.page.margins.left
    cells.forEach((cell, index) => {
      const width = widths[index]!
      if (header) doc.save().rect(x, top, width, height).fill(this.theme.tint).restore()
      doc.save().lineWidth(0.5).strokeColor('#8a99a8').rect(x, top, width, height).stroke().restore()
      const content = doc.markStructureContent(header ? 'TH' : 'TD')
      let y = top + PADDING
      for (const line of lines[index]!) {
        this.drawLine(line, x + PADDING + line.indent, y, width - 2 * PADDING - line.indent, header ? this.theme.primary : this.theme.text)
        y += LINE
      }
      doc.endMarkedContent()
      cell.add(content)
      x += width
    })
    doc.fillColor(this.theme.text)
    doc.x = doc.page.margins.left
    doc.y = top + height
  }

  /** One line of a cell, aligned as its column asks; a web address in it is drawn as a link and annotated as one. */
  private drawLine(line: Line, x: number, y: number, width: number, color: string): void {
    const doc = this.doc
    doc.font(line.font).fontSize(SIZE)
    const left = line.align === 'right' ? x + Math.max(0, width - doc.widthOfString(line.text)) : x
    let at = 0
    const draw = (text: string, href?: string) => {
      if (text === '') return
      const offset = doc.widthOfString(line.text.slice(0, at))
      doc.fillColor(href ? this.theme.primary : color).text(text, left + offset, y, { lineBreak: false, underline: href !== undefined })
      if (href) doc.link(left + offset, y, doc.widthOfString(text), LINE, href)
      at += text.length
    }
    for (const match of line.text.matchAll(WEB_ADDRESS)) {
      draw(line.text.slice(at, match.index))
      draw(match[0], match[0].startsWith('www.') ? `https://${match[0]}` : match[0])
    }
    draw(line.text.slice(at))
  }

  /**
   * Column widths shared out by `weights`, then widened so that every header word fits whole ("responsable(s)",
   * "changements" must not be cut): the width a column needs is taken from the columns with room to spare.
   */
  private columnWidths(header: readonly string[], weights: readonly number[]): number[] {
    const total = weights.reduce((sum, weight) => sum + weight, 0)
    const widths = weights.map((weight) => (this.width() * weight) / total)
    this.doc.font('bold').fontSize(SIZE)
    const needed = header.map((text) => Math.max(0, ...plainText(text).split(/\s+/).map((word) => this.doc.widthOfString(word))) + 2 * PADDING + 1)
    const missing = widths.reduce((sum, width, index) => sum + Math.max(0, needed[index]! - width), 0)
    const spare = widths.reduce((sum, width, index) => sum + Math.max(0, width - needed[index]!), 0)
    if (missing === 0 || spare < missing) return widths
    return widths.map((width, index) => (width < needed[index]! ? needed[index]! : width - ((width - needed[index]!) * missing) / spare))
  }

  /** Breaks a cell's blocks into lines that fit `width`, word by word (a word longer than the width is cut). */
  private wrap(blocks: readonly ViewBlock[], width: number): Line[] {
    const lines: Line[] = []
    const add = (text: string, font: Font, indent: number, marker = '') => {
      this.doc.font(font).fontSize(SIZE)
      const hanging = indent + (marker ? this.doc.widthOfString(marker) : 0)
      let current = marker
      let currentIndent = indent
      const fresh = () => current === '' || current === marker
      for (const word of plainText(text).split(/\s+/).filter(Boolean)) {
        const candidate = fresh() ? `${current}${word}` : `${current} ${word}`
        if (this.doc.widthOfString(candidate) <= width - currentIndent) {
          current = candidate
          continue
        }
        if (!fresh()) {
          lines.push({ text: current, font, indent: currentIndent })
          currentIndent = hanging
          current = word
        } else current = candidate
        if (this.doc.widthOfString(current) > width - currentIndent) {
          for (const piece of this.cut(current, width - currentIndent)) lines.push({ text: piece, font, indent: currentIndent })
          currentIndent = hanging
          current = ''
        }
      }
      if (!fresh()) lines.push({ text: current, font, indent: currentIndent })
    }
    for (const block of blocks) {
      if (block.type === 'paragraph') add(block.text, block.strong ? 'bold' : 'regular', 0)
      else if (block.type === 'list')
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${(block.start ?? 1) + index}. ` : '• '
          add(`${item.lead ? `${plainText(item.lead)}${this.colon}` : ''}${item.text}`, 'regular', 0, marker)
          for (const sub of item.items ?? []) add(sub, 'regular', 10, '– ')
        })
      else for (const row of block.rows) add(row.join(' — '), 'regular', 0)
    }
    return lines
  }

  private cut(text: string, width: number): string[] {
    const pieces: string[] = []
    let current = ''
    for (const character of text) {
      if (this.doc.widthOfString(current + character) > width && current !== '') {
        pieces.push(current)
        current = ''
      }
      current += character
    }
    if (current) pieces.push(current)
    return pieces
  }

  /** Height left for rows on a new page once the header row is drawn. */
  private roomOnFreshPage(headerLines: Line[][]): number {
    const header = Math.max(1, ...headerLines.map((lines) => lines.length)) * LINE + 2 * PADDING
    return this.doc.page.maxY() - this.doc.page.margins.top - header
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.page(this.doc.page.layout === 'landscape')
  }

  private width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

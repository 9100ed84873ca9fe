import { DEFAULT_LIMITS, type ImportLimits } from '../limits.js'
import { type ImportIssue, issue } from '../report.js'
import { parseXml, type XmlNode } from '../xml.js'
import { openZip } from '../zip.js'
import { attrOf, childOf, childrenOf, isOn, pathOf, tagOf, textOf } from './xml-nodes.js'

/** One paragraph as a reader needs it: its text (plain and with the plan's `**bold**`/`*italic*`), heading level, list place and bookmarks. */
export interface DocxParagraph {
  type: 'paragraph'
  /** Plain text; line breaks inside the paragraph are "\n". */
  text: string
  /** The text with bold and italic runs written as the plan writes emphasis. */
  marked: string
  /** 0 for a title, 1–9 for headings. */
  heading?: number
  /** A paragraph of a Word list: its level, whether it counts, and the number Word shows. */
  list?: { level: number; ordered: boolean; instance: string; number: number }
  /** True when every visible character is bold. */
  bold: boolean
  italic: boolean
  /** Names of the bookmarks that start in (or just before) the paragraph. */
  bookmarks: string[]
}

export interface DocxCell {
  blocks: DocxBlock[]
  /** Grid columns the cell spans (w:gridSpan). */
  span: number
  /** Vertical merge: the first cell of a merged run ("restart") or one it covers ("continue"). */
  merge?: 'restart' | 'continue'
}

export interface DocxTable {
  type: 'table'
  rows: DocxCell[][]
}

export type DocxBlock = DocxParagraph | DocxTable

export interface DocxContent {
  blocks: DocxBlock[]
  /** The document's title from its properties (docProps/core.xml), when it has one. */
  title?: string
  /** Custom XML parts (customXml/item*.xml) as text, for readers that look for their own. */
  customXml: string[]
}

export type DocxRead = { ok: true; content: DocxContent } | { ok: false; issues: ImportIssue[] }

const DOCUMENT = 'word/document.xml'
const WANTED = /^(word\/(document|styles|numbering)\.xml|docProps\/core\.xml|customXml\/item\d+\.xml|_rels\/\.rels)$/

/**
 * Reads a DOCX through the hostile-file guards: body paragraphs with their heading level (from the style
 * chain or the outline level), list numbering as Word shows it, emphasis and bookmarks; tables with spans
 * and vertical merges; content controls, insertions and hyperlinks read through, deletions left out. Never throws.
 */
export function readDocx(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS): DocxRead {
  const opened = openZip(bytes, (name) => WANTED.test(name), limits)
  if (!opened.ok) return opened
  const main = mainPart(opened.parts)
  const documentBytes = opened.parts.get(main)
  if (!documentBytes)
    return { ok: false, issues: [issue('not-a-document', {}, 'Le fichier n’est pas un document Word (.docx) : il n’a pas de partie « word/document.xml ».', 'The file is not a Word document (.docx): it has no “word/document.xml” part.')] }
  const parsed = parseXml(documentBytes, main)
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] }
  const optional = (name: string) => {
    const part = opened.parts.get(name)
    const read = part && parseXml(part, name)
    return read && read.ok ? read.nodes : []
  }
  const styles = readStyles(optional('word/styles.xml'))
  const numbering = readNumbering(optional('word/numbering.xml'))
  const body = findDeep(parsed.nodes, 'w:body')
  const reader = new BodyReader(styles, numbering, readCharacterStyles(optional('word/styles.xml')))
  const blocks = body ? reader.blocks(childrenOf(body)) : []
  const title = findDeep(optional('docProps/core.xml'), 'dc:title')
  const decoder = new TextDecoder()
  const customXml = [...opened.parts.entries()].filter(([name]) => name.startsWith('customXml/')).sort(([a], [b]) => a.localeCompare(b)).map(([, data]) => decoder.decode(data))
  const titleText = title ? textOf(title).trim() : ''
  return { ok: true, content: { blocks, ...(titleText && { title: titleText }), customXml } }
}

/** The main document part named by the package relationships (pandoc and Word agree on word/document.xml). */
function mainPart(parts: Map<string, Uint8Array>): string {
  const rels = parts.get('_rels/.rels')
  if (!rels) return DOCUMENT
  const target = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(new TextDecoder().decode(rels))
  const name = target?.[1] ?? target?.[2]
  return name && parts.has(name) ? name : DOCUMENT
}

function findDeep(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node
    const found = findDeep(childrenOf(node), tag)
    if (found) return found
  }
  return undefined
}

interface StyleInfo {
  name: string
  basedOn?: string
  outline?: number
  numId?: string
  ilvl?: number
}

function readStyles(nodes: readonly XmlNode[]): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>()
  const root = findDeep(nodes, 'w:styles')
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style' || attrOf(style, 'w:type') !== 'paragraph') continue
    const id = attrOf(style, 'w:styleId')
    if (!id) continue
    const name = attrOf(childOf(style, 'w:name') ?? {}, 'w:val') ?? id
    const basedOn = attrOf(childOf(style, 'w:basedOn') ?? {}, 'w:val')
    const outline = attrOf(pathOf(style, 'w:pPr', 'w:outlineLvl') ?? {}, 'w:val')
    const numPr = pathOf(style, 'w:pPr', 'w:numPr')
    const numId = numPr && attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val')
    const ilvl = numPr && attrOf(childOf(numPr, 'w:ilvl') ?? {}, 'w:val')
    styles.set(id, { name, ...(basedOn && { basedOn }), ...(outline !== undefined && { outline: Number(outline) }), ...(numId && { numId }), ...(ilvl !== undefined && { ilvl: Number(ilvl) }) })
  }
  return styles
}

/** Bold and italic set by a character style ("Strong", as LibreOffice writes an HTML <strong>), through its basedOn chain. */
type Emphasis = { bold?: boolean; italic?: boolean }

function readCharacterStyles(nodes: readonly XmlNode[]): Map<string, Emphasis> {
  const own = new Map<string, Emphasis & { basedOn?: string }>()
  const root = findDeep(nodes, 'w:styles')
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style' || attrOf(style, 'w:type') !== 'character') continue
    const id = attrOf(style, 'w:styleId')
    if (!id) continue
    const properties = childOf(style, 'w:rPr')
    const bold = properties && childOf(properties, 'w:b')
    const italic = properties && childOf(properties, 'w:i')
    const basedOn = attrOf(childOf(style, 'w:basedOn') ?? {}, 'w:val')
    own.set(id, { ...(bold && { bold: isOn(bold) }), ...(italic && { italic: isOn(italic) }), ...(basedOn && { basedOn }) })
  }
  const resolved = new Map<string, Emphasis>()
  for (const id of own.keys()) {
    const out: Emphasis = {}
    for (let at: string | undefined = id, depth = 0; at && depth < 10; at = own.get(at)?.basedOn, depth++) {
      const style = own.get(at)
      out.bold ??= style?.bold
      out.italic ??= style?.italic
    }
    resolved.set(id, out)
  }
  return resolved
}

interface NumberingLevel {
  ordered: boolean
  start: number
  /** A bullet level whose marker is blank (pandoc's continuation paragraphs of a list item): indentation, not a list. */
  unmarked?: boolean
}

/** numId → level → format and start, through the abstract definitions and start overrides. */
function readNumbering(nodes: readonly XmlNode[]): Map<string, Map<number, NumberingLevel>> {
  const root = findDeep(nodes, 'w:numbering')
  const abstract = new Map<string, Map<number, NumberingLevel>>()
  const out = new Map<string, Map<number, NumberingLevel>>()
  const levelsOf = (node: XmlNode, base?: Map<number, NumberingLevel>) => {
    const levels = new Map(base)
    for (const lvl of childrenOf(node)) {
      const tag = tagOf(lvl)
      const level = Number(attrOf(lvl, 'w:ilvl') ?? 0)
      if (tag === 'w:lvl') {
        const format = attrOf(childOf(lvl, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal'
        const marker = attrOf(childOf(lvl, 'w:lvlText') ?? {}, 'w:val')
        const unmarked = (format === 'bullet' || format === 'none') && marker !== undefined && marker.trim() === ''
        levels.set(level, { ordered: format !== 'bullet' && format !== 'none', start: Number(attrOf(childOf(lvl, 'w:start') ?? {}, 'w:val') ?? 1) || 0, ...(unmarked && { unmarked }) })
      } else if (tag === 'w:lvlOverride') {
        const start = attrOf(childOf(lvl, 'w:startOverride') ?? {}, 'w:val')
        const inner = childOf(lvl, 'w:lvl')
        const current = levels.get(level) ?? { ordered: true, start: 1 }
        if (inner) levels.set(level, levelsOf({ x: [inner] } as XmlNode).get(level) ?? current)
        if (start !== undefined) levels.set(level, { ...(levels.get(level) ?? current), start: Number(start) || 0 })
      }
    }
    return levels
  }
  for (const node of root ? childrenOf(root) : []) if (tagOf(node) === 'w:abstractNum') abstract.set(attrOf(node, 'w:abstractNumId') ?? '', levelsOf(node))
  for (const node of root ? childrenOf(root) : [])
    if (tagOf(node) === 'w:num') out.set(attrOf(node, 'w:numId') ?? '', levelsOf(node, abstract.get(attrOf(childOf(node, 'w:abstractNumId') ?? {}, 'w:val') ?? '')))
  return out
}

interface Run {
  text: string
  bold: boolean
  italic: boolean
}

/** Containers whose runs are read as if they were the paragraph's own. */
const RUN_CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml', 'w:moveTo', 'w:dir', 'w:bdo'])
const BLOCK_CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo'])

class BodyReader {
  /** Counters per list instance and level, as Word numbers items across the document. */
  private readonly counters = new Map<string, number[]>()
  private pendingBookmarks: string[] = []

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    private readonly numbering: Map<string, Map<number, NumberingLevel>>,
    private readonly characterStyles: Map<string, Emphasis> = new Map(),
  ) {}

  blocks(nodes: readonly XmlNode[]): DocxBlock[] {
    const out: DocxBlock[] = []
    for (const node of nodes) {
      const tag = tagOf(node)
      if (tag === 'w:p') out.push(this.paragraph(node))
      else if (tag === 'w:tbl') out.push(this.table(node))
      else if (tag === 'w:bookmarkStart') this.pendingBookmarks.push(attrOf(node, 'w:name') ?? '')
      else if (BLOCK_CONTAINERS.has(tag)) out.push(...this.blocks(childrenOf(node)))
    }
    return out
  }

  private table(node: XmlNode): DocxTable {
    const rows: DocxCell[][] = []
    const rowNodes = (nodes: readonly XmlNode[]): XmlNode[] => nodes.flatMap((child) => (tagOf(child) === 'w:tr' ? [child] : BLOCK_CONTAINERS.has(tagOf(child)) ? rowNodes(childrenOf(child)) : []))
    const cellNodes = (nodes: readonly XmlNode[]): XmlNode[] => nodes.flatMap((child) => (tagOf(child) === 'w:tc' ? [child] : BLOCK_CONTAINERS.has(tagOf(child)) ? cellNodes(childrenOf(child)) : []))
    for (const row of rowNodes(childrenOf(node)))
      rows.push(
        cellNodes(childrenOf(row)).map((cell): DocxCell => {
          const properties = childOf(cell, 'w:tcPr')
          const span = Number(attrOf(pathOf(cell, 'w:tcPr', 'w:gridSpan') ?? {}, 'w:val') ?? 1)
          const vMerge = properties && childOf(properties, 'w:vMerge')
          const merge = vMerge ? (attrOf(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined
          return { blocks: this.blocks(childrenOf(cell)), span: Number.isInteger(span) && span >= 1 && span <= 64 ? span : 1, ...(merge && { merge }) }
        }),
      )
    return { type: 'table', rows }
  }

  private paragraph(node: XmlNode): DocxParagraph {
    const runs: Run[] = []
    const bookmarks = this.pendingBookmarks
    this.pendingBookmarks = []
    this.runs(childrenOf(node), runs, bookmarks, { bold: false, italic: false })
    const properties = childOf(node, 'w:pPr')
    const styleId = properties && attrOf(childOf(properties, 'w:pStyle') ?? {}, 'w:val')
    const chain = this.styleChain(styleId)
    const heading = headingLevel(chain, properties)
    const list = this.listOf(properties, chain)
    const visible = runs.filter((run) => run.text.trim() !== '')
    return {
      type: 'paragraph',
      text: runs.map((run) => run.text).join(''),
      marked: marked(runs),
      ...(heading !== undefined && { heading }),
      ...(list && { list }),
      bold: visible.length > 0 && visible.every((run) => run.bold),
      italic: visible.length > 0 && visible.every((run) => run.italic),
      bookmarks,
    }
  }

  private runs(nodes: readonly XmlNode[], out: Run[], bookmarks: string[], inherited: { bold: boolean; italic: boolean }): void {
    for (const node of nodes) {
      const tag = tagOf(node)
      if (tag === 'w:r') {
        const properties = childOf(node, 'w:rPr')
        const style = properties && this.characterStyles.get(attrOf(childOf(properties, 'w:rStyle') ?? {}, 'w:val') ?? '')
        const direct = (tag: string, styled: boolean | undefined, from: boolean) => {
          const node = properties && childOf(properties, tag)
          return node ? isOn(node) : (styled ?? (properties ? false : from))
        }
        const bold = direct('w:b', style?.bold, inherited.bold)
        const italic = direct('w:i', style?.italic, inherited.italic)
        const hidden = properties ? isOn(childOf(properties, 'w:vanish')) : false
        if (hidden) continue
        for (const child of childrenOf(node)) {
          const kind = tagOf(child)
          if (kind === 'w:t') out.push({ text: textOf(child), bold, italic })
          else if (kind === 'w:tab') out.push({ text: '\t', bold, italic })
          else if (kind === 'w:br' ? attrOf(child, 'w:type') !== 'page' && attrOf(child, 'w:type') !== 'column' : kind === 'w:cr') out.push({ text: '\n', bold, italic })
          else if (kind === 'w:noBreakHyphen') out.push({ text: '-', bold, italic })
        }
      } else if (tag === 'w:bookmarkStart') bookmarks.push(attrOf(node, 'w:name') ?? '')
      else if (RUN_CONTAINERS.has(tag)) this.runs(childrenOf(node), out, bookmarks, inherited)
    }
  }

  private styleChain(styleId: string | undefined): StyleInfo[] {
    const chain: StyleInfo[] = []
    let id = styleId
    // A style may name itself (or a loop) as its base in a damaged file: the chain stops at 10.
    while (id && chain.length < 10) {
      const style = this.styles.get(id)
      if (!style) {
        chain.push({ name: id })
        break
      }
      chain.push(style)
      id = style.basedOn
    }
    return chain
  }

  private listOf(properties: XmlNode | undefined, chain: readonly StyleInfo[]): DocxParagraph['list'] {
    const direct = properties && childOf(properties, 'w:numPr')
    const styled = chain.find((style) => style.numId !== undefined)
    const numId = (direct && attrOf(childOf(direct, 'w:numId') ?? {}, 'w:val')) ?? styled?.numId
    if (!numId || numId === '0') return undefined
    const rawLevel = Number((direct && attrOf(childOf(direct, 'w:ilvl') ?? {}, 'w:val')) ?? styled?.ilvl ?? 0)
    const level = Number.isInteger(rawLevel) && rawLevel >= 0 && rawLevel <= 8 ? rawLevel : 0
    const definition = this.numbering.get(numId)?.get(level) ?? { ordered: false, start: 1 }
    if (definition.unmarked) return undefined
    const counters = this.counters.get(numId) ?? []
    this.counters.set(numId, counters)
    const number = counters[level] === undefined ? definition.start : counters[level] + 1
    counters[level] = number
    counters.length = level + 1
    return { level, ordered: definition.ordered, instance: numId, number }
  }
}

function headingLevel(chain: readonly StyleInfo[], properties: XmlNode | undefined): number | undefined {
  const outline = properties && attrOf(childOf(properties, 'w:outlineLvl') ?? {}, 'w:val')
  if (outline !== undefined && Number(outline) < 9) return Number(outline) + 1
  for (const style of chain) {
    const name = style.name.toLowerCase().replace(/\s+/g, ' ')
    if (/^(title|titre)$/.test(name)) return 0
    const numbered = /^(heading|titre|überschrift|titolo|título) ?(\d)$/.exec(name)
    if (numbered) return Number(numbered[2])
    if (style.outline !== undefined && style.outline < 9) return style.outline + 1
  }
  return undefined
}

/** Runs merged by emphasis, each bold or italic stretch wrapped in the plan's markers (spaces kept outside). */
function marked(runs: readonly Run[]): string {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged.at(-1)
    if (last && last.bold === run.bold && last.italic === run.italic) last.text += run.text
    else merged.push({ ...run })
  }
  return merged
    .map((run) => {
      if (!run.bold && !run.italic) return run.text
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!
      if (match[2] === '') return run.text
      const marker = run.bold ? '**' : '*'
      return `${match[1]}${marker}${match[2]}${marker}${match[3]}`
    })
    .join('')
}

import type { Block, ListItem } from '../common.js'
import { parseYearSpec } from '../notation/year-spec.js'
import type { ScheduleBlock, ScheduleStep } from '../plan/table.js'

/**
 * How the structured parts of a plan are written in one spreadsheet cell, and read back: each writer has its
 * reader, and `read(write(x))` is `x` for every plan (the round trip test runs them on the real plans). The
 * marks are the ones people type: "• " a bullet, "1. " a number, "   – " an indented sub-item, "[An 6]" a
 * block of years in a schedule.
 */
const BULLET = '• '
const SUB_ITEM = '   – '
const NUMBERED = /^(\d{1,4})\.\s(.*)$/s
const BULLETED = /^[•·▪◦-]\s(.*)$/s
const SUB = /^\s+[–—-]\s(.*)$/s
const YEARS_HEADER = /^\[(.*)\]$/s

/** Results, indicators: one text per line; with "• " marks when a text spans lines (or when there is not exactly one). */
export function textListCell(texts: readonly string[]): string {
  if (texts.length === 1 && !texts[0]!.includes('\n') && !BULLETED.test(texts[0]!)) return texts[0]!
  return texts.map((text) => `${BULLET}${text}`).join('\n')
}

export function parseTextListCell(cell: string): string[] {
  const lines = cell.split(/\r?\n/)
  if (!lines.some((line) => BULLETED.test(line))) return lines.filter((line) => line.trim() !== '')
  const texts: string[] = []
  for (const line of lines) {
    const bulleted = BULLETED.exec(line)
    if (bulleted) texts.push(bulleted[1]!)
    else if (texts.length > 0) texts[texts.length - 1] += `\n${line}`
    else if (line.trim() !== '') texts.push(line)
  }
  return texts
}

/** A title with its number: "2. Favoriser…". */
export function numberedCell(number: number | undefined, title: string): string {
  return number === undefined ? title : `${number}. ${title}`
}

export function parseNumberedCell(cell: string): { number?: number; title: string } {
  const match = NUMBERED.exec(cell)
  return match ? { number: Number(match[1]), title: match[2]! } : { title: cell }
}

/** Paragraphs and lists, blocks separated by an empty line; list items marked, their sub-items indented. */
export function blocksCell(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'paragraph') return block.text
      return block.items
        .map((item, index) => [`${block.ordered ? `${(block.start ?? 1) + index}. ` : BULLET}${item.text}`, ...(item.items ?? []).map((sub) => `${SUB_ITEM}${sub}`)].join('\n'))
        .join('\n')
    })
    .join('\n\n')
}

export function parseBlocksCell(cell: string): Block[] {
  if (cell.trim() === '') return []
  const blocks: Block[] = []
  for (const chunk of cell.split(/\r?\n\s*\r?\n/)) {
    const lines = chunk.split(/\r?\n/)
    let paragraph: string[] = []
    let list: Extract<Block, { type: 'list' }> | undefined
    let item: ListItem | undefined
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: paragraph.join('\n') })
      paragraph = []
    }
    for (const line of lines) {
      const numbered = NUMBERED.exec(line)
      const bulleted = numbered ? undefined : BULLETED.exec(line)
      const sub = SUB.exec(line)
      if (sub && item) (item.items ??= []).push(sub[1]!)
      else if (numbered || bulleted) {
        flushParagraph()
        const ordered = numbered !== null && numbered !== undefined
        if (!list || list.ordered !== ordered) {
          list = { type: 'list', ordered, items: [] }
          if (ordered && numbered![1] !== '1') list.start = Number(numbered![1])
          blocks.push(list)
        }
        item = { text: (numbered ?? bulleted)![ordered ? 2 : 1]! }
        list.items.push(item)
      } else if (item) {
        const items = item.items
        if (items && items.length > 0) items[items.length - 1] += `\n${line}`
        else item.text += `\n${line}`
      } else paragraph.push(line)
    }
    flushParagraph()
  }
  return blocks
}

/** A schedule: each block opens with its years in brackets, then its steps ("1. " numbered, "• " not), then their items. */
export function scheduleCell(blocks: readonly ScheduleBlock[]): string {
  return blocks
    .flatMap((block) => [
      `[${block.years.raw}]`,
      ...block.steps.flatMap((step) => [`${step.number === undefined ? BULLET : `${step.number}. `}${step.text}`, ...(step.items ?? []).map((item) => `${SUB_ITEM}${item}`)]),
    ])
    .join('\n')
}

/**
 * Reads a schedule cell. People also write the years without brackets on a line of their own ("An 6"), and
 * steps as plain lines: a plain line is a step of its own unless it continues a marked step.
 */
export function parseScheduleCell(cell: string): Array<{ yearsRaw: string; steps: ScheduleStep[] }> {
  if (cell.trim() === '') return []
  const blocks: Array<{ yearsRaw: string; steps: ScheduleStep[] }> = []
  let block: { yearsRaw: string; steps: ScheduleStep[] } | undefined
  let step: ScheduleStep | undefined
  let marked = false
  const open = (yearsRaw: string) => {
    block = { yearsRaw, steps: [] }
    blocks.push(block)
    step = undefined
  }
  for (const line of cell.split(/\r?\n/)) {
    const header = YEARS_HEADER.exec(line.trim())
    const numbered = NUMBERED.exec(line)
    const bulleted = numbered ? undefined : BULLETED.exec(line)
    const sub = SUB.exec(line)
    if (header) open(header[1]!)
    else if (sub && step) (step.items ??= []).push(sub[1]!)
    else if (numbered || bulleted) {
      if (!block) open('')
      step = numbered ? { number: Number(numbered[1]), text: numbered[2]! } : { text: bulleted![1]! }
      block!.steps.push(step)
      marked = true
    } else if (line.trim() === '') continue
    else if (step && marked) {
      const items = step.items
      if (items && items.length > 0) items[items.length - 1] += `\n${line}`
      else step.text += `\n${line}`
    } else if ((!block || block.steps.length > 0) && line.length <= 30 && parseYearSpec(line).value) open(line.trim())
    else {
      if (!block) open('')
      step = { text: line }
      block!.steps.push(step)
      marked = false
    }
  }
  return blocks
}

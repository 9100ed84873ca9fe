import type { PlanDocument } from '@demarche/domain'
import type { RenderContext } from '../context.js'
import { wordsOf } from '../words.js'
import { type AxisView, type ColumnView, planView, type PlanView, type ViewBlock, type ViewItem } from '../view/plan-view.js'

/** The plan as GitHub-flavoured Markdown that reads well as plain text: headings and lists, few tables. */
export function planMarkdown(plan: PlanDocument, context: RenderContext): string {
  const view = planView(plan, context)
  const out: string[] = [`# ${line(view.title)}`, '']
  if (context.theme.organisation) out.splice(0, 0, `*${line(context.theme.organisation)}*`, '')
  for (const fact of view.facts) out.push(`**${line(fact.label)}**${colon(view)}${text(fact.value)}  `)
  out.push('', `*${line(view.produced)}*`, '')
  for (const section of view.sections) {
    out.push(`## ${line(section.heading)}`, '')
    if (section.prompt) out.push(`*${line(section.prompt)}*`, '')
    out.push(...blocksMarkdown(section.blocks, view))
  }
  for (const axis of view.axes) out.push(...axisMarkdown(axis, view))
  if (view.notes.length > 0) {
    out.push(`## ${line(view.labels.notes)}`, '')
    for (const note of view.notes) out.push(note.marker ? `${line(note.marker)} ${paragraph(note.text)}` : paragraph(note.text), '')
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

function axisMarkdown(axis: AxisView, view: PlanView): string[] {
  const out = [...(axis.heading ? [`## ${line(axis.heading)}`, ''] : []), ...blocksMarkdown(axis.description, view)]
  for (const objective of axis.objectives) {
    if (objective.rows.length === 0) {
      // A blank line before the details: without it Markdown joins the first detail to the item's title.
      out.push(`- ${text(objective.title)}`, ...(objective.details.length > 0 ? [''] : []))
      for (const line of blocksMarkdown(objective.details, view)) out.push(line === '' ? '' : `  ${line}`)
      continue
    }
    out.push('', `### ${line(objective.label)} — ${line(objective.title)}`, '', ...blocksMarkdown(objective.details, view))
    objective.rows.forEach((row, index) => {
      // A group's sub-heading is the row's heading here, and not repeated at the head of its first cell.
      if (row.heading !== undefined) out.push(`#### ${line(row.heading)}`, '')
      else if (objective.rows.length > 1) out.push(`#### ${view.labels.row} ${index + 1}`, '')
      axis.columns.forEach((column, c) => {
        const blocks = row.cells[column.key] ?? []
        out.push(...cellMarkdown(column, row.heading !== undefined && c === 0 ? blocks.slice(1) : blocks, view))
      })
    })
  }
  out.push('')
  return out
}

function cellMarkdown(column: ColumnView, blocks: readonly ViewBlock[], view: PlanView): string[] {
  const label = `**${line(column.label)}**`
  if (blocks.length === 0) return [`${label}${colon(view)}—`, '']
  const only = blocks[0]
  if (blocks.length === 1 && only?.type === 'paragraph' && !only.strong) return [`${label}${colon(view)}${text(only.text)}`, '']
  return [label, '', ...blocksMarkdown(blocks, view)]
}

function blocksMarkdown(blocks: readonly ViewBlock[], view: PlanView): string[] {
  const out: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(block.strong ? `**${line(block.text)}**` : paragraph(block.text), '')
        break
      case 'list':
        block.items.forEach((item, index) => out.push(...itemMarkdown(item, block.ordered ? `${(block.start ?? 1) + index}.` : '-', view)))
        out.push('')
        break
      case 'table':
        out.push(`| ${block.columns.map(cell).join(' | ')} |`, `|${block.columns.map(() => '---').join('|')}|`)
        for (const row of block.rows) out.push(`| ${row.map(cell).join(' | ')} |`)
        out.push('')
        break
    }
  }
  return out
}

function itemMarkdown(item: ViewItem, marker: string, view: PlanView): string[] {
  const lead = item.lead ? `**${line(item.lead)}**${colon(view)}` : ''
  const lines = [`${marker} ${lead}${text(item.text)}`]
  for (const sub of item.items ?? []) lines.push(`${' '.repeat(marker.length + 1)}- ${text(sub)}`)
  return lines
}

function colon(view: PlanView): string {
  return wordsOf({ locale: view.lang }).colon
}

/**
 * Escapes what Markdown would read as markup, keeping the plan's own *emphasis*: inline marks everywhere,
 * and, at the start of each line, whatever would open a block (heading, list, quote, rule, fence, setext
 * underline, indented code). Line breaks stay as hard breaks inside the paragraph.
 */
function text(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => blockSafe(inlineSafe(line)))
    .join('  \n')
}

/** One line of text for a heading, a label or a fact: a line break there would end it, so it becomes a space. */
function line(value: string): string {
  return blockSafe(inlineSafe(value.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ')))
}

function inlineSafe(value: string): string {
  return value.replace(/([\\`[\]<>_|])/g, '\\$1').replace(/&(?=#?\w+;)/g, '\\&')
}

function blockSafe(value: string): string {
  const trimmed = value.replace(/^[ \t]+/, '')
  return trimmed
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+*=~])(?=\s|$|\1{2}|[-*=]*\s*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

/** A paragraph: the same escaping, every line of it. */
function paragraph(value: string): string {
  return text(value)
}

function cell(value: string): string {
  return text(value).replace(/ {2}\n/g, '<br>')
}

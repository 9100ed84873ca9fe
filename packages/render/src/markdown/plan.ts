import type { PlanDocument } from '@demarche/domain'
import type { RenderContext } from '../context.js'
import { wordsOf } from '../words.js'
import { type AxisView, type ColumnView, planView, type PlanView, type ViewBlock, type ViewItem } from '../view/plan-view.js'

/** The plan as GitHub-flavoured Markdown that reads well as plain text: headings and lists, few tables. */
export function planMarkdown(plan: PlanDocument, context: RenderContext): string {
  const view = planView(plan, context)
  const out: string[] = [`# ${text(view.title)}`, '']
  if (context.theme.organisation) out.splice(0, 0, `*${text(context.theme.organisation)}*`, '')
  for (const fact of view.facts) out.push(`**${text(fact.label)}**${colon(view)}${text(fact.value)}  `)
  out.push('', `*${text(view.produced)}*`, '')
  for (const section of view.sections) {
    out.push(`## ${text(section.heading)}`, '')
    if (section.prompt) out.push(`*${text(section.prompt)}*`, '')
    out.push(...blocksMarkdown(section.blocks, view))
  }
  for (const axis of view.axes) out.push(...axisMarkdown(axis, view))
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

function axisMarkdown(axis: AxisView, view: PlanView): string[] {
  const out = [`## ${text(axis.heading)}`, '', ...blocksMarkdown(axis.description, view)]
  for (const objective of axis.objectives) {
    if (objective.rows.length === 0) {
      out.push(`- ${text(objective.title)}`)
      for (const line of blocksMarkdown(objective.details, view)) out.push(line === '' ? '' : `  ${line}`)
      continue
    }
    out.push('', `### ${text(objective.label)} — ${text(objective.title)}`, '', ...blocksMarkdown(objective.details, view))
    objective.rows.forEach((row, index) => {
      if (objective.rows.length > 1) out.push(`#### ${wordsOf({ locale: view.lang }).row} ${index + 1}`, '')
      for (const column of axis.columns) out.push(...cellMarkdown(column, row.cells[column.key] ?? [], view))
    })
  }
  out.push('')
  return out
}

function cellMarkdown(column: ColumnView, blocks: readonly ViewBlock[], view: PlanView): string[] {
  const label = `**${text(column.label)}**`
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
        out.push(block.strong ? `**${text(block.text)}**` : paragraph(block.text), '')
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
  const lead = item.lead ? `**${text(item.lead)}**${colon(view)}` : ''
  const lines = [`${marker} ${lead}${text(item.text)}`]
  for (const sub of item.items ?? []) lines.push(`${' '.repeat(marker.length + 1)}- ${text(sub)}`)
  return lines
}

function colon(view: PlanView): string {
  return wordsOf({ locale: view.lang }).colon
}

/** Escapes what Markdown would read as markup, keeping the plan's own *emphasis*. */
function text(value: string): string {
  return value.replace(/([\\`[\]<>_])/g, '\\$1').replace(/\n/g, '  \n')
}

/** A paragraph must not start like a heading or a list item. */
function paragraph(value: string): string {
  return text(value).replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s)/, '\\$1')
}

function cell(value: string): string {
  return text(value).replace(/\|/g, '\\|').replace(/ {2}\n/g, '<br>')
}

import type { RenderContext } from '../context.js'
import type { PlanView } from '../view/plan-view.js'
import type { ReportView } from '../view/report-view.js'
import { wordsOf } from '../words.js'
import { PdfLayout, type TableCell } from './layout.js'

/** Column weights of the plan table: objective and means widest, budget narrowest. */
const WEIGHTS: Record<string, number> = { objective: 1.3, means: 1.6, responsible: 0.8, partners: 1, results: 1.4, indicators: 0.8, schedule: 1.8, budget: 0.9 }

export async function planPdfkit(view: PlanView, context: RenderContext): Promise<Uint8Array> {
  const words = wordsOf(context)
  const layout = new PdfLayout(context.theme, { title: view.title, lang: view.lang, date: context.clock(), colon: words.colon, author: context.theme.organisation ?? view.author })
  layout.page(false)
  layout.heading(view.title, 1)
  for (const fact of view.facts) layout.paragraph(`${fact.label}${words.colon}${fact.value}`)
  layout.paragraph(view.produced, { font: 'italic', size: 9 })
  for (const section of view.sections) {
    layout.heading(section.heading, 2)
    if (section.prompt) layout.paragraph(section.prompt, { font: 'italic' })
    layout.blocks(section.blocks)
  }
  for (const axis of view.axes) {
    const tabular = axis.objectives.some((objective) => objective.rows.length > 0)
    layout.page(tabular)
    if (axis.heading) layout.heading(axis.heading, 2)
    layout.blocks(axis.description)
    if (!tabular) {
      layout.list({ type: 'list', ordered: false, items: axis.objectives.map((objective) => ({ text: objective.title })) })
      for (const objective of axis.objectives) layout.blocks(objective.details)
      continue
    }
    const header = [view.labels.objectiveColumn, ...axis.columns.map((column) => column.label)]
    const rows: TableCell[][] = axis.objectives.flatMap((objective) =>
      objective.rows.map((row, index) => [
        { header: true, blocks: index === 0 ? [{ type: 'paragraph' as const, text: objective.label, strong: true }, { type: 'paragraph' as const, text: objective.title }, ...objective.details] : [] },
        ...axis.columns.map((column) => ({ blocks: row.cells[column.key] ?? [] })),
      ]),
    )
    layout.table(undefined, header, rows, layout.root, ['objective', ...axis.columns.map((column) => column.key)].map((key) => WEIGHTS[key] ?? 1))
  }
  if (view.notes.length > 0) {
    layout.page(false)
    layout.heading(view.labels.notes, 2)
    for (const note of view.notes) layout.paragraph(note.marker ? `${note.marker} ${note.text}` : note.text)
  }
  return layout.finish(view.labels.page.length ? (page, pages) => view.labels.page(String(page), String(pages)) : () => '')
}

export async function reportPdfkit(view: ReportView, context: RenderContext): Promise<Uint8Array> {
  const words = wordsOf(context)
  const layout = new PdfLayout(context.theme, { title: view.title, lang: view.lang, date: context.clock(), colon: words.colon })
  layout.page(false)
  layout.heading(view.title, 1)
  for (const fact of view.facts) layout.paragraph(`${fact.label}${words.colon}${fact.value}`, { size: 9 })
  layout.paragraph(view.produced, { font: 'italic', size: 9 })
  layout.heading(view.score, 2)
  layout.paragraph(view.summary)
  layout.table(
    words.report.criteriaCaption,
    view.criteriaHeadings,
    view.criteria.map((c) =>
      [c.label, c.status, String(c.applicable), String(c.passed), c.weight, c.points].map((text, index) => ({ header: index === 0, blocks: [{ type: 'paragraph' as const, text }], ...(index >= 2 && { align: 'right' as const }) })),
    ),
    layout.root,
    [3, 1.3, 1, 1, 0.8, 1.2],
  )
  layout.heading(words.report.findings, 2)
  if (view.groups.length === 0) layout.paragraph(view.noFindings)
  for (const group of view.groups) {
    layout.heading(group.label, 3)
    layout.list({
      type: 'list',
      ordered: false,
      items: group.findings.map((finding) => ({
        lead: `${finding.severityLabel} — ${finding.place}`,
        text: `${finding.message}${finding.suggestion ? ` ${finding.suggestion}` : ''}`,
      })),
    })
  }
  layout.heading(view.appendix.heading, 2)
  for (const fact of view.appendix.facts) layout.paragraph(`${fact.label}${words.colon}${fact.value}`, { size: 9 })
  if (view.appendix.rows.length > 0)
    layout.table(undefined, view.appendix.columns, view.appendix.rows.map((row) => row.map((text, index) => ({ header: index === 0, blocks: [{ type: 'paragraph' as const, text }] }))), layout.root, [3, 2, 3])
  return layout.finish((page, pages) => words.pageOf(page, pages))
}

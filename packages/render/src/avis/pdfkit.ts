import type { RenderContext } from '../context.js'
import { PdfLayout } from '../pdf/layout.js'
import { wordsOf } from '../words.js'
import type { AvisView } from './view.js'

/** The letter laid out by pdfkit, for machines without Chromium: same content and order as the HTML. */
export async function avisPdfkit(view: AvisView, context: RenderContext): Promise<Uint8Array> {
  const words = wordsOf(context)
  const layout = new PdfLayout(context.theme, { title: view.title, lang: view.lang, date: context.clock(), colon: words.colon, ...(view.organisation && { author: view.organisation }) })
  layout.page(false)
  if (view.organisation) layout.paragraph(view.organisation, { font: 'bold' })
  layout.heading(view.title, 1)
  for (const fact of view.facts) layout.paragraph(`${fact.label}${words.colon}${fact.value}`, { size: 9 })
  layout.heading(view.recommendationHeading, 2)
  layout.paragraph(view.recommendation, { font: 'bold' })
  layout.paragraph(view.reasons)
  if (view.followUp) {
    const { followUp } = view
    layout.heading(followUp.heading, 2)
    layout.paragraph(followUp.intro)
    layout.table(undefined, followUp.headings, followUp.rows.map((row) => row.map((text, index) => ({ header: index === 0, blocks: [{ type: 'paragraph' as const, text }] }))), layout.root, [2, 3.5, 1.3])
  }
  layout.heading(view.requestsHeading, 2)
  layout.paragraph(view.elements.length === 0 ? view.noRequests : view.requestsIntro, { font: 'italic' })
  for (const element of view.elements) {
    layout.heading(element.place, 3)
    layout.list({ type: 'list', ordered: false, items: element.requests.map((text) => ({ text })) })
  }
  layout.heading(view.gridHeading, 2)
  layout.table(undefined, view.gridHeadings, view.grid.map((row) => row.map((text, index) => ({ header: index === 0, blocks: text ? [{ type: 'paragraph' as const, text }] : [] }))), layout.root, [2.2, 1.3, 1.3, 3])
  layout.paragraph(view.produced, { font: 'italic', size: 9 })
  return layout.finish((page, pages) => words.pageOf(page, pages))
}

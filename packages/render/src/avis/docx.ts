import { Document, Paragraph } from 'docx'
import type { RenderContext } from '../context.js'
import { documentStyles, DocxWriter, runs, section } from '../docx/build.js'
import { packDocx } from '../docx/plan.js'
import { xmlSafeDeep } from '../xml-safe.js'
import { wordsOf } from '../words.js'
import { type AvisInput, avisView } from './view.js'

/** The letter (avis) as a Word document the Table can sign and send: same content as the HTML. */
export async function avisDocx(given: AvisInput, givenContext: RenderContext): Promise<Uint8Array> {
  const input = xmlSafeDeep(given)
  const context = { ...givenContext, theme: xmlSafeDeep(givenContext.theme) }
  const view = avisView(input, context)
  const colon = wordsOf(context).colon
  const writer = new DocxWriter(context.theme)
  if (view.organisation) writer.paragraph(view.organisation, { strong: true })
  writer.heading(view.title, 'title')
  for (const fact of view.facts) writer.paragraph(`**${fact.label}**${colon}${fact.value}`)
  writer.heading(view.recommendationHeading, 1)
  writer.paragraph(view.recommendation, { strong: true })
  writer.paragraph(view.reasons)
  if (view.followUp) {
    const { followUp } = view
    writer.heading(followUp.heading, 1)
    writer.paragraph(followUp.intro)
    writer.table(followUp.heading, followUp.intro, [...followUp.headings], followUp.rows.map((row) => row.map((text) => ({ children: [new Paragraph({ children: runs(text) })] }))), undefined, true)
  }
  writer.heading(view.requestsHeading, 1)
  writer.paragraph(view.elements.length === 0 ? view.noRequests : view.requestsIntro, { italic: view.elements.length > 0 })
  for (const element of view.elements) {
    writer.heading(element.place, 2)
    for (const request of element.requests)
      writer.body.children.push(new Paragraph({ style: 'ListBullet', numbering: { reference: 'bullets', level: 0 }, children: runs(request) }))
  }
  writer.heading(view.gridHeading, 1)
  writer.table(view.gridHeading, view.gridHeading, [...view.gridHeadings], view.grid.map((row) => row.map((text) => ({ children: [new Paragraph({ children: runs(text) })] }))), undefined, true)
  writer.paragraph(view.produced, { italic: true })
  const document = new Document({
    creator: view.organisation || 'Démarche',
    title: view.title,
    styles: documentStyles(context.theme),
    numbering: writer.numbering(),
    sections: [section(writer.body.children, { landscape: false, header: view.title, french: view.french })],
  })
  return packDocx(document, context, writer.body.tableDescriptions)
}

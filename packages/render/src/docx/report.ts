import { AlignmentType, Document, ExternalHyperlink, Paragraph, TextRun } from 'docx'
import { localize } from '@demarche/domain'
import { languageOf, type RenderContext } from '../context.js'
import { type ReportInput, reportView } from '../view/report-view.js'
import { documentStyles, DocxWriter, runs, section } from './build.js'
import { packDocx } from './plan.js'
import { xmlSafeDeep } from '../xml-safe.js'
import { wordsOf } from '../words.js'

/** An evaluation report as a Word document: the score, the criteria table, findings grouped by criterion. */
export async function reportDocx(given: ReportInput, givenContext: RenderContext): Promise<Uint8Array> {
  const input = xmlSafeDeep(given)
  const context = { ...givenContext, theme: xmlSafeDeep(givenContext.theme) }
  const view = reportView(input, context)
  const writer = new DocxWriter(context.theme)
  const words = wordsOf(context)
  const colon = words.colon
  writer.heading(view.title, 'title')
  for (const fact of view.facts) writer.paragraph(`**${fact.label}**${colon}${fact.value}`)
  writer.paragraph(view.produced, { italic: true })
  writer.heading(view.score, 1)
  writer.paragraph(view.summary)
  writer.table(
    words.report.criteriaCaption,
    words.report.criteriaDescription,
    view.criteriaHeadings,
    // Numbers right-aligned, as in every report format.
    view.criteria.map((c) => [c.label, c.status, String(c.applicable), String(c.passed), c.weight, c.points].map((text, index) => ({ children: [new Paragraph({ ...(index >= 2 && { alignment: AlignmentType.RIGHT }), children: runs(text) })] }))),
  )
  writer.heading(words.report.findings, 1)
  if (view.groups.length === 0) writer.paragraph(view.noFindings)
  for (const group of view.groups) {
    writer.heading(group.label, 2)
    for (const finding of group.findings) {
      const place = finding.href && /^https?:/.test(finding.href)
        ? new ExternalHyperlink({ link: finding.href, children: [new TextRun({ text: finding.place, style: 'Hyperlink' })] })
        : new TextRun(finding.place)
      writer.body.children.push(
        new Paragraph({
          style: 'ListBullet',
          numbering: { reference: 'bullets', level: 0 },
          children: [
            new TextRun({ text: `${finding.severityLabel} — `, bold: true }),
            place,
            new TextRun(colon),
            ...runs(finding.message),
            ...(finding.suggestion ? [new TextRun({ text: ` ${finding.suggestion}`, italics: true })] : []),
          ],
        }),
      )
    }
  }
  writer.heading(view.appendix.heading, 1)
  for (const fact of view.appendix.facts) writer.paragraph(`**${fact.label}**${colon}${fact.value}`)
  if (view.appendix.rows.length > 0)
    writer.table(
      view.appendix.heading,
      view.appendix.heading,
      [...view.appendix.columns],
      view.appendix.rows.map((row) => row.map((text) => ({ children: [new Paragraph({ children: runs(text) })] }))),
      undefined,
      true,
    )
  const document = new Document({
    creator: context.theme.organisation ?? localize(context.profile.title, languageOf(context)),
    title: view.title,
    styles: documentStyles(context.theme),
    numbering: writer.numbering(),
    sections: [section(writer.body.children, { landscape: false, header: view.title, french: view.french })],
  })
  return packDocx(document, context, writer.body.tableDescriptions)
}

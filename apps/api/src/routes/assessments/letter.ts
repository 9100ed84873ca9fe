import { AVIS_FORMATS, renderers } from '@demarche/render'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PlanParams, problems } from '../../schemas.js'
import type { AssessmentsService } from '../../services/assessments.js'
import { chooseFormat, documentContent, type Printer, queryOf } from '../documents/formats.js'

const LetterQuery = queryOf(AVIS_FORMATS)

/**
 * The letter (avis) the Table sends the chantier, made from the assessment in force: HTML, DOCX or PDF, by
 * `?format=` or `Accept`. After a resubmission, it opens with what became of each request of the previous
 * letter (addressed, still to be clarified, element removed). Rendered in the work pool; a PDF is Chromium's print of the HTML when the machine
 * has one, pdfkit's otherwise. Its date is the assessment's last revision, so the same revision gives the
 * same bytes.
 */
export const getAssessmentLetter: FastifyPluginAsyncTypebox<{ assessments: AssessmentsService; printer: Printer }> = async (app, { assessments, printer }) => {
  app.get(
    '/:planId/assessment/letter',
    {
      schema: {
        operationId: 'getAssessmentLetter',
        tags: ['assessments'],
        summary: 'The letter to the chantier (avis) made from the assessment, as HTML, DOCX or PDF',
        description:
          'The letter of the assessment in force. When an earlier version of the plan was assessed (a resubmission), the letter opens with the follow-up of that assessment’s requests and confirmed findings: for each, the element named as in the form and « Demande traitée » (its element changed, or the finding is gone, and the new assessment does not ask again there), « Toujours à préciser » (unchanged, still found, or asked again) or « Élément retiré du plan ».',
        params: PlanParams,
        querystring: LetterQuery,
        response: { 200: { description: 'The rendered letter', content: documentContent(AVIS_FORMATS) }, ...problems(401, 403, 404, 406, 429, 503) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, AVIS_FORMATS)
      const locale = request.query.locale ?? 'fr-CA'
      const record = await assessments.letter(request.principal, request.params.planId)
      const { row } = record
      const input = {
        plan: record.document,
        report: record.report,
        assessment: row.content,
        version: row.version,
        author: row.updatedBy,
        assessedAt: row.updatedAt.toISOString(),
        ...(record.letterFollowUp && { followUp: record.letterFollowUp }),
      }
      const clock = row.updatedAt.getTime()
      const chromium = format === 'pdf' ? await printer() : undefined
      const { definitions } = await assessments.registry.forPlan(record.document, undefined)
      const bytes = await app.work.run({ kind: 'render-avis', input: JSON.stringify(input), format: chromium ? 'html' : format, locale, clock, ...(definitions && { definitions }) })
      let body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      if (chromium) {
        const html = body.toString('utf8')
        body = Buffer.from(await app.work.print(() => chromium.print(html, new Date(clock))))
      }
      const renderer = renderers[format]
      return reply.type(renderer.mediaType).header('content-disposition', `attachment; filename="${row.planId}.avis-v${row.version}.${renderer.extension}"`).send(body as never)
    },
  )
}

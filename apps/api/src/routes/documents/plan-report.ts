import { createContext, reportHtml, reportMarkdown } from '@demarche/render'
import { evaluatePlan } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { chooseFormat, DocumentQuery, documentContent, FORMATS, pdfEngine, type Printer } from './formats.js'

/** The plan's evaluation report (submission stage) as HTML, Markdown, DOCX or PDF. */
export const getPlanReport: FastifyPluginAsyncTypebox<{ plans: PlansService; printer: Printer }> = async (app, { plans, printer }) => {
  app.get(
    '/:planId/report',
    {
      schema: {
        operationId: 'getPlanReport',
        tags: ['documents'],
        summary: 'The plan’s evaluation report (submission stage) as HTML, Markdown, DOCX or PDF',
        params: PlanParams,
        querystring: DocumentQuery,
        response: { 200: { description: 'The rendered report', content: documentContent }, ...problems(401, 404, 406, 429) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, ['html', 'markdown', 'docx', 'pdf'])
      const row = await plans.get(request.principal, request.params.planId)
      const context = createContext(row.document, { locale: request.query.locale ?? 'fr-CA', clock: () => new Date(row.updatedAt) })
      const input = { report: evaluatePlan(row.document), plan: row.document, planHref: `/v1/plans/${row.id}/document?format=html` }
      let body: string | Uint8Array
      if (format === 'html') body = reportHtml(input, context)
      else if (format === 'markdown') body = reportMarkdown(input, context)
      else if (format === 'docx') body = await (await import('@demarche/render/docx')).reportDocx(input, context)
      else body = await (await import('@demarche/render/pdf')).reportPdf(input, context, await pdfEngine(printer))
      return reply.type(FORMATS[format].type).header('content-disposition', `attachment; filename="${row.id}.report.${FORMATS[format].extension}"`).send((typeof body === 'string' ? body : Buffer.from(body)) as never)
    },
  )
}

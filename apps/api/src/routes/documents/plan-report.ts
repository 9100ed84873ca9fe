import { createContext, REPORT_FORMATS, renderers } from '@demarche/render'
import { evaluatePlan } from '@demarche/rules'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { chooseFormat, documentContent, type Printer, ReportDocumentQuery, renderOptions } from './formats.js'

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
        querystring: ReportDocumentQuery,
        response: { 200: { description: 'The rendered report', content: documentContent(REPORT_FORMATS) }, ...problems(401, 404, 406, 429) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, REPORT_FORMATS)
      const renderer = renderers[format]
      const row = await plans.get(request.principal, request.params.planId)
      const context = createContext(row.document, { locale: request.query.locale ?? 'fr-CA', clock: () => new Date(row.updatedAt) })
      const input = { report: evaluatePlan(row.document), plan: row.document, planHref: `/v1/plans/${row.id}/document?format=html` }
      // REPORT_FORMATS holds only formats with a report layout.
      const body = await renderer.renderReport!(input, context, await renderOptions(format, printer))
      return reply.type(renderer.mediaType).header('content-disposition', `attachment; filename="${row.id}.report.${renderer.extension}"`).send((typeof body === 'string' ? body : Buffer.from(body)) as never)
    },
  )
}

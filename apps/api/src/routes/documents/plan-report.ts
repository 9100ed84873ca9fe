import { REPORT_FORMATS, renderers } from '@demarche/render'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PlanParams, problems } from '../../schemas.js'
import { may } from '../../policy.js'
import type { AssessmentsService } from '../../services/assessments.js'
import type { PlansService } from '../../services/plans.js'
import { chooseFormat, documentContent, type Printer, renderInPool, ReportDocumentQuery } from './formats.js'

/** The plan's evaluation report (submission stage) as HTML, Markdown, DOCX or PDF. */
export const getPlanReport: FastifyPluginAsyncTypebox<{ plans: PlansService; assessments: AssessmentsService; printer: Printer }> = async (app, { plans, assessments, printer }) => {
  app.get(
    '/:planId/report',
    {
      schema: {
        operationId: 'getPlanReport',
        tags: ['documents'],
        summary: 'The plan’s evaluation report (submission stage) as HTML, Markdown, DOCX or PDF',
        params: PlanParams,
        querystring: ReportDocumentQuery,
        response: { 200: { description: 'The rendered report', content: documentContent(REPORT_FORMATS) }, ...problems(401, 404, 406, 429, 503) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, REPORT_FORMATS)
      const renderer = renderers[format]
      const row = await plans.get(request.principal, request.params.planId)
      const locale = request.query.locale ?? 'fr-CA'
      // A caller who may read the reviewer's assessment gets the report as it leaves it (dismissed findings
      // out); anyone else, the engine's report.
      const decisions = may(request.principal, 'plan.read-assessment', row) ? await assessments.dismissals(row.id, row.version) : undefined
      // Evaluated (submission stage) and rendered in one task of the work pool; REPORT_FORMATS holds only formats with a report layout.
      const { ruleSet, definitions } = await plans.registry.forPlan(row.document, await plans.ruleSetOf(row))
      const body = await renderInPool(app.work, printer, format, { document: row.document, updatedAt: row.updatedAt, locale, definitions }, { planHref: `/v1/plans/${row.id}/document?format=html`, ruleSet, decisions })
      return reply.type(renderer.mediaType).header('content-disposition', `attachment; filename="${row.id}.report.${renderer.extension}"`).send(body as never)
    },
  )
}

import { RENDER_FORMATS, renderers } from '@demarche/render'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BoundedCache } from '../../bounded-cache.js'
import { savedStateKey } from '../../presenters/index.js'
import { PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { chooseFormat, documentContent, PlanDocumentQuery, type Printer, renderInPool } from './formats.js'

/** The plan in every format of the render package, by `?format=` or `Accept`. */
export const getPlanDocument: FastifyPluginAsyncTypebox<{ plans: PlansService; printer: Printer }> = async (app, { plans, printer }) => {
  // A saved state renders to the same bytes every time (the clock is its last update): renders are kept,
  // up to a total size, by plan, version, status, format and locale.
  const rendered = new BoundedCache(64 * 1024 * 1024)
  app.get(
    '/:planId/document',
    {
      schema: {
        operationId: 'getPlanDocument',
        tags: ['documents'],
        summary: 'The plan as HTML, Markdown, DOCX, PDF or XLSX',
        params: PlanParams,
        querystring: PlanDocumentQuery,
        response: { 200: { description: 'The rendered plan', content: documentContent(RENDER_FORMATS) }, ...problems(401, 404, 406, 429, 503) },
      },
    },
    async (request, reply) => {
      const format = chooseFormat(request, RENDER_FORMATS)
      const renderer = renderers[format]
      const locale = request.query.locale ?? 'fr-CA'
      const head = await plans.head(request.principal, request.params.planId)
      const key = savedStateKey(head, format, locale)
      let body = rendered.get(key)
      if (body === undefined) {
        const row = await plans.get(request.principal, head.id)
        const { definitions } = await plans.registry.forPlan(row.document, undefined)
        body = await renderInPool(app.work, printer, format, { document: row.document, updatedAt: row.updatedAt, locale, definitions })
        rendered.set(key, body)
      }
      return reply.type(renderer.mediaType).header('content-disposition', `attachment; filename="${head.id}.${renderer.extension}"`).send(body as never)
    },
  )
}

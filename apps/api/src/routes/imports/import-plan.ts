import { ImportReport } from '@demarche/import'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { parseRef } from '@demarche/domain'
import { authorize } from '../../policy.js'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { Id, Plan, problems, Report } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { acceptOfficeBodies, IMPORT_BODY_LIMIT, OFFICE_MEDIA_TYPES, officeBody, officeOnly } from './import-problem.js'

/** What an import answers: the plan saved, what the import met in the file, and the plan's draft-stage evaluation. */
export const PlanImportResult = Type.Object(
  { plan: Plan, import: ImportReport, evaluation: Report },
  { description: 'The plan saved, the located, bilingual import report (sheet and cell, or section, table and row) and the draft-stage evaluation.' },
)

const ImportQuery = Type.Object({
  chantierId: Id,
  profile: Type.Optional(Type.String({ maxLength: 80, description: 'id or id@version; by default the profile the workbook names (its Document sheet).' })),
})

/**
 * POST /v1/plans/imports: a DOCX or XLSX file becomes a new draft plan. The right to create a plan in the
 * chantier is checked before the file is read; the file is read and the plan evaluated in the work pool.
 */
export const importPlan: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  acceptOfficeBodies(app)
  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'importPlan',
        tags: ['plans'],
        summary: 'Create a draft plan from a Word (.docx) or Excel (.xlsx) file',
        description: 'The body is the file, its media type says which. Answers the plan, its import report and its draft evaluation; a file that cannot be read is 422 (413 past the import’s bounds), with each reason located in `errors`.',
        querystring: ImportQuery,
        consumes: Object.values(OFFICE_MEDIA_TYPES),
        body: officeBody,
        response: { 201: PlanImportResult, ...problems(400, 401, 403, 413, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'plan.create', { chantierId: request.query.chantierId })
      if (!Buffer.isBuffer(request.body)) throw officeOnly()
      // A registered profile is read as a built-in one: the worker gets its definitions (and its rule set's) with
      // the file — those of the profile asked for, or, when the workbook names it, those it answers it `needs`.
      const asked = request.query.profile
      const body = request.body as Uint8Array
      const first: { definitions?: string } = asked ? await plans.registry.forPlan({ profile: parseRef(asked) }, undefined) : {}
      let answer = await app.work.run<'import-plan'>({ kind: 'import-plan', body, ...(asked ? { profile: asked } : { ask: true }), ...(first.definitions && { definitions: first.definitions }) })
      if ('needs' in answer) {
        const { definitions } = await plans.registry.forPlan({ profile: answer.needs }, undefined)
        answer = await app.work.run<'import-plan'>({ kind: 'import-plan', body, ...(definitions && { definitions }) })
      }
      if ('needs' in answer) throw new Error('A worker asked twice for definitions')
      const { imported, evaluation } = answer
      const row = await plans.create(request.principal, request.query.chantierId, imported.plan)
      return reply.code(201).header('etag', etagOf(row)).header('location', `/v1/plans/${row.id}`).send({ plan: resourceOf(row, plans.registry.profiles()), import: imported.report, evaluation })
    },
  )
}


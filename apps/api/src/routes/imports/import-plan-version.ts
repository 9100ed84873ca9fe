import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AppError } from '../../errors.js'
import { authorize } from '../../policy.js'
import { etagOf, resourceOf } from '../../presenters/index.js'
import { PlanParams, problems } from '../../schemas.js'
import type { PlansService } from '../../services/plans.js'
import { assertEditable } from '../../workflow.js'
import { acceptOfficeBodies, IMPORT_BODY_LIMIT, OFFICE_MEDIA_TYPES, officeBody, officeOnly } from './import-problem.js'
import { PlanImportResult } from './import-plan.js'

/**
 * PUT /v1/plans/{planId}/import: a DOCX or XLSX file becomes the next version of a draft (If-Match
 * required), read with the plan's own profile. Rights, status and ETag are checked before the file is read.
 */
export const importPlanVersion: FastifyPluginAsyncTypebox<{ plans: PlansService }> = async (app, { plans }) => {
  acceptOfficeBodies(app)
  app.put(
    '/:planId/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'importPlanVersion',
        tags: ['plans'],
        summary: 'Save a new version of a draft from a Word (.docx) or Excel (.xlsx) file (If-Match required)',
        params: PlanParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        consumes: Object.values(OFFICE_MEDIA_TYPES),
        body: officeBody,
        response: { 200: PlanImportResult, ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const current = await plans.get(request.principal, request.params.planId)
      authorize(request.principal, 'plan.update', current)
      assertEditable(current.status)
      if (!Buffer.isBuffer(request.body)) throw officeOnly()
      const ifMatch = request.headers['if-match']
      if (ifMatch === undefined) throw new AppError('precondition-required', { fr: 'En-tête If-Match requis.', en: 'If-Match header required.' })
      if (ifMatch !== etagOf(current)) throw new AppError('precondition-failed', { fr: 'Le plan a changé depuis votre lecture (ETag périmé) : rien n’a été écrit.', en: 'The plan changed since you read it (stale ETag): nothing was written.' })
      const profile = `${current.document.profile.id}@${current.document.profile.version}`
      // The worker gets the plan's profile and its rule set chain, if registered: nothing else.
      const { definitions } = await plans.registry.forPlan(current.document, undefined)
      const answer = await app.work.run({ kind: 'import-plan', body: request.body as Uint8Array, profile, ...(definitions && { definitions }) })
      if ('needs' in answer) throw new Error('A worker asked for definitions of a plan whose profile it was sent')
      const { imported, evaluation } = answer
      // The file's content under the plan's own id: a workbook exported from another plan does not move this one.
      const row = await plans.replace(request.principal, current.id, { ...imported.plan, id: current.id }, ifMatch)
      return reply.header('etag', etagOf(row)).send({ plan: resourceOf(row, plans.registry.profiles()), import: imported.report, evaluation })
    },
  )
}

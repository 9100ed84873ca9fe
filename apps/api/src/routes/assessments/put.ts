import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AssessmentContent } from '@demarche/rules'
import Type from 'typebox'
import { Assessment, PlanParams, problems } from '../../schemas.js'
import { assessmentEtag, type AssessmentsService } from '../../services/assessments.js'
import { assessmentOf } from './present.js'

export const putAssessment: FastifyPluginAsyncTypebox<{ assessments: AssessmentsService }> = async (app, { assessments }) => {
  app.put(
    '/:planId/assessment',
    {
      schema: {
        operationId: 'putAssessment',
        tags: ['assessments'],
        summary: 'Write the assessment of the plan’s current version while it is under review (If-Match to revise)',
        description:
          'Creates the assessment of the current version (201) or, with `If-Match` set to its ETag, revises it (200). Criteria must be those of the rule set’s grid, decisions must name fingerprints of the version’s findings (a dismissal needs a reason), requests must point to places of the plan.',
        params: PlanParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: AssessmentContent,
        response: { 200: Assessment, 201: Assessment, ...problems(400, 401, 403, 404, 409, 412, 415, 422, 428, 429, 503) },
      },
    },
    async (request, reply) => {
      const record = await assessments.save(request.principal, request.params.planId, request.body, request.headers['if-match'])
      return reply.code(record.created ? 201 : 200).header('etag', assessmentEtag(record.row)).send(assessmentOf(record))
    },
  )
}

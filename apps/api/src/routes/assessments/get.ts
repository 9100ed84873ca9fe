import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { Assessment, PlanParams, problems } from '../../schemas.js'
import { assessmentEtag, type AssessmentsService } from '../../services/assessments.js'
import { assessmentOf } from './present.js'

export const getAssessment: FastifyPluginAsyncTypebox<{ assessments: AssessmentsService }> = async (app, { assessments }) => {
  app.get(
    '/:planId/assessment',
    {
      schema: {
        operationId: 'getAssessment',
        tags: ['assessments'],
        summary: 'The reviewer’s assessment in force: criteria, recommendation, decisions on findings, requests',
        description:
          'The assessment of the latest assessed version, or of `version`: one is stored per reviewed version. `findings` are the engine’s findings on that version with their fingerprints and decisions; when the plan has been resubmitted since, `followUp` tells for each request whether its element changed, and which findings are gone. Coordinators of the plan’s chantier read it once the plan is returned or decided.',
        params: PlanParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'The assessment of this version of the plan rather than the one in force' })) }),
        response: { 200: Assessment, ...problems(401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const record = await assessments.read(request.principal, request.params.planId, request.query.version)
      return reply.header('etag', assessmentEtag(record.row)).send(assessmentOf(record))
    },
  )
}

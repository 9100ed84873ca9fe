import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { AppError } from '../../errors.js'
import { PROBLEM_TYPE_PATH, STATUS, type ProblemCode } from '../../plugins/problem.js'
import { PROBLEM_TYPES } from '../../problem-types.js'
import { ProblemType, problems } from '../../schemas.js'

/** `GET /problems/{code}`: what a problem type means — the page every problem's `type` names. */
export const problemType: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    `${PROBLEM_TYPE_PATH}:code`,
    {
      schema: {
        operationId: 'getProblemType',
        tags: ['system'],
        summary: 'What a problem type means',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: ProblemType, ...problems(404) },
      },
    },
    async (request) => {
      const { code } = request.params
      if (!Object.hasOwn(PROBLEM_TYPES, code)) throw new AppError('not-found', { fr: 'Type de problème inconnu.', en: 'Unknown problem type.' })
      const meaning = PROBLEM_TYPES[code as ProblemCode]
      return { type: `${PROBLEM_TYPE_PATH}${code}`, code, status: code === 'client-error' ? null : STATUS[code as ProblemCode], title: meaning }
    },
  )
}

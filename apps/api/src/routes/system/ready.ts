import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { DatabaseHandle } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { problems, Readiness } from '../../schemas.js'

export const ready: FastifyPluginAsyncTypebox<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.get(
    '/readyz',
    { schema: { operationId: 'ready', tags: ['system'], summary: 'The database answers', response: { 200: Readiness, ...problems(503) } } },
    async () => {
      try {
        await database.ping()
      } catch {
        throw new AppError('not-ready', { fr: 'Base de données injoignable.', en: 'Database unreachable.' })
      }
      return { status: 'ready' as const, database: database.kind }
    },
  )
}

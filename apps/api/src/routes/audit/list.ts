import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { auditEntryOf } from '../../presenters/index.js'
import { AuditEntry, problems } from '../../schemas.js'
import type { CatalogService } from '../../services/catalog.js'

export const listAudit: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/audit',
    {
      schema: {
        operationId: 'listAudit',
        tags: ['access'],
        summary: 'Audit log of every write (admin)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
        response: { 200: Type.Array(AuditEntry), ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => (await catalog.audit(request.principal, request.query.limit)).map(auditEntryOf),
  )
}

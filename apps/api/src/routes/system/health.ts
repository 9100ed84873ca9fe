import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Health, problems } from '../../schemas.js'

export const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { operationId: 'health', tags: ['system'], summary: 'The process is up', response: { 200: Health, ...problems() } } }, async () => ({ status: 'ok' as const }))
}

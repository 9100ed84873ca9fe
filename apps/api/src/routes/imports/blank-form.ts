import { blankFormXlsx } from '@demarche/import'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { BoundedCache } from '../../bounded-cache.js'
import { notFound } from '../../errors.js'
import { problems } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { OFFICE_MEDIA_TYPES } from './import-problem.js'

/** The blank XLSX form of a profile, in French or English: what a chantier fills and sends back to /plans/imports. */
export const getBlankForm: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  // A profile's form is the same bytes every time (its clock is fixed): made once per profile and locale.
  const forms = new BoundedCache(16 * 1024 * 1024)
  app.get(
    '/profiles/:profileId/form',
    {
      schema: {
        operationId: 'getBlankForm',
        tags: ['documents'],
        summary: 'The blank XLSX form of a profile',
        params: Type.Object({ profileId: Type.String({ maxLength: 80 }) }),
        querystring: Type.Object({ locale: Type.Optional(Type.Enum(['fr-CA', 'en-CA'], { type: 'string', default: 'fr-CA' })) }),
        response: { 200: { description: 'The blank form', content: { [OFFICE_MEDIA_TYPES.xlsx]: { schema: Type.String({ format: 'binary' }) } } }, ...problems(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const [id, version] = request.params.profileId.split('@')
      const profile = await registry.profile(id!, version !== undefined && /^\d+$/.test(version) ? Number(version) : undefined)
      if (!profile) throw notFound('Profile')
      const locale = request.query.locale ?? 'fr-CA'
      const key = `${profile.id}@${profile.version}\u0000${locale}`
      let body = forms.get(key)
      if (body === undefined) {
        const bytes = await blankFormXlsx(profile, { language: locale === 'en-CA' ? 'en' : 'fr', clock: () => new Date(Date.UTC(2026, 0, 1)) })
        body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        forms.set(key, body)
      }
      const name = locale === 'en-CA' ? 'form' : 'formulaire'
      return reply.type(OFFICE_MEDIA_TYPES.xlsx).header('content-disposition', `attachment; filename="${name}-${profile.id}.xlsx"`).send(body as never)
    },
  )
}

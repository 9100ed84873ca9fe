import { blankFormDocx, blankFormXlsx } from '@demarche/import'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { BoundedCache } from '../../bounded-cache.js'
import { notFound } from '../../errors.js'
import { problems } from '../../schemas.js'
import type { Registry } from '../../services/registry.js'
import { OFFICE_MEDIA_TYPES } from './import-problem.js'

/** The blank form of a profile, Excel or Word, in French or English: what a chantier fills and sends back to /plans/imports. */
export const getBlankForm: FastifyPluginAsyncTypebox<{ registry: Registry }> = async (app, { registry }) => {
  // A profile's form is the same bytes every time (its clock is fixed): made once per profile and locale.
  const forms = new BoundedCache(16 * 1024 * 1024)
  app.get(
    '/profiles/:profileId/form',
    {
      schema: {
        operationId: 'getBlankForm',
        tags: ['documents'],
        summary: 'The blank form of a profile (Excel or Word)',
        description: 'The form a chantier fills and sends back to `POST /v1/plans/imports`: a workbook with a sheet per part (`format=xlsx`, the default) or a Word document with the profile’s headings and tables (`format=docx`).',
        params: Type.Object({ profileId: Type.String({ maxLength: 80 }) }),
        querystring: Type.Object({
          locale: Type.Optional(Type.Enum(['fr-CA', 'en-CA'], { type: 'string', default: 'fr-CA' })),
          format: Type.Optional(Type.Enum(['xlsx', 'docx'], { type: 'string', default: 'xlsx' })),
        }),
        response: {
          200: { description: 'The blank form', content: { [OFFICE_MEDIA_TYPES.xlsx]: { schema: Type.String({ format: 'binary' }) }, [OFFICE_MEDIA_TYPES.docx]: { schema: Type.String({ format: 'binary' }) } } },
          ...problems(400, 401, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const [id, version] = request.params.profileId.split('@')
      const profile = await registry.profile(id!, version !== undefined && /^\d+$/.test(version) ? Number(version) : undefined)
      if (!profile) throw notFound('Profile')
      const locale = request.query.locale ?? 'fr-CA'
      const format = request.query.format ?? 'xlsx'
      const key = `${profile.id}@${profile.version}\u0000${locale}\u0000${format}`
      let body = forms.get(key)
      if (body === undefined) {
        const options = { language: locale === 'en-CA' ? ('en' as const) : ('fr' as const), clock: () => new Date(Date.UTC(2026, 0, 1)) }
        const bytes = await (format === 'docx' ? blankFormDocx(profile, options) : blankFormXlsx(profile, options))
        body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        forms.set(key, body)
      }
      const name = locale === 'en-CA' ? 'form' : 'formulaire'
      return reply.type(OFFICE_MEDIA_TYPES[format]).header('content-disposition', `attachment; filename="${name}-${profile.id}.${format}"`).send(body as never)
    },
  )
}

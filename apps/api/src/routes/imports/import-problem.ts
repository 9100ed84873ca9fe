import { builtinProfiles, findProfile, generic, type PlanDocument, type Profile } from '@demarche/domain'
import { declaredProfile, type ImportReport, importPlan, type PlanImport, placeText } from '@demarche/import'
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { AppError } from '../../errors.js'

/** The Office media types an import takes; anything else is 415 before the body is read. */
export const OFFICE_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/** The largest file an import reads: the import's own bound, so a bigger body is refused before it is read. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024

/** The body of an import: the file's bytes, kept as they came (parsed by the import in the work pool). */
export function acceptOfficeBodies(app: FastifyInstance): void {
  app.addContentTypeParser(Object.values(OFFICE_MEDIA_TYPES), { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body))
}

/** A body of another media type (JSON, which the app parses for every route): this operation reads Office files only. */
export function officeOnly(): AppError {
  return new AppError('unsupported-media-type', { fr: 'Envoyez le fichier Word (.docx) ou Excel (.xlsx) avec son type de média.', en: 'Send the Word (.docx) or Excel (.xlsx) file with its media type.' })
}

export const officeBody = Type.Unknown({ description: 'The DOCX or XLSX file itself (its media type says which).' })

/** Refusals of the guards that are about size: 413; every other refusal to read the file: 422. */
const TOO_LARGE = new Set(['file-too-large', 'too-many-entries', 'entry-too-large', 'zip-bomb'])

function located(found: ImportReport['issues'][number]): { fr: string; en: string } {
  const where = (locale: 'fr' | 'en') => placeText(found.place, locale)
  return { fr: [where('fr'), found.message.fr].filter(Boolean).join(' — '), en: [where('en'), found.message.en].filter(Boolean).join(' — ') }
}

/** A file nothing could be read from, as a problem whose `errors` locate each reason. */
export function unreadable(report: ImportReport): AppError {
  const large = report.issues.some((found) => TOO_LARGE.has(found.code))
  return new AppError(large ? 'office-file-too-large' : 'unreadable-office-file', large
    ? { fr: 'Le fichier dépasse les bornes de l’importation : rien n’a été écrit.', en: 'The file exceeds the import’s bounds: nothing was written.' }
    : { fr: 'Le fichier n’a pas pu être lu : rien n’a été écrit.', en: 'The file could not be read: nothing was written.' }, {
    // The body is one file: each reason says where in it (archive part, XML line and column) in its message.
    errors: report.issues.map((found) => ({ in: 'body', pointer: '', code: found.code, message: located(found) })),
  })
}

/**
 * Reads the file with the profile asked for (`id` or `id@version`), or else the one the workbook names; a
 * file that cannot be read is refused as such, whether or not it names a profile.
 */
export async function importWithProfile(asked: string | undefined, body: Uint8Array, profiles: readonly Profile[] = builtinProfiles): Promise<PlanImport & { plan: PlanDocument }> {
  const ref = asked ?? (await declaredProfile(body).then((found) => found && (found.version === undefined ? found.id : `${found.id}@${found.version}`)))
  const [id, version] = (ref ?? '').split('@')
  const profile = ref === undefined ? undefined : findProfile(id!, version !== undefined && /^\d+$/.test(version) ? Number(version) : undefined, profiles)
  const imported = await importPlan(body, { profile: profile ?? generic })
  if (!imported.plan) throw unreadable(imported.report)
  if (!ref) throw new AppError('profile-required', { fr: 'Le fichier ne nomme pas son profil : donnez le paramètre `profile`.', en: 'The file does not name its profile: give the `profile` parameter.' })
  if (!profile) throw new AppError('unknown-import-profile', { fr: `Profil inconnu : « ${ref} ».`, en: `Unknown profile: “${ref}”.` })
  return imported as PlanImport & { plan: PlanDocument }
}

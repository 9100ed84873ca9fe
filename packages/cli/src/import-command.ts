import { findProfile, type Locale, type Profile } from '@demarche/domain'
import { formatImportReport, IMPORT_REPORT_FORMATS, type ImportReport, type ImportReportFormat, importPlan, placeText, sourceProfile } from '@demarche/import'
import type { Io } from './io.js'
import { EXIT, type Message, messages } from './messages.js'
import { onlyRegionProfile, type Project } from './project.js'

export interface ImportOptions {
  file: string
  /** A profile id (id or id@version); the project's profile files are looked up too. Default: the one the workbook names. */
  profile?: string
  output?: string
  format: string
  locale: Locale
  project: Project
}

/**
 * `demarche import <file.xlsx|file.docx> [--profile P] [-o plan.json] [--format stylish|json|markdown|sarif|junit]`: reads a
 * plan from an Office file, writes it as JSON and prints the import report. Exit 0 when no finding is an
 * error, 1 when one is, 2 on bad usage or a file that cannot be read at all (hostile, corrupted, not Office).
 */
export async function importCommand(options: ImportOptions, io: Io): Promise<number> {
  const { locale } = options
  const say = (message: Message) => io.stderr(`${messages.about('demarche import', message)[locale]}\n`)
  if (!(IMPORT_REPORT_FORMATS as readonly string[]).includes(options.format)) return (say(messages.badOption('--format', IMPORT_REPORT_FORMATS)), EXIT.failure)
  let bytes: Uint8Array
  try {
    bytes = await io.readBytes(options.file)
  } catch (error) {
    io.stderr(`${messages.cannotRead(options.file, (error as NodeJS.ErrnoException).code)[locale]}\n`)
    return EXIT.failure
  }
  // The file is opened and guarded first: a hostile or corrupted file is refused before any profile is asked for.
  const source = await sourceProfile(bytes)
  if (!source.ok) return refuse(options.file, source.report, locale, io)
  const declared = source.profile && (source.profile.version === undefined ? source.profile.id : `${source.profile.id}@${source.profile.version}`)
  const known = options.project.profiles.map((profile) => `${profile.id}@${profile.version}`)
  const wanted = options.profile ?? declared
  const profile = wanted === undefined ? onlyRegionProfile(options.project) : lookUp(wanted, options.project.profiles)
  if (!wanted && !profile) return (say(messages.importNeedsProfile(known)), EXIT.failure)
  if (!profile) return (say(messages.unknownProfile(wanted!, known)), EXIT.failure)
  const { plan, report } = await importPlan(bytes, { profile })
  const format = options.format as ImportReportFormat
  if (!plan) return refuse(options.file, report, locale, io)
  const toStdout = options.output === '-'
  if (options.output !== undefined) await io.writeBytes(options.output, new TextEncoder().encode(`${JSON.stringify(plan, null, 2)}\n`))
  ;(toStdout ? io.stderr : io.stdout)(formatImportReport(format, options.file, report, locale))
  return report.issues.some((found) => found.severity === 'error') ? EXIT.findings : EXIT.ok
}

/** Nothing could be read: the reasons, located, on standard error, no file written, exit 2. */
function refuse(file: string, report: ImportReport, locale: Locale, io: Io): number {
  for (const found of report.issues) io.stderr(`${file}${locale === 'fr' ? ' : ' : ': '}${[placeText(found.place, locale), found.message[locale]].filter(Boolean).join(' — ')}\n`)
  return EXIT.failure
}

function lookUp(ref: string, profiles: readonly Profile[]): Profile | undefined {
  const [id, version] = ref.split('@')
  return findProfile(id!, version === undefined || !/^\d+$/.test(version) ? undefined : Number(version), profiles)
}

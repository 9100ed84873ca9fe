import { findProfile, type Locale } from '@demarche/domain'
import { blankFormDocx, blankFormXlsx } from '@demarche/import'
import type { Io } from './io.js'
import { knownProfiles, onlyRegionProfile, type Project } from './project.js'

export const TEMPLATE_FORMATS = ['docx', 'xlsx'] as const

export interface TemplateOptions {
  profile?: string
  format: string
  locale: Locale
  output?: string
  /** The built-in profiles and those the config file and the --profile files load. */
  project: Project
}

/** `demarche template [--profile <id[@version]|file>] --format xlsx -o <file>`: the profile's blank form (built-in, or loaded from the project or a file), in the --locale language. */
export async function templateCommand(options: TemplateOptions, io: Io): Promise<number> {
  const fr = options.locale === 'fr'
  const known = knownProfiles(options.project).join(', ')
  // No id: the one region profile the project or a --profile file loaded, if only one is.
  const [id, version] = options.profile?.split('@') ?? []
  const profile = options.profile === undefined ? onlyRegionProfile(options.project) : findProfile(id!, version === undefined ? undefined : Number(version), options.project.profiles)
  if (!options.profile && !profile) return usage(io, fr ? `--profile <id> est requis (${known})` : `--profile <id> is required (${known})`)
  if (!profile) return usage(io, fr ? `profil inconnu « ${options.profile} » (connus : ${known})` : `unknown profile “${options.profile}” (known: ${known})`)
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(options.format))
    return usage(io, fr ? `--format : ${TEMPLATE_FORMATS.join(' | ')}` : `--format: ${TEMPLATE_FORMATS.join(' | ')}`)
  if (!options.output) return usage(io, fr ? `-o <fichier> est requis (-o ${profile.id}.${options.format}, ou -o - pour la sortie standard)` : `-o <file> is required (-o ${profile.id}.${options.format}, or -o - for standard output)`)
  const form = options.format === 'docx' ? blankFormDocx : blankFormXlsx
  await io.writeBytes(options.output, await form(profile, { language: options.locale }))
  return 0
}

function usage(io: Io, message: string): number {
  // French typography: a no-break space before the colon.
  io.stderr(`demarche template${'\u00a0'}: ${message.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')}\n`)
  return 2
}

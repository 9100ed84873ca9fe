import { type Issue, type Locale, validatePlan } from '@demarche/domain'
import type { Io } from './io.js'
import { EXIT, type Message, messages } from './messages.js'
import { type Project, profileOf } from './project.js'

/**
 * `demarche validate <plan.json…>`: exit 1 when any file is not a valid plan of its profile, 2 when a file
 * cannot be read; every file is checked either way.
 */
export async function validateCommand(files: readonly string[], project: Project, locale: Locale, io: Io): Promise<number> {
  let exit: number = EXIT.ok
  for (const file of files) {
    const parsed = await readJson(file, io)
    if (!parsed.ok) {
      exit = Math.max(exit, parsed.kind === 'io' ? EXIT.failure : EXIT.findings)
      io.stderr(`${parsed.message[locale]}\n`)
      continue
    }
    const known = profileOf(project, parsed.value)
    if ('unknown' in known && isObjectWithProfile(parsed.value)) {
      exit = Math.max(exit, EXIT.findings)
      io.stderr(`${messages.about(file, known.unknown)[locale]}\n`)
      continue
    }
    const result = validatePlan(parsed.value, { profiles: project.profiles })
    if (result.ok) {
      io.stdout(`${messages.about(file, messages.valid(`${result.profile.id}@${result.profile.version}`))[locale]}\n`)
      continue
    }
    exit = Math.max(exit, EXIT.findings)
    io.stderr(`${messages.about(file, messages.invalid(result.issues.length))[locale]}\n`)
    for (const issue of result.issues) io.stderr(formatIssue(issue, locale))
  }
  return exit
}

export function formatIssue(issue: Issue, locale: Locale): string {
  return `  ${issue.pointer || '/'}  ${issue.message[locale]}  [${issue.code}]\n`
}

/** A file read as JSON: the value, or why not — the file could not be read (`io`) or is not JSON (`content`). */
export type JsonRead = { ok: true; value: unknown; source: string } | { ok: false; kind: 'io' | 'content'; message: Message }

export async function readJson(file: string, io: Io): Promise<JsonRead> {
  let source: string
  try {
    source = await io.readFile(file)
  } catch (error) {
    return { ok: false, kind: 'io', message: messages.cannotRead(file, (error as NodeJS.ErrnoException).code) }
  }
  try {
    return { ok: true, value: JSON.parse(source), source }
  } catch (error) {
    return { ok: false, kind: 'content', message: messages.invalidJson(`${file} — ${(error as Error).message}`) }
  }
}

/** A value whose profile reference is well formed: only then is an unknown profile the thing to say. */
function isObjectWithProfile(value: unknown): boolean {
  const profile = (value as { profile?: { id?: unknown } } | null)?.profile
  return typeof profile?.id === 'string'
}

import { type Issue, type Locale, validatePlan } from '@demarche/domain'
import type { Io } from './io.js'

const TEXT = {
  fr: { valid: 'valide', invalid: 'invalide', unreadable: 'illisible', issues: (n: number) => `${n} problème${n > 1 ? 's' : ''}` },
  en: { valid: 'valid', invalid: 'invalid', unreadable: 'unreadable', issues: (n: number) => `${n} problem${n > 1 ? 's' : ''}` },
} as const

/** `demarche validate <plan.json…>`: exit 1 when any file is not a valid plan of its profile. */
export async function validateCommand(files: readonly string[], locale: Locale, io: Io): Promise<number> {
  const text = TEXT[locale]
  let failed = 0
  for (const file of files) {
    const parsed = await readJson(file, io)
    if (!parsed.ok) {
      failed++
      io.stderr(`${file}: ${text.unreadable}\n  ${parsed.message[locale]}\n`)
      continue
    }
    const result = validatePlan(parsed.value)
    if (result.ok) {
      io.stdout(`${file}: ${text.valid} (${result.profile.id}@${result.profile.version})\n`)
      continue
    }
    failed++
    io.stderr(`${file}: ${text.invalid} — ${text.issues(result.issues.length)}\n`)
    for (const issue of result.issues) io.stderr(formatIssue(issue, locale))
  }
  return failed > 0 ? 1 : 0
}

export function formatIssue(issue: Issue, locale: Locale): string {
  return `  ${issue.pointer || '/'}  ${issue.message[locale]}  [${issue.code}]\n`
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: { fr: string; en: string } }

export async function readJson(file: string, io: Io): Promise<JsonRead> {
  let source: string
  try {
    source = await io.readFile(file)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    return { ok: false, message: { fr: `Lecture impossible (${reason}).`, en: `Cannot read the file (${reason}).` } }
  }
  try {
    return { ok: true, value: JSON.parse(source) }
  } catch (error) {
    const reason = (error as Error).message
    return { ok: false, message: { fr: `JSON invalide : ${reason}`, en: `Invalid JSON: ${reason}` } }
  }
}

import { findProfile, type Locale, type PlanDocument, preparePlan, validatePlan } from '@demarche/domain'
import type { Io } from './io.js'
import { formatIssue, readJson } from './validate-command.js'

/**
 * `demarche prepare <plan.json…> [--write]`: assigns ids to new nodes and recomputes every parsed value
 * from its raw text, then validates. Prints the prepared plan, or rewrites the file with --write.
 */
export async function prepareCommand(files: readonly string[], write: boolean, locale: Locale, io: Io): Promise<number> {
  let failed = 0
  for (const file of files) {
    const parsed = await readJson(file, io)
    if (!parsed.ok) {
      failed++
      io.stderr(`${file}: ${parsed.message[locale]}\n`)
      continue
    }
    const draft = parsed.value as PlanDocument
    const profile = findProfile(String(draft?.profile?.id), draft?.profile?.version)
    if (!profile) {
      failed++
      io.stderr(`${file}: ${locale === 'fr' ? 'profil inconnu' : 'unknown profile'} (${String(draft?.profile?.id)})\n`)
      continue
    }
    let prepared: PlanDocument
    try {
      prepared = preparePlan(draft, profile)
    } catch {
      // The draft is too far from a plan's shape to prepare: report what validation says about it.
      prepared = draft
    }
    const result = validatePlan(prepared)
    if (!result.ok) {
      failed++
      io.stderr(`${file}:\n`)
      for (const issue of result.issues) io.stderr(formatIssue(issue, locale))
      continue
    }
    const output = JSON.stringify(prepared, null, 2) + '\n'
    if (write) await io.writeFile(file, output)
    else io.stdout(output)
  }
  return failed > 0 ? 1 : 0
}

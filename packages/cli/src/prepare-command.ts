import { type Locale, type PlanDocument, preparePlan, validatePlan } from '@demarche/domain'
import type { Io } from './io.js'
import { EXIT, messages } from './messages.js'
import { type Project, profileOf } from './project.js'
import { formatIssue, readJson } from './validate-command.js'

/**
 * `demarche prepare <plan.json…> [--write]`: assigns ids to new nodes and recomputes every parsed value
 * from its raw text, then validates. Prints the prepared plan, or rewrites the file with --write.
 */
export async function prepareCommand(files: readonly string[], write: boolean, project: Project, locale: Locale, io: Io): Promise<number> {
  let exit: number = EXIT.ok
  for (const file of files) {
    const parsed = await readJson(file, io)
    if (!parsed.ok) {
      exit = Math.max(exit, parsed.kind === 'io' ? EXIT.failure : EXIT.findings)
      io.stderr(`${parsed.message[locale]}\n`)
      continue
    }
    const draft = parsed.value as PlanDocument
    const found = profileOf(project, draft)
    if ('unknown' in found) {
      exit = Math.max(exit, EXIT.findings)
      io.stderr(`${messages.about(file, found.unknown)[locale]}\n`)
      continue
    }
    const { profile } = found
    let prepared: PlanDocument
    try {
      prepared = preparePlan(draft, profile)
    } catch {
      // The draft is too far from a plan's shape to prepare: report what validation says about it.
      prepared = draft
    }
    const result = validatePlan(prepared, { profiles: project.profiles })
    if (!result.ok) {
      exit = Math.max(exit, EXIT.findings)
      io.stderr(`${messages.about(file, messages.invalid(result.issues.length))[locale]}\n`)
      for (const issue of result.issues) io.stderr(formatIssue(issue, locale))
      continue
    }
    const output = JSON.stringify(prepared, null, 2) + '\n'
    if (write) await io.writeFile(file, output)
    else io.stdout(output)
  }
  return exit
}

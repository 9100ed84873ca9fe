import { type Locale, type PlanDocument, type Profile, validatePlan } from '@demarche/domain'
import type { Report } from '@demarche/rules'
import type { Io } from './io.js'
import { EXIT, messages } from './messages.js'
import type { Project } from './project.js'
import { spellCheckerFor } from './spelling.js'
import type { Silent, StatusLine } from './status.js'
import { formatIssue } from './validate-command.js'

export type SubmissionReport = { ok: true; plan: PlanDocument; profile: Profile; report: Report } | { ok: false; exit: number }

/**
 * A plan file's submission-stage report as the service makes it (French spelling included unless
 * `spelling` is off), which the reviewer's commands judge: its findings' fingerprints are the ones an
 * assessment names. An invalid plan is reported on standard error, each issue at its place (exit 1).
 */
export async function submissionReport(document: unknown, file: string, options: { project: Project; locale: Locale; spelling: boolean }, io: Io, status: StatusLine | Silent): Promise<SubmissionReport> {
  status.enter('validate')
  const validation = validatePlan(document, { profiles: options.project.profiles })
  if (!validation.ok) {
    status.end()
    io.stderr(`${messages.about(file, messages.invalidPlan())[options.locale]}\n`)
    for (const issue of validation.issues) io.stderr(formatIssue(issue, options.locale))
    return { ok: false, exit: EXIT.findings }
  }
  status.enter('evaluate')
  const { engine, ruleSet } = options.project
  const evaluateOptions = { stage: 'submission' as const, ...(ruleSet && { ruleSet }) }
  const spellChecker = options.spelling ? await spellCheckerFor(engine, validation.plan, evaluateOptions) : undefined
  const report = engine.evaluate(validation.plan, { ...evaluateOptions, ...(spellChecker && { spellChecker }) })
  return { ok: true, plan: validation.plan, profile: validation.profile, report }
}

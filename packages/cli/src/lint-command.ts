import type { Locale } from '@demarche/domain'
import {
  explain, type Explanation, FORMATS, formatReport, type Report, type ReportFormat, RuleSetError, type SpellChecker, type Stage,
} from '@demarche/rules'
import type { Io } from './io.js'
import { StatusLine } from './status.js'
import { EXIT, type Message, messages } from './messages.js'
import type { Project } from './project.js'
import { spellCheckerFor } from './spelling.js'
import { readJson } from './validate-command.js'

export interface LintOptions {
  files: readonly string[]
  ruleSet?: string
  project: Project
  stage: string
  format: string
  locale: Locale
  failOn: string
  explain: boolean
  /** Checks French spelling (the `spelling` rule); false skips loading the dictionary. */
  spelling?: boolean
}

const PROGRESS_FROM = 5

/**
 * `demarche lint`: evaluates plans and prints their reports. Exit code 0 when no finding reaches
 * `--fail-on` (error by default), 1 when one does or a file is not JSON, 2 on a usage or rule set error or
 * a file that cannot be read.
 */
export async function lintCommand(options: LintOptions, io: Io): Promise<number> {
  const { locale } = options
  if (!isStage(options.stage)) return usage(io, messages.badOption('--stage', ['draft', 'submission']), locale)
  if (!(FORMATS as readonly string[]).includes(options.format)) return usage(io, messages.badOption('--format', FORMATS), locale)
  if (options.failOn !== 'error' && options.failOn !== 'warning') return usage(io, messages.badOption('--fail-on', ['error', 'warning']), locale)
  if (options.files.length === 0) return usage(io, messages.noFileMatches(), locale)
  const { engine } = options.project
  if (options.ruleSet) {
    try {
      engine.resolve(options.ruleSet)
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error
      const colon = locale === 'fr' ? ' : ' : ': '
      io.stderr(error.problems.map((problem) => `${problem.ruleSet}${problem.subject ? ` › ${problem.subject}` : ''}${colon}${problem.message[locale]}\n`).join(''))
      return EXIT.failure
    }
  }
  // Loaded once, by the first file whose evaluation uses it (never with --no-spelling).
  let spellChecker: SpellChecker | undefined
  const results: Array<{ file: string; report: Report; source?: string; explanation?: Explanation }> = []
  let unreadable = 0
  let exit: number = EXIT.ok
  const progress = io.isTty && options.files.length >= PROGRESS_FROM
  for (const [index, file] of options.files.entries()) {
    if (progress) io.stderr(progressBar(index, options.files.length, file))
    const parsed = await readJson(file, io)
    if (!parsed.ok) {
      unreadable++
      exit = Math.max(exit, parsed.kind === 'io' ? EXIT.failure : EXIT.findings)
      io.stderr(`${progress ? '\r\u001b[2K' : ''}${parsed.message[locale]}\n`)
      continue
    }
    // One large plan takes seconds: without the bar of many files, a status line says what is going on.
    const status = progress ? undefined : StatusLine.for(io, file, parsed.source.length, locale)
    status?.enter('evaluate')
    const evaluateOptions = { ...(options.ruleSet && { ruleSet: options.ruleSet }), stage: options.stage }
    if (options.spelling !== false) spellChecker ??= await spellCheckerFor(engine, parsed.value, evaluateOptions)
    const report = engine.evaluate(parsed.value, { ...evaluateOptions, ...(spellChecker && { spellChecker }) })
    status?.end()
    // SARIF shows each finding at its line and column, read from the file's text; the other formats do not need the text kept.
    results.push({ file, report, ...(options.format === 'sarif' && { source: parsed.source }), ...(options.explain && { explanation: explain(report) }) })
  }
  if (progress) io.stderr('\r\u001b[2K')
  // Nothing was evaluated: a report of zero plans would read as a success.
  if (results.length === 0) return exit
  const format = options.format as ReportFormat
  if (format === 'json' && options.explain) {
    const entries = results.map(({ file, report, explanation }) => ({ file, ...report, explanation }))
    io.stdout(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2) + '\n')
  } else {
    io.stdout(formatReport(format, results, { locale, color: io.isTty }))
    if (options.explain) for (const result of results) io.stdout(explanationText(result.file, result.report, locale))
  }
  if (format !== 'stylish') io.stderr(summary(results, unreadable, locale))
  const failing = results.some(({ report }) => report.summary.errors > 0 || (options.failOn === 'warning' && report.summary.warnings > 0))
  return Math.max(exit, failing ? EXIT.findings : EXIT.ok)
}

function explanationText(file: string, report: Report, locale: Locale): string {
  const fr = locale === 'fr'
  const failing = report.findings.filter((finding) => finding.severity !== 'info')
  const errors = failing.filter((finding) => finding.severity === 'error').map((finding) => finding.id)
  const number = (value: number) => (fr ? String(value).replace('.', ',') : String(value))
  const explanation = explain(report)
  const lines = [`${file} — ${fr ? 'contribution des critères au score' : 'criteria contributions to the score'} (${number(report.score)} / 100)`]
  for (const criterion of explanation.criteria) {
    const label = report.criteria.find((entry) => entry.id === criterion.id)!.label[locale]
    lines.push(`  ${label.padEnd(40)} ${number(criterion.contribution).padStart(5)} / ${number(criterion.share).padEnd(5)} (${criterion.passed}/${criterion.applicable})`)
  }
  lines.push(
    fr
      ? `  Si les erreurs sont corrigées : ${number(explain(report, errors).scoreIfFixed)}; si erreurs et avertissements le sont : ${number(explain(report, failing.map((finding) => finding.id)).scoreIfFixed)}.`
      : `  With the errors fixed: ${number(explain(report, errors).scoreIfFixed)}; with errors and warnings fixed: ${number(explain(report, failing.map((finding) => finding.id)).scoreIfFixed)}.`,
  )
  return lines.join('\n') + '\n\n'
}

function summary(results: ReadonlyArray<{ report: Report }>, unreadable: number, locale: Locale): string {
  const count = (key: 'errors' | 'warnings' | 'infos') => results.reduce((sum, { report }) => sum + report.summary[key], 0)
  const text = locale === 'fr'
    ? `${results.length} plan(s) évalué(s) : ${count('errors')} erreur(s), ${count('warnings')} avertissement(s), ${count('infos')} information(s)${unreadable ? `; ${unreadable} fichier(s) illisible(s)` : ''}`
    : `${results.length} plan(s) evaluated: ${count('errors')} error(s), ${count('warnings')} warning(s), ${count('infos')} info(s)${unreadable ? `; ${unreadable} unreadable file(s)` : ''}`
  return text + '\n'
}

function progressBar(done: number, total: number, file: string): string {
  const width = 24
  const filled = Math.round((done / total) * width)
  return `\r\u001b[2K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${file.slice(-40)}`
}

function isStage(value: string): value is Stage {
  return value === 'draft' || value === 'submission'
}

function usage(io: Io, message: Message, locale: Locale): number {
  io.stderr(`${messages.about('demarche lint', message)[locale]}\n`)
  return EXIT.failure
}

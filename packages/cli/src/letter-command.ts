import { basename, extname } from 'node:path'
import { type Locale, placeOf } from '@demarche/domain'
import { AVIS_FORMATS, createContext, RenderError, renderers } from '@demarche/render'
import { loadAssessmentText } from '@demarche/rules'
import type { Io } from './io.js'
import { EXIT, type Message, messages } from './messages.js'
import type { Project } from './project.js'
import { StatusLine } from './status.js'
import { submissionReport } from './submission-report.js'
import { readJson } from './validate-command.js'

export interface LetterOptions {
  file: string | undefined
  assessment: string | undefined
  /** html, docx or pdf; by default the extension of `output`. */
  format: string | undefined
  locale: Locale
  project: Project
  output: string | undefined
  /** Evaluates with French spelling, as the service does, so that decisions on spelling findings are found. */
  spelling: boolean
}

type AvisFormat = (typeof AVIS_FORMATS)[number]
const isAvisFormat = (value: string): value is AvisFormat => (AVIS_FORMATS as readonly string[]).includes(value)

/**
 * `demarche letter --assessment a.json plan.json [--format html|docx|pdf] -o avis.docx`: the letter (avis) a
 * reviewer sends the chantier, made without the service from an assessment file (`demarche schema assessment`)
 * and the plan it judges. The assessment is checked against the plan's submission-stage report — criteria of
 * the grid, fingerprints of its findings, places of the plan — each problem located in the file. Exit 0 when
 * written, 1 when the plan or the assessment is not valid (or not JSON), 2 on bad usage or a file that
 * cannot be read or written.
 */
export async function letterCommand(options: LetterOptions, io: Io): Promise<number> {
  const { locale } = options
  if (options.file === undefined) return usage(io, messages.letterUsage(), locale)
  if (options.assessment === undefined) return usage(io, messages.letterNeedsAssessment(), locale)
  if (!options.output) return usage(io, messages.outputRequired(`${basename(options.file).replace(/(\.plan)?\.json$/, '')}.avis.docx`), locale)
  const format = options.format ?? extname(options.output).slice(1).toLowerCase()
  if (!isAvisFormat(format)) return usage(io, messages.badOption('--format', AVIS_FORMATS), locale)

  const parsed = await readJson(options.file, io)
  if (!parsed.ok) return failed(io, parsed.message, locale, parsed.kind === 'io' ? EXIT.failure : EXIT.findings)
  let assessmentText: string
  try {
    assessmentText = await io.readFile(options.assessment)
  } catch (error) {
    return failed(io, messages.cannotRead(options.assessment, (error as NodeJS.ErrnoException).code), locale, EXIT.failure)
  }
  const status = StatusLine.for(io, options.file, parsed.source.length, locale)
  const evaluated = await submissionReport(parsed.value, options.file, options, io, status)
  if (!evaluated.ok) return evaluated.exit
  const { plan, profile, report } = evaluated
  const loaded = loadAssessmentText(assessmentText, options.assessment, plan, report)
  if (!loaded.ok) {
    status.end()
    io.stderr(`${messages.about(options.assessment, messages.invalidAssessment(loaded.issues.length))[locale]}\n`)
    for (const issue of loaded.issues) io.stderr(`  ${placeOf(issue)}  ${issue.message[locale]}  [${issue.code}]\n`)
    return EXIT.findings
  }
  const { $schema: _schema, author, version, assessedAt, ...assessment } = loaded.assessment
  // The letter is dated by the assessment; without a date, it is made today.
  const date = assessedAt ?? new Date().toISOString().slice(0, 10)
  const input = { plan, report, assessment, version: version ?? 1, author, assessedAt: date }
  status.enter(`render-${format}`)
  let output: string | Uint8Array
  try {
    const context = createContext(plan, { locale: locale === 'en' ? 'en-CA' : 'fr-CA', profile, clock: () => new Date(date) })
    output = await renderers[format].renderAvis!(input, context)
  } catch (error) {
    status.end()
    // What the person running the command can fix (CHROMIUM_PATH leading nowhere, say) is a usage failure.
    if (error instanceof RenderError) return usage(io, { fr: error.text.fr, en: error.text.en }, locale)
    throw error
  }
  status.enter('write')
  try {
    if (typeof output === 'string') {
      if (options.output === '-') io.stdout(output)
      else await io.writeFile(options.output, output)
    } else await io.writeBytes(options.output, output)
  } finally {
    status.end()
  }
  return EXIT.ok
}

function failed(io: Io, message: Message, locale: Locale, exit: number): number {
  io.stderr(`${message[locale]}\n`)
  return exit
}

function usage(io: Io, message: Message, locale: Locale): number {
  io.stderr(`${messages.about('demarche letter', message)[locale]}\n`)
  return EXIT.failure
}

import { basename, extname } from 'node:path'
import type { Locale } from '@demarche/domain'
import { type DraftFinding, draftAssessment, type Report } from '@demarche/rules'
import { Document, isMap, isSeq } from 'yaml'
import type { Io } from './io.js'
import { EXIT, type Message, messages } from './messages.js'
import type { Project } from './project.js'
import { StatusLine } from './status.js'
import { submissionReport } from './submission-report.js'
import { readJson } from './validate-command.js'

export interface AssessOptions {
  file: string | undefined
  author: string | undefined
  locale: Locale
  project: Project
  /** The assessment file to create (YAML, or JSON for a .json name); "-" for standard output. */
  output: string | undefined
  /** Evaluates with French spelling, as `demarche letter` and the service do, so that fingerprints match. */
  spelling: boolean
}

/**
 * `demarche assess plan.json --author "…" -o evaluation.yaml`: the reviewer's assessment file, drafted from
 * the plan's submission-stage report for the reviewer to correct — the grid with the statuses the engine
 * suggests, every error and warning confirmed under its fingerprint, with its place and message beside it
 * (YAML comments), and the information findings listed for the reviewer to add. `demarche letter` writes the
 * letter from it. An existing file is never replaced: it may hold a reviewer's work. Exit 0 when written,
 * 1 when the plan is not valid (or not JSON), 2 on bad usage or a file that cannot be read or written.
 */
export async function assessCommand(options: AssessOptions, io: Io): Promise<number> {
  const { locale } = options
  if (options.file === undefined) return usage(io, messages.assessUsage(), locale)
  if (!options.author?.trim()) return usage(io, messages.assessNeedsAuthor(), locale)
  if (!options.output) return usage(io, messages.outputRequired(`${basename(options.file).replace(/(\.plan)?\.json$/, '')}.evaluation.yaml`), locale)

  const parsed = await readJson(options.file, io)
  if (!parsed.ok) {
    io.stderr(`${parsed.message[locale]}\n`)
    return parsed.kind === 'io' ? EXIT.failure : EXIT.findings
  }
  const status = StatusLine.for(io, options.file, parsed.source.length, locale)
  const evaluated = await submissionReport(parsed.value, options.file, options, io, status)
  status.end()
  if (!evaluated.ok) return evaluated.exit
  const { plan, report } = evaluated
  const asJson = extname(options.output).toLowerCase() === '.json'
  const text = assessmentText(plan, report, { author: options.author.trim(), file: options.file, output: options.output, locale, asJson })
  if (options.output === '-') io.stdout(text)
  else await io.createFile(options.output, text)
  return EXIT.ok
}

interface TextOptions {
  author: string
  file: string
  output: string
  locale: Locale
  asJson: boolean
}

/** The draft as the file the reviewer edits: JSON as is, or YAML with each finding's place and message beside its decision. */
function assessmentText(plan: { metadata: { title: string }; axes?: Array<{ objectives: unknown[] }>; objectives?: unknown[] }, report: Report, { author, file, output, locale, asJson }: TextOptions): string {
  const draft = draftAssessment(plan, report)
  const today = new Date().toISOString().slice(0, 10)
  const value = { author, assessedAt: today, ...draft.content }
  if (asJson) return `${JSON.stringify(value, null, 2)}\n`
  const document = new Document(value)
  const words = WORDS[locale]
  const letterFile = output === '-' ? words.assessmentFile : output
  document.commentBefore = [
    ` ${words.title(plan.metadata.title)}`,
    ` ${words.drafted}`,
    ` ${words.decide}`,
    ` ${words.requests(examplePointer(plan))}`,
    ` ${words.letter(letterFile, file)}`,
  ].join('\n')
  const criteria = document.get('criteria', true)
  if (isSeq(criteria))
    criteria.items.forEach((item, index) => {
      const result = report.criteria[index]
      if (isMap(item) && result) item.commentBefore = ` ${result.label[locale]} — ${words.engine(result.passed, result.applicable)}`
    })
  const findings = document.get('findings', true)
  if (isSeq(findings)) {
    findings.items.forEach((item, index) => {
      const found = draft.confirmed[index]
      if (isMap(item) && found) item.commentBefore = described(found, locale)
    })
    if (draft.informational.length > 0)
      findings.comment = [` ${words.informational}`, ...draft.informational.map((each) => `${described(each, locale)}\n - fingerprint: ${each.fingerprint}\n   decision: confirm`)].join('\n')
  }
  return document.toString({ lineWidth: 0 })
}

/**
 * A pointer the reviewer's request could name, in the plan's own shape: its first objective, under its first
 * axis or, in a form without an axis level, the plan's (`/objectives/0`).
 */
function examplePointer(plan: { axes?: Array<{ objectives: unknown[] }>; objectives?: unknown[] }): string {
  if ((plan.objectives?.length ?? 0) > 0 || (plan.axes ?? []).length === 0) return '/objectives/0'
  return '/axes/0/objectives/0'
}

/** The findings of a fingerprint as its comment: place, severity and message, in the reviewer's language. */
function described({ findings }: DraftFinding, locale: Locale): string {
  return findings.map((finding) => ` ${finding.label[locale]} · ${WORDS[locale].severity[finding.severity]} · ${finding.message[locale]}`).join('\n')
}

const WORDS = {
  fr: {
    title: (title: string) => `Évaluation du plan « ${title} » par l’analyste, à revoir avant d’écrire l’avis.`,
    drafted: 'Les statuts des critères et la recommandation (accept, return, refuse) sont ceux que suggère le moteur : corrigez-les, notez (note) ce qui le demande et écrivez les motifs (reasons).',
    decide: 'Chaque erreur et avertissement est confirmé (l’avis le demande) : écrivez decision: dismiss et une raison (reason) pour l’écarter.',
    requests: (pointer: string) => `Vos propres demandes : requests: [{ id: r1, pointer: ${pointer}, text: … }].`,
    letter: (assessment: string, plan: string) => `Puis : demarche letter --assessment ${assessment} ${plan} -o avis.docx`,
    assessmentFile: 'evaluation.yaml',
    engine: (passed: number, applicable: number) => (applicable === 0 ? 'moteur : aucun élément examiné' : `moteur : ${passed} sur ${applicable} ${applicable > 1 ? 'éléments' : 'élément'} sans constat`),
    informational: 'Constats d’information, non demandés : pour en demander un, retirez « # » et l’espace qui le suit au début de ses deux lignes.',
    severity: { error: 'erreur', warning: 'avertissement', info: 'information' },
  },
  en: {
    title: (title: string) => `The reviewer's assessment of the plan "${title}", to review before writing the letter.`,
    drafted: 'The criteria statuses and the recommendation (accept, return, refuse) are the ones the engine suggests: correct them, add notes (note) where needed and write the reasons.',
    decide: 'Every error and warning is confirmed (the letter requests it): write decision: dismiss and a reason to set one aside.',
    requests: (pointer: string) => `Your own requests: requests: [{ id: r1, pointer: ${pointer}, text: … }].`,
    letter: (assessment: string, plan: string) => `Then: demarche letter --assessment ${assessment} ${plan} -o letter.docx`,
    assessmentFile: 'assessment.yaml',
    engine: (passed: number, applicable: number) => (applicable === 0 ? 'engine: no element examined' : `engine: ${passed} of ${applicable} ${applicable > 1 ? 'elements' : 'element'} without findings`),
    informational: 'Information findings, not requested: to request one, remove "# " (the hash and the space after it) at the start of its two lines.',
    severity: { error: 'error', warning: 'warning', info: 'information' },
  },
} as const

function usage(io: Io, message: Message, locale: Locale): number {
  io.stderr(`${messages.about('demarche assess', message)[locale]}\n`)
  return EXIT.failure
}

import { placeNames, type PlanDocument } from '@demarche/domain'
import { type AssessmentContent, comparePointers, fingerprinter, RECOMMENDATION_WORDS, type Report, REVIEWER_STATUS_WORDS } from '@demarche/rules'
import type { RenderContext } from '../context.js'
import { formatDate, typeset } from '../typography.js'
import { wordsOf } from '../words.js'

/** What a letter (avis) is made from: the assessed version of the plan, its engine report, the assessment. */
export interface AvisInput {
  plan: PlanDocument
  /** The engine's report on that version: the wording of the findings the reviewer confirmed. */
  report: Report
  assessment: AssessmentContent
  /** The version assessed, who assessed it and when (ISO 8601). */
  version: number
  author: string
  assessedAt: string
}

/** One element of the plan and what is asked about it, in the order of the form. */
export interface AvisElementView {
  place: string
  pointer: string
  requests: string[]
}

export interface AvisView {
  lang: 'fr-CA' | 'en-CA'
  french: boolean
  title: string
  organisation: string
  facts: Array<{ label: string; value: string }>
  recommendationHeading: string
  recommendation: string
  reasons: string
  requestsHeading: string
  requestsIntro: string
  elements: AvisElementView[]
  noRequests: string
  gridHeading: string
  gridHeadings: [criterion: string, engine: string, reviewer: string, note: string]
  grid: Array<[criterion: string, engine: string, reviewer: string, note: string]>
  produced: string
}

const WORDS = {
  fr: {
    title: 'Avis sur le plan de travail',
    plan: 'Plan',
    chantier: 'Chantier',
    version: 'Version analysée',
    reviewer: 'Analyse par',
    date: 'Date de l’avis',
    recommendation: 'Recommandation',
    requests: 'Demandes, par élément du plan',
    requestsIntro: 'Pour chaque élément nommé comme dans le formulaire, ce que le chantier est invité à préciser ou à corriger.',
    noRequests: 'Aucune demande.',
    grid: 'Grille d’analyse',
    gridHeadings: ['Critère', 'Vérification automatique', 'Avis de l’analyste', 'Note'] as [string, string, string, string],
    produced: 'Avis produit le',
  },
  en: {
    title: 'Assessment of the work plan',
    plan: 'Plan',
    chantier: 'Chantier',
    version: 'Version assessed',
    reviewer: 'Assessed by',
    date: 'Date of the assessment',
    recommendation: 'Recommendation',
    requests: 'Requests, by element of the plan',
    requestsIntro: 'For each element, named as in the form, what the chantier is asked to clarify or correct.',
    noRequests: 'No requests.',
    grid: 'Assessment grid',
    gridHeadings: ['Criterion', 'Automatic check', 'Reviewer’s opinion', 'Note'] as [string, string, string, string],
    produced: 'Assessment produced on',
  },
} as const

/**
 * The letter's content, shared by every format: the recommendation and its reasons, then what is requested
 * per element — the reviewer's requests and the engine findings it confirmed — named in the profile's words
 * and in the order of the form, then the grid with the engine's and the reviewer's status side by side.
 */
export function avisView(input: AvisInput, context: RenderContext): AvisView {
  const words = wordsOf(context)
  const { lang } = words
  const french = lang === 'fr'
  const w = WORDS[lang]
  const t = (text: string) => typeset(text, french, context.typography)
  const names = placeNames(input.plan, context.profile)
  const { assessment, report } = input

  const requested = new Map<string, string[]>()
  const ask = (pointer: string, text: string) => {
    const list = requested.get(pointer)
    if (list) list.push(t(text))
    else requested.set(pointer, [t(text)])
  }
  const confirmed = new Set(assessment.findings.filter((decision) => decision.decision === 'confirm').map((decision) => decision.fingerprint))
  const fingerprintOf = fingerprinter(input.plan)
  for (const finding of report.findings) if (confirmed.has(fingerprintOf(finding))) ask(finding.pointer, finding.message[lang])
  for (const request of assessment.requests) ask(request.pointer, request.text)
  const elements = [...requested.keys()].sort(comparePointers).map((pointer) => ({ pointer, place: t(names.labelOf(pointer)[lang]), requests: requested.get(pointer)! }))

  const judged = new Map(assessment.criteria.map((entry) => [entry.criterion, entry]))
  const grid = report.criteria.map((criterion): [string, string, string, string] => {
    const entry = judged.get(criterion.id)
    return [t(criterion.label[lang]), words.report.status[criterion.status], entry ? REVIEWER_STATUS_WORDS[entry.status][lang] : '—', entry?.note ? t(entry.note) : '']
  })

  const assessedOn = formatDate(input.assessedAt.slice(0, 10), french)
  return {
    lang: context.locale,
    french,
    title: w.title,
    organisation: input.plan.metadata.programme?.reviewingBody ?? context.theme.organisation ?? '',
    facts: [
      { label: w.plan, value: t(input.plan.metadata.title) },
      ...(input.plan.metadata.chantier?.name ? [{ label: w.chantier, value: t(input.plan.metadata.chantier.name) }] : []),
      { label: w.version, value: String(input.version) },
      { label: w.reviewer, value: input.author },
      { label: w.date, value: assessedOn },
    ],
    recommendationHeading: w.recommendation,
    recommendation: RECOMMENDATION_WORDS[assessment.recommendation][lang],
    reasons: t(assessment.reasons),
    requestsHeading: w.requests,
    requestsIntro: w.requestsIntro,
    elements,
    noRequests: w.noRequests,
    gridHeading: w.grid,
    gridHeadings: w.gridHeadings,
    grid,
    produced: `${w.produced} ${formatDate(context.clock(), french)}`,
  }
}

import { placeNames, type PlanDocument, planTerms } from '@demarche/domain'
import {
  type AssessmentContent, comparePointers, fingerprinter, type LetterFollowUp, RECOMMENDATION_WORDS, type Report, REQUEST_OUTCOME_WORDS, REVIEWER_STATUS_WORDS,
} from '@demarche/rules'
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
  /** After a resubmission: what became of each thing the previous letter asked (`letterFollowUp`). */
  followUp?: LetterFollowUp
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
  /** The previous letter's requests, each with its outcome in this version; absent on a first letter. */
  followUp?: AvisFollowUpView
  requestsHeading: string
  requestsIntro: string
  elements: AvisElementView[]
  noRequests: string
  gridHeading: string
  gridHeadings: [criterion: string, engine: string, reviewer: string, note: string]
  grid: Array<[criterion: string, engine: string, reviewer: string, note: string]>
  produced: string
}

/** The previous letter's requests as a table: the element, what was asked, what became of it. */
export interface AvisFollowUpView {
  heading: string
  intro: string
  headings: [place: string, request: string, outcome: string]
  rows: Array<[place: string, request: string, outcome: string]>
}

const WORDS = {
  fr: {
    title: 'Avis sur le plan de travail',
    plan: 'Plan',
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
    followUp: 'Suivi des demandes de l’avis précédent',
    followUpIntro: (date: string, version: number, now: number) => `Ce que devient, dans la version ${now}, chaque demande de l’avis du ${date} sur la version ${version}.`,
    followUpHeadings: ['Élément', 'Demande de l’avis précédent', 'Suivi'] as [string, string, string],
  },
  en: {
    title: 'Assessment of the work plan',
    plan: 'Plan',
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
    followUp: 'Follow-up of the previous assessment’s requests',
    followUpIntro: (date: string, version: number, now: number) => `What became, in version ${now}, of each request of the assessment of ${date} on version ${version}.`,
    followUpHeadings: ['Element', 'Request of the previous assessment', 'Follow-up'] as [string, string, string],
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
  const previous = input.followUp
  const followUp: AvisFollowUpView | undefined = previous && {
    heading: w.followUp,
    intro: t(w.followUpIntro(formatDate(previous.assessedAt.slice(0, 10), french), previous.version, input.version)),
    headings: w.followUpHeadings,
    rows: previous.items.map((item) => [t(item.label[lang]), t(typeof item.text === 'string' ? item.text : item.text[lang]), REQUEST_OUTCOME_WORDS[item.outcome][lang]]),
  }
  return {
    lang: context.locale,
    french,
    title: w.title,
    organisation: input.plan.metadata.programme?.reviewingBody ?? context.theme.organisation ?? '',
    facts: [
      { label: w.plan, value: t(input.plan.metadata.title) },
      ...(input.plan.metadata.chantier?.name ? [{ label: planTerms(context.profile, lang).group, value: t(input.plan.metadata.chantier.name) }] : []),
      { label: w.version, value: String(input.version) },
      { label: w.reviewer, value: input.author },
      { label: w.date, value: assessedOn },
    ],
    recommendationHeading: w.recommendation,
    recommendation: RECOMMENDATION_WORDS[assessment.recommendation][lang],
    reasons: t(assessment.reasons),
    ...(followUp && { followUp }),
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

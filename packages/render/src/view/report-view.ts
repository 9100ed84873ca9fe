import type { PlanDocument } from '@demarche/domain'
import type { Finding, Report } from '@demarche/rules'
import type { RenderContext } from '../context.js'
import { formatDate, typeset } from '../typography.js'
import { type RenderWords, wordsOf } from '../words.js'
import { planView } from './plan-view.js'

export interface ReportInput {
  report: Report
  /** The plan the report is about: its places become links into the rendered plan. */
  plan?: PlanDocument
  /**
   * Where the rendered plan is ("plan.html"), or '' when the plan is on the same page. Without it places
   * are not links: a standalone report has none of the plan's anchors.
   */
  planHref?: string
}

export interface ReportView {
  lang: 'fr-CA' | 'en-CA'
  french: boolean
  title: string
  facts: Array<{ label: string; value: string }>
  score: string
  summary: string
  criteriaHeadings: string[]
  criteria: Array<{ label: string; status: string; statusKey: string; applicable: number; passed: number; weight: string; points: string }>
  groups: Array<{ label: string; findings: FindingView[] }>
  noFindings: string
  /** Out of the reading line: the plan's fingerprint, and each finding's rule and JSON Pointer. */
  appendix: { heading: string; facts: Array<{ label: string; value: string }>; columns: readonly [string, string, string]; rows: Array<[string, string, string]> }
  produced: string
}

export interface FindingView {
  severity: 'error' | 'warning' | 'info'
  severityLabel: string
  place: string
  message: string
  suggestion?: string
  href?: string
  pointer: string
  rule: string
}

export function reportView(input: ReportInput, context: RenderContext): ReportView {
  const { report } = input
  const words = wordsOf(context)
  const { lang, number } = words
  const french = lang === 'fr'
  const t = (text: string) => typeset(text, french, context.typography)
  const planTitle = input.plan?.metadata.title ?? report.plan.id ?? ''
  const omitted = input.plan ? omittedSections(input.plan, context) : new Set<string>()
  return {
    lang: context.locale,
    french,
    title: t(`${words.report.title} — ${planTitle}`),
    facts: [
      { label: words.report.ruleSet, value: `${report.ruleSet.id}@${report.ruleSet.version}` },
      { label: words.report.profile, value: report.profile ? `${report.profile.id}@${report.profile.version}` : '—' },
      { label: words.report.stage, value: words.report.stages[report.stage] },
    ],
    score: `${words.report.score}${words.colon}${number(report.score)} / 100`,
    summary: words.report.summary(report.summary),
    criteriaHeadings: [...words.report.criteriaHeadings],
    criteria: report.criteria.map((criterion) => ({
      label: t(criterion.label[lang]),
      status: words.report.status[criterion.status],
      statusKey: criterion.status,
      applicable: criterion.applicable,
      passed: criterion.passed,
      weight: number(criterion.weight),
      points: `${number(criterion.contribution)} / ${number(criterion.share)}`,
    })),
    groups: report.criteria
      .map((criterion) => ({
        label: t(criterion.label[lang]),
        findings: report.findings.filter((finding) => finding.criterion === criterion.id).map((finding) => findingView(finding, input, words, t, omitted)),
      }))
      .filter((group) => group.findings.length > 0),
    noFindings: words.report.noFindings,
    appendix: {
      heading: words.report.appendix,
      facts: [{ label: words.report.hash, value: report.plan.hash }],
      columns: words.report.appendixColumns,
      rows: report.criteria.flatMap((criterion) =>
        report.findings.filter((finding) => finding.criterion === criterion.id).map((finding): [string, string, string] => [t(finding.label[lang]), finding.ruleId, finding.expected ?? finding.pointer ?? '/']),
      ),
    },
    produced: `${words.report.produced} ${formatDate(context.clock(), french)}`,
  }
}

function findingView(finding: Finding, input: ReportInput, words: RenderWords, t: (text: string) => string, omitted: ReadonlySet<string>): FindingView {
  const found = input.plan ? anchorOf(input.plan, finding.expected ?? finding.pointer) : undefined
  // A section the plan page leaves out (optional and unanswered) has no anchor to go to.
  const anchor = found !== undefined && !omitted.has(found) ? found : undefined
  const view: FindingView = {
    severity: finding.severity,
    severityLabel: words.report.severity[finding.severity],
    place: t(finding.label[words.lang]),
    message: t(finding.message[words.lang]),
    pointer: finding.expected ?? finding.pointer,
    rule: finding.ruleId,
  }
  if (finding.suggestion) view.suggestion = t(finding.suggestion[words.lang])
  if (anchor && input.planHref !== undefined) view.href = `${input.planHref}#${anchor}`
  return view
}

/** The ids of the form sections that the plan page leaves out. */
function omittedSections(plan: PlanDocument, context: RenderContext): Set<string> {
  const shown = new Set(planView(plan, context).sections.map((section) => section.id))
  return new Set(['participants', 'preparation', 'suivi', 'complementarite', 'priorites-transversales', 'priorite'].filter((id) => !shown.has(id)))
}

/** The id of the rendered element nearest to a place of the plan: the row, objective, axis, step or section. */
export function anchorOf(plan: PlanDocument, pointer: string): string | undefined {
  const [top, a, b, c, , e] = pointer.split('/').slice(1)
  const index = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined)
  switch (top) {
    case 'participants':
      return 'participants'
    case 'preparation':
      return (index(b) !== undefined ? (plan.preparation?.steps ?? [])[index(b)!]?.id : undefined) ?? 'preparation'
    case 'followUp':
      return (index(a) !== undefined ? (plan.followUp ?? [])[index(a)!]?.id : undefined) ?? 'suivi'
    case 'complementarity':
      return (index(b) !== undefined ? (plan.complementarity?.points ?? [])[index(b)!]?.id : undefined) ?? 'complementarite'
    case 'priorityResponses':
      return 'priorites-transversales'
    case 'regionalPriority':
      return 'priorite'
    case 'axes': {
      const axis = index(a) !== undefined ? plan.axes[index(a)!] : undefined
      const objective = axis && index(c) !== undefined ? axis.objectives[index(c)!] : undefined
      const row = objective && index(e) !== undefined ? objective.rows[index(e)!] : undefined
      return row?.id ?? objective?.id ?? axis?.id
    }
    case 'objectives': {
      // A plan without an axis level: "/objectives/o/rows/r".
      const objective = index(a) !== undefined ? plan.objectives?.[index(a)!] : undefined
      const row = objective && index(c) !== undefined ? objective.rows[index(c)!] : undefined
      return row?.id ?? objective?.id ?? 'objectifs'
    }
    case 'notes':
      return 'notes'
    default:
      return undefined
  }
}

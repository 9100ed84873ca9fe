import type { Finding, Report } from '../engine/report.js'
import type { FormatOptions } from './options.js'
import { colon, formatScore, REPORT_WORDS, SEVERITY_WORDS, STAGE_WORDS, STATUS_WORDS, summaryLine } from './words.js'

/** What a renderer adds to the Markdown report: its own title, typography, links into the plan, a date. */
export interface MarkdownReportOptions extends FormatOptions {
  /** What the report is about, after "Evaluation report — " (default: the file, else the plan's id). */
  subject?: string
  /** Applied to every text taken from the report (labels, messages, suggestions), e.g. French typography. */
  typeset?: (text: string) => string
  /** Where a finding's place links to, if anywhere. */
  href?: (finding: Finding) => string | undefined
  /** A line in italics under the facts ("Report produced on …"). */
  produced?: string
}

/**
 * The one Markdown evaluation report (GitHub-flavoured): the score, each criterion's status in words,
 * findings grouped by criterion, then a technical appendix (the plan's fingerprint, each finding's rule and
 * JSON Pointer) so the reading lines hold only what a reviewer reads. `demarche lint --format markdown` and
 * the render package both print it.
 */
export function formatMarkdown(report: Report, options: MarkdownReportOptions = {}): string {
  const locale = options.locale ?? 'fr'
  const words = REPORT_WORDS[locale]
  const t = options.typeset ?? ((text: string) => text)
  const out: string[] = []
  const subject = options.subject ?? options.file ?? report.plan.id ?? 'plan'
  out.push(`# ${words.title} — ${escapeInline(subject)}`, '')
  const c = colon(locale)
  const profile = report.profile ? `${report.profile.id}@${report.profile.version}` : '—'
  out.push(
    [
      `${words.ruleSet}${c}\`${report.ruleSet.id}@${report.ruleSet.version}\``,
      `${words.profile}${c}\`${profile}\``,
      `${words.stage}${c}${STAGE_WORDS[locale][report.stage]}`,
    ].join(' · '),
    '',
  )
  if (options.produced) out.push(`*${escapeInline(options.produced)}*`, '')
  out.push(`**${words.score}${c}${formatScore(report.score, locale)} / 100** — ${summaryLine(report.summary, locale)}`, '')
  out.push(`| ${words.criteriaHeadings.join(' | ')} |`)
  out.push('|---|---|---:|---:|---:|---:|')
  for (const criterion of report.criteria)
    out.push(
      `| ${cell(t(criterion.label[locale]))} | ${STATUS_WORDS[locale][criterion.status]} | ${criterion.applicable} | ${criterion.passed} | ${formatScore(criterion.weight, locale)} | ${formatScore(criterion.contribution, locale)} / ${formatScore(criterion.share, locale)} |`,
    )
  out.push('')
  const grouped = report.criteria
    .map((criterion) => ({ criterion, findings: report.findings.filter((finding) => finding.criterion === criterion.id) }))
    .filter(({ findings }) => findings.length > 0)
  if (grouped.length === 0) out.push(words.noFindings, '')
  else {
    out.push(`## ${words.findings}`, '')
    for (const { criterion, findings } of grouped) {
      out.push(`### ${escapeInline(t(criterion.label[locale]))}`, '', `*${summaryLine(countBySeverity(findings), locale)}*`, '')
      for (const finding of findings) out.push(findingLine(finding, locale, t, options.href?.(finding)))
      out.push('')
    }
  }
  out.push(`## ${words.appendix}`, '', `${words.hash}${c}\`${report.plan.hash}\``, '')
  if (grouped.length > 0) {
    out.push(`| ${words.appendixColumns.join(' | ')} |`, '|---|---|---|')
    for (const { findings } of grouped)
      for (const finding of findings) out.push(`| ${cell(t(finding.label[locale]))} | ${code(finding.ruleId)} | ${code(finding.expected ?? finding.pointer ?? '') || code('/')} |`)
    out.push('')
  }
  return out.join('\n')
}

function findingLine(finding: Finding, locale: 'fr' | 'en', t: (text: string) => string, href: string | undefined): string {
  const severity = SEVERITY_WORDS[locale][finding.severity]
  const c = colon(locale)
  const label = escapeInline(t(finding.label[locale]))
  const place = href ? `[${label}](${href.replace(/[()\s]/g, encodeURIComponent)})` : label
  const suggestion = finding.suggestion ? ` *${REPORT_WORDS[locale].suggestion}${c}${escapeInline(t(finding.suggestion[locale]))}*` : ''
  return `- **${capitalise(severity)}** — ${place}${c}${escapeInline(t(finding.message[locale]))}${suggestion}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Keeps a finding's text literal in Markdown (no accidental emphasis, links or HTML). */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n/g, ' ')
}

/** Literal text in a table cell: code spans take no escapes, but GitHub's tables still split on a bare pipe. */
function code(text: string): string {
  return text ? `\`${text.replace(/\|/g, '\\|')}\`` : ''
}

function cell(text: string): string {
  return escapeInline(text)
}

function countBySeverity(findings: readonly Finding[]) {
  const counts = { errors: 0, warnings: 0, infos: 0 }
  for (const { severity } of findings) counts[severity === 'error' ? 'errors' : severity === 'warning' ? 'warnings' : 'infos']++
  return counts
}

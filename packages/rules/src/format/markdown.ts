import type { Finding, Report } from '../engine/report.js'
import type { FormatOptions } from './index.js'
import { colon, formatScore, SEVERITY_WORDS, STAGE_WORDS, STATUS_WORDS, summaryLine } from './words.js'

/** GitHub-flavoured Markdown: the score, each criterion's status in words, findings grouped by criterion. */
export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'fr'
  const fr = locale === 'fr'
  const out: string[] = []
  const title = options.file ?? report.plan.id ?? 'plan'
  out.push(`# ${fr ? 'Rapport d’évaluation' : 'Evaluation report'} — ${escapeInline(title)}`, '')
  const c = colon(locale)
  const profile = report.profile ? `${report.profile.id}@${report.profile.version}` : '—'
  out.push(
    [
      `${fr ? 'Jeu de règles' : 'Rule set'}${c}\`${report.ruleSet.id}@${report.ruleSet.version}\``,
      `${fr ? 'Profil' : 'Profile'}${c}\`${profile}\``,
      `${fr ? 'Étape' : 'Stage'}${c}${STAGE_WORDS[locale][report.stage]}`,
      `${fr ? 'Empreinte' : 'Hash'}${c}\`${report.plan.hash}\``,
    ].join(' · '),
    '',
  )
  out.push(`**${fr ? 'Score de complétude' : 'Completeness score'}${c}${formatScore(report.score, locale)} / 100** — ${summaryLine(report.summary, locale)}`, '')
  out.push(fr ? '| Critère | Statut | Vérifiés | Conformes | Poids | Points |' : '| Criterion | Status | Checked | Passed | Weight | Points |')
  out.push('|---|---|---:|---:|---:|---:|')
  for (const criterion of report.criteria)
    out.push(
      `| ${cell(criterion.label[locale])} | ${STATUS_WORDS[locale][criterion.status]} | ${criterion.applicable} | ${criterion.passed} | ${formatScore(criterion.weight, locale)} | ${formatScore(criterion.contribution, locale)} / ${formatScore(criterion.share, locale)} |`,
    )
  out.push('')
  if (report.findings.length === 0) {
    out.push(fr ? 'Aucun constat.' : 'No findings.', '')
    return out.join('\n')
  }
  out.push(`## ${fr ? 'Constats' : 'Findings'}`, '')
  for (const criterion of report.criteria) {
    const findings = report.findings.filter((finding) => finding.criterion === criterion.id)
    if (findings.length === 0) continue
    out.push(`### ${escapeInline(criterion.label[locale])}`, '')
    for (const finding of findings) out.push(findingLine(finding, locale))
    out.push('')
  }
  return out.join('\n')
}

function findingLine(finding: Finding, locale: 'fr' | 'en'): string {
  const severity = SEVERITY_WORDS[locale][finding.severity]
  const where = finding.expected ?? finding.pointer
  const c = colon(locale)
  const suggestion = finding.suggestion ? ` *Suggestion${c}${escapeInline(finding.suggestion[locale])}*` : ''
  return `- **${capitalise(severity)}** — ${escapeInline(finding.label[locale])}${c}${escapeInline(finding.message[locale])}${suggestion} \`${where || '/'}\` (${finding.ruleId})`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Keeps a finding's text literal in Markdown (no accidental emphasis, links or HTML). */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\n/g, ' ')
}

function cell(text: string): string {
  return escapeInline(text)
}

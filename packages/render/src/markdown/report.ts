import type { RenderContext } from '../context.js'
import { type ReportInput, reportView } from '../view/report-view.js'

/** An evaluation report in GitHub-flavoured Markdown, with links into the rendered plan when it is given. */
export function reportMarkdown(input: ReportInput, context: RenderContext): string {
  const view = reportView(input, context)
  const colon = view.french ? '\u00a0: ' : ': '
  const out = [`# ${esc(view.title)}`, '']
  for (const fact of view.facts) out.push(`**${esc(fact.label)}**${colon}\`${fact.value}\`  `)
  out.push('', `*${esc(view.produced)}*`, '', `## ${esc(view.score)}`, '', esc(view.summary), '')
  out.push(`| ${view.criteriaHeadings.join(' | ')} |`, '|---|---|---:|---:|---:|---:|')
  for (const c of view.criteria) out.push(`| ${cell(c.label)} | ${c.status} | ${c.applicable} | ${c.passed} | ${c.weight} | ${c.points} |`)
  out.push('', `## ${view.french ? 'Constats' : 'Findings'}`, '')
  if (view.groups.length === 0) out.push(view.noFindings, '')
  for (const group of view.groups) {
    out.push(`### ${esc(group.label)}`, '')
    for (const finding of group.findings) {
      const place = finding.href ? `[${esc(finding.place)}](${finding.href})` : esc(finding.place)
      const suggestion = finding.suggestion ? ` *${esc(finding.suggestion)}*` : ''
      out.push(`- **${finding.severityLabel}** — ${place}${colon}${esc(finding.message)}${suggestion} \`${finding.pointer || '/'}\` (${finding.rule})`)
    }
    out.push('')
  }
  return out.join('\n').trimEnd() + '\n'
}

function esc(value: string): string {
  return value.replace(/([\\`*_[\]<>])/g, '\\$1')
}

function cell(value: string): string {
  return esc(value).replace(/\|/g, '\\|')
}

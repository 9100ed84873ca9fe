import type { RenderContext } from '../context.js'
import { type ReportInput, reportView } from '../view/report-view.js'
import { escapeHtml, inlineHtml } from './escape.js'
import { page } from './plan.js'
import { stylesheet } from './styles.js'
import { wordsOf } from '../words.js'

/** An evaluation report as an accessible page: statuses and severities in words, places linked to the plan. */
export function reportHtml(input: ReportInput, context: RenderContext, options: { standalone?: boolean } = {}): string {
  const view = reportView(input, context)
  const words = wordsOf(context)
  const out: string[] = [`<div class="demarche" lang="${view.lang}">`, '<header>']
  if (context.theme.organisation) out.push(`<p class="organisation">${escapeHtml(context.theme.organisation)}</p>`)
  out.push(`<h1>${escapeHtml(view.title)}</h1>`, '<dl class="facts">')
  for (const fact of view.facts) out.push(`<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`)
  out.push('</dl>', `<p class="produced">${escapeHtml(view.produced)}</p>`, '</header>', '<main>')
  out.push(`<section aria-labelledby="score"><h2 id="score">${escapeHtml(view.score)}</h2><p>${escapeHtml(view.summary)}</p>`)
  out.push('<table>', `<caption>${escapeHtml(words.report.criteriaCaption)}</caption>`)
  out.push(`<thead><tr>${view.criteriaHeadings.map((heading, index) => `<th scope="col"${index >= 2 ? ' class="number"' : ''}>${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>`)
  for (const criterion of view.criteria)
    out.push(
      `<tr><th scope="row">${escapeHtml(criterion.label)}</th><td class="status-${criterion.statusKey.replace('_', '-')}">${escapeHtml(criterion.status)}</td><td class="number">${criterion.applicable}</td><td class="number">${criterion.passed}</td><td class="number">${escapeHtml(criterion.weight)}</td><td class="number">${escapeHtml(criterion.points)}</td></tr>`,
    )
  out.push('</tbody></table></section>')
  out.push(`<section aria-labelledby="constats"><h2 id="constats">${escapeHtml(words.report.findings)}</h2>`)
  if (view.groups.length === 0) out.push(`<p>${escapeHtml(view.noFindings)}</p>`)
  for (const group of view.groups) {
    out.push(`<h3>${escapeHtml(group.label)}</h3>`, '<ul>')
    for (const finding of group.findings) {
      const place = finding.href ? `<a href="${escapeHtml(finding.href)}">${inlineHtml(finding.place)}</a>` : inlineHtml(finding.place)
      const suggestion = finding.suggestion ? ` <em>${escapeHtml(finding.suggestion)}</em>` : ''
      // The rule and the JSON Pointer are for tools: attributes here, a row of the appendix for people.
      out.push(
        `<li class="finding-${finding.severity}" data-rule="${escapeHtml(finding.rule)}" data-pointer="${escapeHtml(finding.pointer || '/')}"><strong>${escapeHtml(finding.severityLabel)}</strong> — ${place}${words.colon}${inlineHtml(finding.message)}${suggestion}</li>`,
      )
    }
    out.push('</ul>')
  }
  out.push('</section>')
  const { appendix } = view
  out.push(`<section aria-labelledby="annexe" class="appendix"><h2 id="annexe">${escapeHtml(appendix.heading)}</h2><dl class="facts">`)
  for (const fact of appendix.facts) out.push(`<dt>${escapeHtml(fact.label)}</dt><dd><code>${escapeHtml(fact.value)}</code></dd>`)
  out.push('</dl>')
  if (appendix.rows.length > 0) {
    out.push('<table>', `<caption class="visually-hidden">${escapeHtml(appendix.heading)}</caption>`)
    out.push(`<thead><tr>${appendix.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead><tbody>`)
    for (const [place, rule, pointer] of appendix.rows) out.push(`<tr><th scope="row">${inlineHtml(place)}</th><td><code>${escapeHtml(rule)}</code></td><td><code>${escapeHtml(pointer)}</code></td></tr>`)
    out.push('</tbody></table>')
  }
  out.push('</section></main>', '</div>')
  const body = out.join('\n')
  if (options.standalone === false) return body
  return page(view.lang, view.title, stylesheet(context.theme, words.page), body)
}

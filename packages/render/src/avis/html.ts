import type { RenderContext } from '../context.js'
import { escapeHtml, inlineHtml } from '../html/escape.js'
import { page } from '../html/plan.js'
import { stylesheet } from '../html/styles.js'
import { wordsOf } from '../words.js'
import { type AvisInput, avisView } from './view.js'

/** The letter (avis) as an accessible page; the places' JSON Pointers ride along as attributes for tools. */
export function avisHtml(input: AvisInput, context: RenderContext): string {
  const view = avisView(input, context)
  const words = wordsOf(context)
  const out: string[] = [`<div class="demarche avis" lang="${view.lang}">`, '<header>']
  if (view.organisation) out.push(`<p class="organisation">${escapeHtml(view.organisation)}</p>`)
  out.push(`<h1>${escapeHtml(view.title)}</h1>`, '<dl class="facts">')
  for (const fact of view.facts) out.push(`<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`)
  out.push('</dl>', '</header>', '<main>')
  out.push(`<section aria-labelledby="recommandation"><h2 id="recommandation">${escapeHtml(view.recommendationHeading)}</h2>`)
  out.push(`<p class="recommendation"><strong>${escapeHtml(view.recommendation)}</strong></p>`, `<p>${inlineHtml(view.reasons)}</p></section>`)
  if (view.followUp) {
    const { followUp } = view
    out.push(`<section aria-labelledby="suivi"><h2 id="suivi">${escapeHtml(followUp.heading)}</h2>`, `<p>${escapeHtml(followUp.intro)}</p><table class="follow-up">`)
    out.push(`<caption class="visually-hidden">${escapeHtml(followUp.heading)}</caption>`)
    out.push(`<thead><tr>${followUp.headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>`)
    for (const [place, request, outcome] of followUp.rows) out.push(`<tr><th scope="row">${inlineHtml(place)}</th><td>${inlineHtml(request)}</td><td>${escapeHtml(outcome)}</td></tr>`)
    out.push('</tbody></table></section>')
  }
  out.push(`<section aria-labelledby="demandes"><h2 id="demandes">${escapeHtml(view.requestsHeading)}</h2>`)
  if (view.elements.length === 0) out.push(`<p>${escapeHtml(view.noRequests)}</p>`)
  else out.push(`<p class="prompt">${escapeHtml(view.requestsIntro)}</p>`)
  for (const element of view.elements) {
    out.push(`<h3 data-pointer="${escapeHtml(element.pointer || '/')}">${inlineHtml(element.place)}</h3>`, '<ul>')
    for (const request of element.requests) out.push(`<li>${inlineHtml(request)}</li>`)
    out.push('</ul>')
  }
  out.push('</section>')
  out.push(`<section aria-labelledby="grille"><h2 id="grille">${escapeHtml(view.gridHeading)}</h2><table>`)
  out.push(`<caption class="visually-hidden">${escapeHtml(view.gridHeading)}</caption>`)
  out.push(`<thead><tr>${view.gridHeadings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>`)
  for (const [criterion, engine, reviewer, note] of view.grid)
    out.push(`<tr><th scope="row">${escapeHtml(criterion)}</th><td>${escapeHtml(engine)}</td><td>${escapeHtml(reviewer)}</td><td>${inlineHtml(note)}</td></tr>`)
  out.push('</tbody></table></section>', `<p class="produced">${escapeHtml(view.produced)}</p>`, '</main>', '</div>')
  return page(view.lang, view.title, stylesheet(context.theme, words.page), out.join('\n'))
}

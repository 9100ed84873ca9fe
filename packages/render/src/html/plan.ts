import type { PlanDocument } from '@demarche/domain'
import type { RenderContext } from '../context.js'
import { type AxisView, planView, type PlanView, type SectionView, type ViewBlock, type ViewItem } from '../view/plan-view.js'
import { escapeHtml, inlineHtml } from './escape.js'
import { stylesheet } from './styles.js'
import { wordsOf } from '../words.js'

export interface HtmlOptions {
  /** A whole page with inline CSS (default), or a fragment to embed in a page that loads `planStylesheet`. */
  standalone?: boolean
}

/** The accessible, print-ready master of a plan. */
export function planHtml(plan: PlanDocument, context: RenderContext, options: HtmlOptions = {}): string {
  const view = planView(plan, context)
  const body = planBody(view, context)
  if (options.standalone === false) return body
  return page(view.lang, view.title, stylesheet(context.theme, wordsOf(context).page), body)
}

/** The CSS a page embedding `planHtml(…, { standalone: false })` includes once. */
export function planStylesheet(context: RenderContext): string {
  return stylesheet(context.theme, wordsOf(context).page)
}

export function page(lang: string, title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`
}

function planBody(view: PlanView, context: RenderContext): string {
  const out: string[] = []
  out.push(`<div class="demarche" lang="${view.lang}">`)
  out.push(`<a class="skip" href="#contenu">${wordsOf(context).skipToContent}</a>`)
  out.push('<header>')
  if (context.theme.logo) out.push(`<img class="logo" src="${escapeHtml(context.theme.logo.dataUri)}" alt="${escapeHtml(context.theme.logo.alt)}">`)
  if (context.theme.organisation) out.push(`<p class="organisation">${escapeHtml(context.theme.organisation)}</p>`)
  // The chantier's own words keep their language for screen readers and spell checkers (WCAG 3.1.2) when the
  // document's words are in the other one.
  const written = view.contentLang ? ` lang="${view.contentLang}"` : ''
  out.push(`<h1${written}>${inlineHtml(view.title)}</h1>`)
  if (view.facts.length > 0) {
    out.push('<dl class="facts">')
    for (const fact of view.facts) out.push(`<dt>${escapeHtml(fact.label)}</dt><dd>${inlineHtml(fact.value)}</dd>`)
    out.push('</dl>')
  }
  out.push(`<p class="produced">${escapeHtml(view.produced)}</p>`)
  out.push('</header>')
  out.push(`<nav class="toc" aria-label="${escapeHtml(view.labels.contents)}"><h2>${escapeHtml(view.labels.contents)}</h2><ol>`)
  for (const section of view.sections) out.push(`<li><a href="#${section.id}">${inlineHtml(section.heading)}</a></li>`)
  for (const axis of view.axes) out.push(`<li><a href="#${axis.id}">${inlineHtml(axis.heading ?? axis.caption)}</a></li>`)
  if (view.notes.length > 0) out.push(`<li><a href="#notes">${escapeHtml(view.labels.notes)}</a></li>`)
  out.push('</ol></nav>')
  out.push('<main id="contenu">')
  for (const section of view.sections) out.push(sectionHtml(section, view.french, written))
  for (const axis of view.axes) out.push(axisHtml(axis, view, written))
  if (view.notes.length > 0) out.push(notesHtml(view, written))
  out.push('</main>')
  out.push(`<footer><p class="produced">${escapeHtml(view.title)} — ${escapeHtml(view.produced)}</p></footer>`)
  out.push('</div>')
  return out.join('\n')
}

function sectionHtml(section: SectionView, french: boolean, written: string): string {
  const out = [`<section id="${section.id}" aria-labelledby="${section.id}-titre">`, `<h2 id="${section.id}-titre">${inlineHtml(section.heading)}</h2>`]
  if (section.prompt) out.push(`<p class="prompt">${inlineHtml(section.prompt)}</p>`)
  out.push(written ? `<div${written}>${blocksHtml(section.blocks, french)}</div>` : blocksHtml(section.blocks, french))
  out.push('</section>')
  return out.join('\n')
}

function axisHtml(axis: AxisView, view: PlanView, written: string): string {
  const french = view.french
  // Objectives of a plan without an axis level have no heading of their own: the section is named by its caption.
  const out = axis.heading
    ? [`<section class="axis" id="${axis.id}" aria-labelledby="${axis.id}-titre">`, `<h2 id="${axis.id}-titre">${inlineHtml(axis.heading)}</h2>`]
    : [`<section class="axis" id="${axis.id}" aria-label="${escapeHtml(axis.caption)}">`]
  out.push(written && axis.description.length > 0 ? `<div${written}>${blocksHtml(axis.description, french)}</div>` : blocksHtml(axis.description, french))
  const hasRows = axis.objectives.some((objective) => objective.rows.length > 0)
  if (!hasRows) {
    // A profile without a table (an offer of service): objectives are a list of services.
    out.push('<ul>')
    for (const objective of axis.objectives) out.push(`<li id="${objective.id}"${written}>${inlineHtml(objective.title)}${blocksHtml(objective.details, french)}</li>`)
    out.push('</ul></section>')
    return out.join('\n')
  }
  out.push('<table>')
  // The section's heading titles the table on screen; the caption names it for assistive technology only.
  out.push(`<caption class="visually-hidden">${inlineHtml(axis.caption)}</caption>`)
  out.push('<thead><tr>')
  out.push(`<th scope="col">${escapeHtml(view.labels.objectiveColumn)}</th>`)
  for (const column of axis.columns) out.push(`<th scope="col">${inlineHtml(column.label)}</th>`)
  out.push('</tr></thead>')
  out.push('<tbody>')
  for (const objective of axis.objectives) {
    const span = Math.max(1, objective.rows.length)
    objective.rows.forEach((row, index) => {
      out.push(`<tr id="${row.id}">`)
      if (index === 0)
        out.push(
          `<th scope="row" id="${objective.id}"${span > 1 ? ` rowspan="${span}"` : ''}><span class="objective-label">${escapeHtml(objective.label)}</span>${written ? `<span${written}>${inlineHtml(objective.title)}</span>` : inlineHtml(objective.title)}${objective.details.length > 0 && written ? `<div${written}>${blocksHtml(objective.details, french)}</div>` : blocksHtml(objective.details, french)}</th>`,
        )
      for (const column of axis.columns) out.push(`<td${written}>${blocksHtml(row.cells[column.key] ?? [], french)}</td>`)
      out.push('</tr>')
    })
  }
  out.push('</tbody></table>')
  out.push('</section>')
  return out.join('\n')
}

/** The document's notes, each after its call as printed in the text. */
function notesHtml(view: PlanView, written: string): string {
  const items = view.notes.map((note) => `<li>${note.marker ? `<span class="note-call">${escapeHtml(note.marker)}</span> ` : ''}<span${written}>${inlineHtml(note.text)}</span></li>`)
  return [`<section id="notes" aria-labelledby="notes-titre">`, `<h2 id="notes-titre">${escapeHtml(view.labels.notes)}</h2>`, `<ul class="notes">${items.join('')}</ul>`, '</section>'].join('\n')
}

export function blocksHtml(blocks: readonly ViewBlock[], french: boolean): string {
  return blocks.map((block) => blockHtml(block, french)).join('')
}

function blockHtml(block: ViewBlock, french: boolean): string {
  switch (block.type) {
    case 'paragraph':
      return block.strong ? `<p><strong>${inlineHtml(block.text)}</strong></p>` : `<p>${inlineHtml(block.text)}</p>`
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      const start = block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${block.start}"` : ''
      return `<${tag}${start}>${block.items.map((item) => itemHtml(item, french)).join('')}</${tag}>`
    }
    case 'table':
      return [
        '<table>',
        `<caption${block.titled ? ' class="visually-hidden"' : ''}>${inlineHtml(block.caption)}</caption>`,
        `<thead><tr>${block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...block.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${inlineHtml(cell)}</th>` : `<td>${inlineHtml(cell)}</td>`)).join('')}</tr>`),
        '</tbody></table>',
      ].join('')
  }
}

function itemHtml(item: ViewItem, french: boolean): string {
  const id = item.id ? ` id="${item.id}"` : ''
  const lead = item.lead ? `<strong>${inlineHtml(item.lead)}</strong>${wordsOf({ locale: french ? 'fr-CA' : 'en-CA' }).colon}` : ''
  const sub = item.items && item.items.length > 0 ? `<ul>${item.items.map((text) => `<li>${inlineHtml(text)}</li>`).join('')}</ul>` : ''
  return `<li${id}>${lead}${inlineHtml(item.text)}${sub}</li>`
}

import { inlineRuns } from '../inline.js'

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Text with its inline emphasis as <strong> and <em>; everything else escaped. */
export function inlineHtml(text: string): string {
  return inlineRuns(text)
    .map((run) => {
      const text = escapeHtml(run.text).replace(/\n/g, '<br>')
      const escaped = run.href ? `<a href="${escapeHtml(run.href)}">${text}</a>` : text
      return run.bold ? `<strong>${escaped}</strong>` : run.italic ? `<em>${escaped}</em>` : escaped
    })
    .join('')
}

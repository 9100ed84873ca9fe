/** A run of text with the emphasis the plan's inline markup gives it (`*italic*`, `**bold**`). */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
}

/**
 * Splits text into runs by its `**bold**` and `*italic*` marks. A mark left unclosed stays as text, so no
 * character of what the chantier wrote is lost.
 */
export function inlineRuns(text: string): Run[] {
  if (!text.includes('*')) return [{ text }]
  const runs: Run[] = []
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) })
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true })
    else runs.push({ text: match[2]!, italic: true })
    last = match.index + match[0].length
  }
  if (last < text.length) runs.push({ text: text.slice(last) })
  return runs
}

/** The text without its emphasis marks. */
export function plainText(text: string): string {
  return inlineRuns(text)
    .map((run) => run.text)
    .join('')
}

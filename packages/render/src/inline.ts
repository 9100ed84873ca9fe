/** A run of text with the emphasis the plan's inline markup gives it (`*italic*`, `**bold**`). */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  /** The address a web address written in the text points to ("www.x.org" → "https://www.x.org"). */
  href?: string
}

/** A web address as people write it: with its scheme or from "www.", without the punctuation that ends a sentence. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]]/g

/** The run split where web addresses are, each address a run with its `href`. */
function linked(run: Run): Run[] {
  if (!run.text.includes('http') && !run.text.includes('www.')) return [run]
  const out: Run[] = []
  let last = 0
  for (const match of run.text.matchAll(URL)) {
    if (match.index > last) out.push({ ...run, text: run.text.slice(last, match.index) })
    out.push({ ...run, text: match[0], href: match[0].startsWith('www.') ? `https://${match[0]}` : match[0] })
    last = match.index + match[0].length
  }
  if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) })
  return out
}

/**
 * Splits text into runs by its `**bold**` and `*italic*` marks and its web addresses (runs with an `href`).
 * A mark left unclosed stays as text, so no character of what the chantier wrote is lost.
 */
export function inlineRuns(text: string): Run[] {
  return emphasisRuns(text).flatMap(linked)
}

function emphasisRuns(text: string): Run[] {
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

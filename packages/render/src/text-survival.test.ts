// Issue 11's check: every text of each real plan appears, in document order, in its HTML, Markdown, DOCX and PDF.
import { execFileSync } from 'node:child_process'
import { findProfile, type PlanDocument, type TextVisit, textsOf } from '@demarche/domain'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { planDocx } from './docx/plan.js'
import { planHtml } from './html/plan.js'
import { planMarkdown } from './markdown/plan.js'
import { planPdf } from './pdf.js'
import { context, hasTool, normalize, seeds, testOutput } from './test-support.js'

const pdftotext = hasTool('pdftotext', ['-v'])

/**
 * What of a text a reader must find, as the walker gives it: a written text as is; a cell written as a
 * notation as its formats print it (organisation names one by one, contacts by name, a budget cell's words
 * and line references: its amounts are re-typeset in the locale's money format).
 */
function needles(visit: TextVisit, plan: PlanDocument): string[] {
  if (visit.kind === 'content') return [visit.text]
  const owner = visit.pointer.replace(/\/raw$/, '')
  const stored = resolve(plan, owner) as { value?: { names?: Array<string | { text: string }>; parts?: Array<{ kind: string; raw: string }> } } | undefined
  const names = () => (stored?.value?.names ?? []).map((name) => (typeof name === 'string' ? name : name.text))
  if (visit.kind === 'contacts') return names()
  if (owner.endsWith('/budget')) return stored?.value?.parts ? stored.value.parts.filter((part) => part.kind !== 'amount').map((part) => part.raw) : [visit.text]
  if (owner.endsWith('/responsible') || owner.endsWith('/partners')) return stored?.value?.names ? names() : [visit.text]
  return [visit.text]
}

function resolve(document: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document)
}

function expectInOrder(document: string, plan: PlanDocument, format: string): void {
  const profile = findProfile(plan.profile.id, plan.profile.version)!
  const haystack = normalize(document).replace(/[’']/g, '\'')
  let from = 0
  let checked = 0
  for (const visit of textsOf(plan, profile))
    for (const text of needles(visit, plan)) {
      const needle = normalize(text).replace(/[’']/g, '\'')
      if (needle === '') continue
      const at = haystack.indexOf(needle, from)
      expect(at, `${format}: ${visit.pointer} « ${text} » not found after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at + needle.length
      checked++
    }
  expect(checked).toBeGreaterThan(20)
}

/**
 * For a PDF: a table row that runs over a page break is drawn in two parts, its cells side by side in each,
 * so the texts of one row interleave. Rows (and every text outside the table) come in order, each starting
 * after the previous one starts; a row's texts are each found after the row's start, its words in order,
 * with gaps for its neighbours' lines and the page's footer and repeated table header.
 */
function expectWordsInOrder(document: string, plan: PlanDocument, format: string): void {
  const profile = findProfile(plan.profile.id, plan.profile.version)!
  const words = wordsOf(document)
  let from = 0
  let group: string | undefined
  let groupStart = 0
  let checked = 0
  for (const visit of textsOf(plan, profile))
    for (const text of needles(visit, plan)) {
      const wanted = wordsOf(text)
      if (wanted.length === 0) continue
      const key = /^(.*\/rows\/\d+)/.exec(visit.pointer)?.[1] ?? visit.pointer
      if (key !== group) [group, groupStart] = [key, from]
      // The first place where all its words follow in order.
      let start = words.indexOf(wanted[0]!, groupStart)
      while (start >= 0 && !followsFrom(words, wanted, start)) start = words.indexOf(wanted[0]!, start + 1)
      expect(start, `${format}: ${visit.pointer} « ${text} » not found in order after word ${groupStart}`).toBeGreaterThanOrEqual(0)
      from = Math.max(from, start + 1)
      checked++
    }
  expect(checked).toBeGreaterThan(20)
}

function followsFrom(words: readonly string[], wanted: readonly string[], start: number): boolean {
  let at = start
  for (const word of wanted.slice(1)) {
    const next = words.indexOf(word, at + 1)
    if (next < 0 || next - at > MAX_GAP) return false
    at = next
  }
  return true
}

/** Words as a reader reads them: punctuation around a word is not the word ("Daigle," is "Daigle"). */
function wordsOf(text: string): string[] {
  return normalize(text)
    .replace(/[’']/g, '\'')
    .split(' ')
    // A hyphen is not told apart from a line-end cut once the PDF is drawn: words are compared without hyphens.
    .map((word) => word.replace(/^[\p{P}]+|[\p{P}]+$/gu, '').replace(/-/g, ''))
    .filter(Boolean)
}

/** Words that may come between two words of one text in a PDF: the rest of a row's cells and a page's footer. */
const MAX_GAP = 400

function htmlText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, '\'')
}

function docxText(bytes: Uint8Array): string {
  return htmlText(strFromU8(unzipSync(bytes)['word/document.xml']!))
}

describe.each([
  ['crevale2026', seeds.crevale2026],
  ['crevale2021', seeds.crevale2021],
  ['crevaleServiceOffer', seeds.crevaleServiceOffer],
] as const)('every text of %s survives, in order', (name, plan) => {
  it('in HTML', () => expectInOrder(htmlText(planHtml(plan(), context(plan()))), plan(), 'html'))
  it('in Markdown', () => expectInOrder(planMarkdown(plan(), context(plan())).replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1'), plan(), 'markdown'))
  it('in DOCX', async () => expectInOrder(docxText(await planDocx(plan(), context(plan()))), plan(), 'docx'))
  it.skipIf(!pdftotext)('in PDF', async () => {
    const file = testOutput(`survival-${name}.pdf`, await planPdf(plan(), context(plan())))
    // `-raw`: in the order the text was drawn, so that a table's cells are not interleaved line by line.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    // A word cut at a line-end hyphen is joined again, as a reader reads it.
    expectWordsInOrder(text.replace(/(\p{L})-\n(\p{L})/gu, '$1$2'), plan(), 'pdf')
  }, 120_000)
})

// What Word shows of lists: each numbered list counts from its own start, bullets are real Word lists.
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { context, seeds } from '../test-support.js'
import { planDocx } from './plan.js'

interface ListParagraph {
  style: string
  numId: string
  text: string
}

/** Document-order paragraphs, with the list runs (consecutive numbered paragraphs of one style) they form. */
async function listsOf(bytes: Uint8Array) {
  const files = unzipSync(bytes)
  const document = strFromU8(files['word/document.xml']!)
  const numbering = strFromU8(files['word/numbering.xml']!)
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(match[0])?.[1] ?? '',
    numId: /<w:numId w:val="(\d+)"/.exec(match[0])?.[1] ?? '',
    level: /<w:ilvl w:val="(\d+)"/.exec(match[0])?.[1] ?? '0',
    text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }))
  const runs: ListParagraph[][] = []
  let current: ListParagraph[] | undefined
  for (const paragraph of paragraphs) {
    if (paragraph.style === 'ListNumber') (current ??= (runs.push([]), runs.at(-1)!)).push(paragraph)
    else if (!(paragraph.style === 'ListBullet' && paragraph.level === '1')) current = undefined
  }
  return { paragraphs, runs, numbering }
}

describe.each([['crevale-2026-2028', seeds.crevale2026]])('the numbered lists of the %s DOCX', (_, plan) => {
  it('each have their own numbering instance, so Word restarts each one', async () => {
    const { runs, numbering } = await listsOf(await planDocx(plan(), context(plan())))
    expect(runs.length).toBeGreaterThan(1)
    for (const run of runs) expect(new Set(run.map((paragraph) => paragraph.numId)).size).toBe(1)
    const ids = runs.map((run) => run[0]!.numId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"[^>]*>`))
  })
})

describe('the service offer DOCX', () => {
  it('writes its volets’ objectives as a Word bullet list, not "• " text', async () => {
    const plan = seeds.crevaleServiceOffer()
    const { paragraphs } = await listsOf(await planDocx(plan, context(plan)))
    expect(paragraphs.filter((paragraph) => paragraph.text.startsWith('•'))).toEqual([])
    const bullets = paragraphs.filter((paragraph) => paragraph.style === 'ListBullet' && paragraph.numId !== '').map((paragraph) => paragraph.text)
    // Typeset as every text is (no-break space before the colon).
    for (const axis of plan.axes) for (const objective of axis.objectives) expect(bullets).toContain(objective.title.replace(/'/g, '&apos;').replace(/ :/, '\u00a0:'))
  })
})

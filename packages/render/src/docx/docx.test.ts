import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { context, normalize, seeds, sourceTexts } from '../test-support.js'
import { planDocx } from './plan.js'

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).filter(([path]) => path.endsWith('.xml')).map(([path, data]) => [path, strFromU8(data)]))
}

/** The text of each paragraph of document.xml, runs joined, tags dropped. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join(''),
  )
}

/**
 * The whole dollars of an amount in thousands ("12 500"), grouped here rather than by Intl, whose fr-CA
 * separator changes with the ICU version (U+00A0, U+202F) and falls back to English without full ICU.
 */
function groupedDollars(cents: number): string {
  return String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

describe.each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
])('the DOCX of %s', (_, plan) => {
  const ready = planDocx(plan(), context(plan()))

  it('contains every text of the plan and every amount to the cent', async () => {
    const xml = parts(await ready)['word/document.xml']!
    const text = normalize(paragraphs(xml).join('\n'))
    const missing = sourceTexts(plan()).filter((source) => !text.includes(normalize(source)))
    expect(missing.slice(0, 3)).toEqual([])
    for (const axis of plan().axes)
      for (const objective of axis.objectives)
        for (const row of objective.rows)
          for (const part of row.budget?.value?.parts ?? [])
            if (part.kind === 'amount')
              for (const cents of part.amount.terms) expect(text).toContain(normalize(groupedDollars(cents)))
  })

  it('uses Word’s built-in styles, landscape sections for the tables, repeated headers and alternative text', async () => {
    const xml = parts(await ready)
    const document = xml['word/document.xml']!
    const styles = xml['word/styles.xml']!
    for (const style of ['Title', 'Heading1', 'ListBullet']) expect(document).toContain(`<w:pStyle w:val="${style}"/>`)
    // Each table is titled by the heading above it (one title); its caption is the table's alternative text.
    expect(document).not.toContain('<w:pStyle w:val="Caption"/>')
    if (plan().preparation!.steps.every((step) => step.number !== undefined)) expect(document).toContain('<w:pStyle w:val="ListNumber"/>')
    for (const name of ['Title', 'heading 1', 'caption', 'List Number']) expect(styles).toContain(`w:val="${name}"`)
    expect(document).toContain('<w:tblStyle w:val="TableGrid"/>')
    const tables = document.match(/<w:tbl>/g)!.length
    expect(document.match(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>/g)!.length).toBe(tables)
    expect(document.match(/<w:tblCaption w:val="/g)!.length).toBe(tables)
    expect(document.match(/<w:tblDescription w:val="/g)!.length).toBe(tables)
    const sections = document.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!
    expect(sections.map((section) => (/w:orient="landscape"/.test(section) ? 'landscape' : 'portrait'))).toEqual(['portrait', 'landscape'])
    // The landscape section holds every axis table: each axis caption comes after the first section break.
    const firstBreak = document.indexOf('<w:sectPr')
    for (const axis of plan().axes) expect(document.lastIndexOf(axis.title.slice(0, 30).replace(/'/g, '&apos;'))).toBeGreaterThan(firstBreak)
    const footer = Object.entries(xml).find(([path]) => /word\/footer\d\.xml/.test(path))![1]
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/)
  })

  it('gives the same bytes for the same plan and clock', async () => {
    expect(Buffer.compare(Buffer.from(await ready), Buffer.from(await planDocx(plan(), context(plan()))))).toBe(0)
  })
})

describe('an organisation’s .docx template', () => {
  it('keeps the template’s cover and fills its placeholders with the plan', async () => {
    const template = new Uint8Array(
      await Packer.toArrayBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Organisme exemple — page couverture', bold: true })] }),
                new Paragraph({ children: [new TextRun('{{title}}')] }),
                new Paragraph({ children: [new TextRun('{{facts}}')] }),
                new Paragraph({ children: [new TextRun('{{content}}')] }),
                new Paragraph({ children: [new TextRun('Mentions légales fixes de l’organisme.')] }),
              ],
            },
          ],
        }),
      ),
    )
    const plan = seeds.crevale2026()
    const xml = parts(await planDocx(plan, context(plan), { template }))['word/document.xml']!
    const text = paragraphs(xml).join('\n')
    expect(text).toContain('Organisme exemple — page couverture')
    expect(text).toContain('Mentions légales fixes de l’organisme.')
    expect(text).toContain(plan.metadata.title)
    expect(text).toContain('Déploiement de la phase 2 et évaluation en continu.')
    expect(text).not.toContain('{{')
  })
})

describe('the plan part', () => {
  it('gives the same bytes whatever order the plan’s keys came in (as a database gives them back)', async () => {
    const plan = seeds.crevale2026()
    const reordered = JSON.parse(JSON.stringify(plan, (_key, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value)))
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(plan)[0])
    const [a, b] = await Promise.all([plan, reordered].map((p) => planDocx(p, context(p))))
    expect(Buffer.from(a!).equals(Buffer.from(b!))).toBe(true)
  })
})

import { execFileSync } from 'node:child_process'
import { evaluatePlan } from '@demarche/rules'
import { describe, expect, it } from 'vitest'
import { planPdf, reportPdf } from '../pdf.js'
import { context, hasTool, seeds, sourceTexts, testOutput } from '../test-support.js'
import { findChromium } from './chromium.js'

const poppler = hasTool('pdfinfo', ['-v'])
const chromium = findChromium() !== undefined || hasTool('chromium')

function inspect(pdf: Uint8Array, name: string) {
  const file = testOutput(name, pdf)
  const run = (command: string, ...args: string[]) => execFileSync(command, [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return {
    info: run('pdfinfo'),
    fonts: run('pdffonts'),
    struct: run('pdfinfo', '-struct'),
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  }
}

/** Words of a text, folded: PDF text extraction breaks lines inside table cells, so texts are compared by their words. */
function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)
}

function missingWords(plan: ReturnType<typeof seeds.crevale2026>, extracted: string): string[] {
  const have = new Set(words(extracted))
  // pdftotext joins a word cut at a line-end hyphen to the next ("école-famille-" + "communauté"): look inside too.
  const folded = extracted.normalize('NFC').toLowerCase()
  return [...new Set(sourceTexts(plan).flatMap(words))].filter((word) => !have.has(word) && !folded.includes(word))
}

/** Every font pdffonts lists is embedded, subset and Unicode-mapped; a PDF listing no font fails too. */
function expectEmbeddedFonts(fonts: string): void {
  const rows = fonts.split('\n').slice(2).filter(Boolean)
  expect(rows.length, 'pdffonts lists no font').toBeGreaterThan(0)
  for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/)
}

/** Tables of the tag tree; each is titled by the heading above it, so none carries a second, visible caption. */
function titledTables(struct: string): number {
  expect(struct).not.toMatch(/^\s*Caption/m)
  return (struct.match(/Table \(block\)/g) ?? []).length
}

/** Each axis is titled once: its heading, not again by an "Axe n — title" caption. */
function expectAxesTitledOnce(plan: ReturnType<typeof seeds.crevale2026>, text: string): void {
  const flat = text.replace(/\s+/g, ' ')
  plan.axes.forEach((axis, index) => expect(flat).not.toContain(`Axe ${index + 1} — ${axis.title.slice(0, 20)}`))
}

describe.skipIf(!poppler).each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
])('the pdfkit PDF of %s', (name, plan) => {
  const ready = planPdf(plan(), context(plan()), { engine: 'pdfkit' })

  it('is tagged, with every font embedded and a Table per axis', async () => {
    const { info, fonts, struct } = inspect(await ready, `${name}.pdfkit.pdf`)
    expect(info).toMatch(/Tagged:\s+yes/)
    expectEmbeddedFonts(fonts)
    expect(titledTables(struct)).toBe(plan().axes.length + 1)
  })

  it('contains every word of the plan, each axis titled once', async () => {
    const { text } = inspect(await ready, `${name}.pdfkit.pdf`)
    expect(missingWords(plan(), text)).toEqual([])
    expectAxesTitledOnce(plan(), text)
  })

  it('gives the same bytes for the same plan and clock', async () => {
    expect(Buffer.compare(Buffer.from(await ready), Buffer.from(await planPdf(plan(), context(plan()), { engine: 'pdfkit' })))).toBe(0)
  })

  it('breaks no column header inside a word', async () => {
    const { text } = inspect(await ready, `${name}.pdfkit.pdf`)
    const profile = context(plan()).profile
    const headerWords = new Set(Object.values(profile.columns).flatMap((column) => (column ? column.label.fr.split(/\s+/).filter((word) => word.length >= 6) : [])))
    const broken = [...headerWords].filter((word) => [...word].some((_, k) => k > 0 && text.includes(`${word.slice(0, k)}\n${word.slice(k)}`)))
    expect(headerWords.size).toBeGreaterThan(5)
    expect(broken).toEqual([])
  })
})

describe.skipIf(!poppler)('a list item with a lead in the pdfkit PDF', () => {
  it.each([
    ['fr-CA', 'Rencontre 1 : Rappels des objectifs'],
    ['en-CA', 'Rencontre 1: Rappels des objectifs'],
  ] as const)('takes the colon of its locale (%s)', async (locale, expected) => {
    const plan = seeds.crevale2021()
    const { text } = inspect(await planPdf(plan, context(plan, locale), { engine: 'pdfkit' }), `crevale-2021.${locale}.pdfkit.pdf`)
    // pdftotext writes the no-break space as a space.
    expect(text.replace(/\u00a0/g, ' ')).toContain(`• ${expected}`)
  }, 60_000)
})

describe.skipIf(!poppler)('a row taller than a page', () => {
  it('is split over several pages, not clipped', async () => {
    const plan = seeds.crevale2026()
    const steps = Array.from({ length: 160 }, (_, i) => ({ number: i + 1, text: `Étape numéro ${i + 1} d’un échéancier très long, écrite pour occuper plusieurs pages.` }))
    plan.axes[0]!.objectives[0]!.rows[0]!.schedule = [{ years: { raw: 'An 6', value: { years: [6], mode: 'all' } }, steps }]
    const { info, text } = inspect(await planPdf(plan, context(plan), { engine: 'pdfkit' }), 'tall-row.pdfkit.pdf')
    for (let step = 1; step <= 160; step++) expect(text).toContain(`${step}. Étape numéro ${step}`)
    const normal = Number(/Pages:\s+(\d+)/.exec(inspect(await planPdf(seeds.crevale2026(), context(seeds.crevale2026()), { engine: 'pdfkit' }), 'normal.pdfkit.pdf').info)![1])
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(normal + 2)
  }, 60_000)
})

describe.skipIf(!poppler || !chromium)('the Chromium PDF of the 2026-2028 plan', () => {
  it('is tagged, with embedded fonts, a Table per axis titled once and every word', async () => {
    const plan = seeds.crevale2026()
    const { info, fonts, struct, text } = inspect(await planPdf(plan, context(plan), { engine: 'chromium' }), 'crevale-2026-2028.chromium.pdf')
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/Page size:\s+612 x 792/)
    expectEmbeddedFonts(fonts)
    expect(titledTables(struct)).toBe(plan.axes.length + 1)
    expectAxesTitledOnce(plan, text)
    expect(missingWords(plan, text)).toEqual([])
    expect(text).toContain('Page 1 de')
  }, 60_000)
})

/** The pages whose only text is the page number: a page the reader turns for nothing. */
function pagesWithoutBody(file: string): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
  const blank: number[] = []
  for (let page = 1; page <= pages; page++) {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
    if (text.replace(/Page \d+ (de|of) \d+/g, '').trim().length === 0) blank.push(page)
  }
  return blank
}

describe.skipIf(!poppler || !chromium).each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
  ['crevale-service-offer', seeds.crevaleServiceOffer],
])('the Chromium PDF of %s', (name, plan) => {
  it('has no page without body text (the last one included)', async () => {
    const file = testOutput(`${name}.chromium.pdf`, await planPdf(plan(), context(plan()), { engine: 'chromium' }))
    expect(pagesWithoutBody(file)).toEqual([])
  }, 60_000)
})

describe.skipIf(!poppler)('the PDF of an evaluation report', () => {
  const engines: Array<'pdfkit' | 'chromium'> = chromium ? ['pdfkit', 'chromium'] : ['pdfkit']
  it.each(engines)('says the score, each criterion’s status and the findings (%s)', async (engine) => {
    const plan = seeds.crevale2021()
    const report = evaluatePlan(plan)
    const { info, text } = inspect(await reportPdf({ report, plan }, context(plan), { engine }), `crevale-2021.report.${engine}.pdf`)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(text.replace(/\s+/g, ' ')).toContain('Score de complétude : 92,4 / 100'.replace(/ : /, '\u00a0: ').replace(/\u00a0/g, ' '))
    const flat = text.replace(/\s+/g, ' ')
    for (const words of ['partiel', 'complet', 'sans objet', 'Responsables et partenaires', 'Éducation Lanaudière']) expect(flat).toContain(words)
  }, 60_000)
})

/** Words of a PDF page with their boxes, as poppler reads them. */
function wordBoxes(file: string): Array<{ text: string; xMin: number; xMax: number; yMin: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    text: match[4]!,
  }))
}

describe.skipIf(!poppler)('the PDF laid out without Chromium (pdfkit)', () => {
  it('makes every web address a link a reader opens', async () => {
    const plan = seeds.crevaleServiceOffer()
    const pdf = await planPdf(plan, context(plan), { engine: 'pdfkit' })
    const written = [...JSON.stringify(plan).matchAll(/https?:\/\/[^\s"]+/g)].map((match) => match[0])
    const linked = [...new TextDecoder('latin1').decode(pdf).matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1])
    expect(written.length).toBeGreaterThan(0)
    expect(linked.sort()).toEqual(written.sort())
  }, 60_000)

  it('lines up the report’s numbers on the right of their column', async () => {
    const plan = seeds.crevale2026()
    const file = testOutput('crevale-2026-2028.report.pdfkit.pdf', await reportPdf({ report: evaluatePlan(plan), plan }, context(plan), { engine: 'pdfkit' }))
    const words = wordBoxes(file)
    // The column of subjects checked ("Vérifiés"): its heading and the numbers under it end at one x.
    const heading = words.find((word) => word.text === 'Vérifiés')!
    // The table ends where the findings begin.
    const end = words.find((word) => word.text === 'Constats')?.yMin ?? Number.POSITIVE_INFINITY
    const column = words.filter((word) => /^\d+$/.test(word.text) && word.yMin > heading.yMin && word.yMin < end && word.xMin >= heading.xMin - 20 && word.xMax <= heading.xMax + 1)
    expect(column.length).toBe(evaluatePlan(plan).criteria.length)
    for (const number of column) expect(Math.abs(number.xMax - heading.xMax)).toBeLessThan(0.5)
  }, 60_000)
})

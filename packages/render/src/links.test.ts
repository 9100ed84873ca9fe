// Links a reader can follow: every internal link resolves in the document it is in, web addresses are links.
import { evaluatePlan } from '@demarche/rules'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { planDocx } from './docx/plan.js'
import { planHtml } from './html/plan.js'
import { reportHtml } from './html/report.js'
import { reportMarkdown } from './markdown/report.js'
import { inlineRuns } from './inline.js'
import { context, seeds } from './test-support.js'

/** The `#…` targets of a page that it has no element for. */
function unresolved(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]))
  return [...html.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!).filter((id) => !ids.has(id))
}

describe.each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
  ['crevale-service-offer', seeds.crevaleServiceOffer],
])('the internal links of %s', (_, make) => {
  const plan = make()
  const report = evaluatePlan(plan)

  it('resolve in the plan page', () => {
    const html = planHtml(plan, context(plan))
    expect(html).toMatch(/href="#/)
    expect(unresolved(html)).toEqual([])
  })

  it('resolve in a standalone report page (no link to anchors only the plan has)', () => {
    const html = reportHtml({ report, plan }, context(plan))
    expect(unresolved(html)).toEqual([])
    expect(reportMarkdown({ report, plan }, context(plan))).not.toMatch(/\]\(#/)
  })

  it('go to the plan page when the report says where it is', () => {
    const html = reportHtml({ report, plan, planHref: 'plan.html' }, context(plan))
    if (report.findings.length > 0) expect(html).toMatch(/href="plan\.html#/)
  })
})

describe('web addresses the chantier wrote', () => {
  const plan = seeds.crevaleServiceOffer()

  it('are links in HTML', () => {
    const html = planHtml(plan, context(plan))
    expect(html).toContain('<a href="https://www.crevale.org/financement-de-projets/">https://www.crevale.org/financement-de-projets/</a>')
    expect(html).toContain('<a href="https://www.oser-jeunes.org/">https://www.oser-jeunes.org/</a>')
    expect(inlineRuns('Voir www.crevale.org/outils, puis **https://a.ca/b?c=1**.')).toEqual([
      { text: 'Voir ' },
      { text: 'www.crevale.org/outils', href: 'https://www.crevale.org/outils' },
      { text: ', puis ' },
      { text: 'https://a.ca/b?c=1', bold: true, href: 'https://a.ca/b?c=1' },
      { text: '.' },
    ])
  })

  it('are hyperlinks in DOCX', async () => {
    const files = unzipSync(await planDocx(plan, context(plan)))
    const document = strFromU8(files['word/document.xml']!)
    const relationships = strFromU8(files['word/_rels/document.xml.rels']!)
    expect(document.match(/<w:hyperlink /g)!.length).toBeGreaterThanOrEqual(6)
    expect(relationships).toContain('Target="https://www.oser-jeunes.org/" TargetMode="External"')
  })
})

describe('the report', () => {
  const plan = seeds.crevale2021()
  const report = evaluatePlan(plan)
  const html = reportHtml({ report, plan }, context(plan))

  it('keeps the fingerprint and JSON Pointers out of the reading line, in an appendix', () => {
    const reading = html.slice(0, html.indexOf('id="annexe"'))
    expect(reading).not.toContain(report.plan.hash)
    expect(reading.replace(/<li [^>]*>/g, '<li>')).not.toMatch(/<li>[^\n]*\/axes\//)
    const appendix = html.slice(html.indexOf('id="annexe"'))
    expect(appendix).toContain(report.plan.hash)
    expect(appendix.match(/<tr><th scope="row">/g)).toHaveLength(report.findings.length)
  })

  it('right-aligns its numbers', () => {
    expect(html.match(/<td class="number">/g)).toHaveLength(report.criteria.length * 4)
  })
})

import { evaluatePlan, formatMarkdown } from '@demarche/rules'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { reportDocx } from './docx/report.js'
import { planHtml } from './html/plan.js'
import { reportHtml } from './html/report.js'
import { reportMarkdown } from './markdown/report.js'
import { CLOCK, context, seeds } from './test-support.js'
import { formatDate } from './typography.js'

describe.each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
])('the evaluation report of %s', (_, make) => {
  const plan = make()
  const report = evaluatePlan(plan)
  const input = { report, plan, planHref: 'plan.html' }

  it('in HTML: the score, each status in words, findings by criterion linked to the plan’s places', () => {
    const html = reportHtml(input, context(plan))
    expect(html).toContain(`Score de complétude\u00a0: ${String(report.score).replace('.', ',')} / 100`)
    for (const criterion of report.criteria.filter((c) => c.status !== 'not_applicable')) expect(html).toContain(`>${criterion.status === 'complete' ? 'complet' : criterion.status === 'partial' ? 'partiel' : 'manquant'}</td>`)
    const links = [...html.matchAll(/href="plan\.html#([^"]+)"/g)].map((match) => match[1]!)
    expect(links.length).toBeGreaterThan(report.findings.length / 2)
    const planPage = planHtml(plan, context(plan))
    for (const anchor of new Set(links)) expect(planPage, anchor).toContain(`id="${anchor}"`)
    expect(html.match(/<li class="finding-/g)).toHaveLength(report.findings.length)
  })

  it('in Markdown: the rules package’s report (the one `demarche lint` prints), titled by the plan and dated', () => {
    const markdown = reportMarkdown({ report }, context(plan, 'en-CA'))
    expect(markdown).toBe(formatMarkdown(report, { locale: 'en', subject: report.plan.id!, produced: `Report produced on ${formatDate(CLOCK(), false)}` }))
  })

  it('in Markdown and in DOCX: the same score and findings', async () => {
    const markdown = reportMarkdown(input, context(plan))
    expect(markdown).toContain(`**Score de complétude\u00a0: ${String(report.score).replace('.', ',')} / 100**`)
    expect(markdown.match(/^- \*\*/gm)).toHaveLength(report.findings.length)
    expect(markdown.match(/\]\(plan\.html#[^)]+\)/g)!.length).toBeGreaterThan(report.findings.length / 2)
    const xml = strFromU8(unzipSync(await reportDocx(input, context(plan)))['word/document.xml']!)
    expect(xml).toContain('Score de complétude')
    expect(xml.match(/w:val="ListBullet"/g)).toHaveLength(report.findings.length)
  })
})

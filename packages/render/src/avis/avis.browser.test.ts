// The letter's HTML in headless Chromium, checked by axe-core like the plan and report pages.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { evaluatePlan, fingerprinter } from '@demarche/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../pdf/chromium.js'
import { context, hasTool, seeds } from '../test-support.js'
import { avisHtml } from './html.js'

const chromiumPath = findChromium()
const available = chromiumPath !== undefined || hasTool('chromium')

describe.skipIf(!available)('the letter (avis) in headless Chromium', () => {
  let browser: import('playwright-core').Browser
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

  beforeAll(async () => {
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it.each(['fr-CA', 'en-CA'] as const)('has no WCAG 2.2 A/AA violation (%s)', async (locale) => {
    const plan = seeds.crevale2026()
    const report = evaluatePlan(plan, { stage: 'submission' })
    const confirmed = report.findings.slice(0, 3).map((finding) => ({ fingerprint: fingerprinter(plan)(finding), decision: 'confirm' as const }))
    const html = avisHtml(
      {
        plan,
        report,
        assessment: {
          criteria: [{ criterion: 'results', status: 'to-clarify', note: 'Reliez les résultats aux effets recherchés.' }],
          recommendation: 'return',
          reasons: 'Le plan est retourné pour *trois* précisions.',
          findings: confirmed,
          requests: [{ id: 'r1', pointer: '/axes/0/objectives/0/rows/0/results', text: 'Reliez chaque résultat à un effet recherché.' }],
        },
        version: 2,
        author: 'Analyste',
        assessedAt: '2026-11-20T15:30:00Z',
        // A second letter: the follow-up table of the first one's requests comes first.
        followUp: {
          version: 1,
          assessedAt: '2026-10-02T10:00:00Z',
          items: [
            { pointer: '/axes/0/objectives/0/rows/0/results', now: '/axes/0/objectives/0/rows/0/results', label: { fr: 'Axe 1, objectif 1 — Résultats', en: 'Axis 1, objective 1 — Results' }, text: 'Reliez les résultats.', element: 'unchanged', outcome: 'still-open' },
            { pointer: '/axes/1/objectives/0/rows/0/budget', now: '/axes/1/objectives/0/rows/0/budget', label: { fr: 'Axe 2, objectif 1 — Budget', en: 'Axis 2, objective 1 — Budget' }, text: { fr: 'Montant sans année.', en: 'Amount without a year.' }, element: 'changed', outcome: 'addressed' },
            { pointer: '/axes/3/objectives/2', now: null, label: { fr: 'Axe 4, objectif 3', en: 'Axis 4, objective 3' }, text: 'Revoyez cet objectif.', element: 'removed', outcome: 'removed' },
          ],
        },
      },
      context(plan, locale),
    )
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
      expect(html).toContain(locale === 'fr-CA' ? 'Toujours à préciser' : 'Still to be clarified')
      await page.setContent(html, { waitUntil: 'load' })
      await page.addScriptTag({ content: axe })
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        })
        return result.violations.map((violation) => ({ id: violation.id, count: violation.nodes.length }))
      })
      expect(violations).toEqual([])
    } finally {
      await page.close()
    }
  }, 60_000)
})

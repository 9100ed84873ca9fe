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
        version: 1,
        author: 'Analyste',
        assessedAt: '2026-11-20T15:30:00Z',
      },
      context(plan, locale),
    )
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
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

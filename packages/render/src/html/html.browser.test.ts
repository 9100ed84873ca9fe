import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { evaluatePlan } from '@demarche/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../pdf/chromium.js'
import { context, hasTool, seeds, testOutput } from '../test-support.js'
import { planHtml } from './plan.js'
import { reportHtml } from './report.js'

const chromiumPath = findChromium()
const available = chromiumPath !== undefined || hasTool('chromium')

type Page = import('playwright-core').Page
type Browser = import('playwright-core').Browser

describe.skipIf(!available)('rendered HTML in headless Chromium', () => {
  let browser: Browser
  let page: Page
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

  beforeAll(async () => {
    const { chromium } = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function violations(html: string) {
    await page.setContent(html, { waitUntil: 'load' })
    await page.addScriptTag({ content: axe })
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      })
      return result.violations.map((violation) => ({ id: violation.id, count: violation.nodes.length }))
    })
  }

  it.each([
    ['crevale-2026-2028', seeds.crevale2026],
    ['crevale-2021', seeds.crevale2021],
    ['crevale-service-offer', seeds.crevaleServiceOffer],
  ])('the plan page of %s has no WCAG 2.2 A/AA violation', async (name, plan) => {
    expect(await violations(planHtml(plan(), context(plan())))).toEqual([])
    if (name === 'crevale-2026-2028') {
      const file = testOutput(`${name}.plan.png`, await page.screenshot({ fullPage: false }))
      console.info(`screenshot of the seed 000 plan page: ${file}`)
    }
  }, 60_000)

  it('the evaluation report page has no WCAG 2.2 A/AA violation', async () => {
    const plan = seeds.crevale2021()
    expect(await violations(reportHtml({ report: evaluatePlan(plan), plan }, context(plan)))).toEqual([])
  }, 60_000)

  it('prints the plan tables on landscape pages with "Page n de N"', async () => {
    await page.setContent(planHtml(seeds.crevale2026(), context(seeds.crevale2026())), { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    const pages = await page.evaluate(() => Array.from(document.querySelectorAll('.axis')).map((section) => getComputedStyle(section).getPropertyValue('page')))
    expect(pages).toEqual(['plan', 'plan', 'plan', 'plan'])
    await page.emulateMedia({ media: 'screen' })
  })
})

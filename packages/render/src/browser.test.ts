import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from './pdf/chromium.js'
import { planDocx } from './docx/plan.js'
import { planHtml } from './html/plan.js'
import { planMarkdown } from './markdown/plan.js'
import { context, hasTool, seeds } from './test-support.js'
import { planXlsx } from './xlsx/plan.js'

const chromiumPath = findChromium()
const available = chromiumPath !== undefined || hasTool('chromium')

/** A page script that renders the seed plan with the browser-capable entries and reports what it made. */
const ENTRY = `
import { examplePlans } from '@demarche/domain/examples'
import { createContext, planHtml, planMarkdown } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { planXlsx } from '@demarche/render/xlsx'
window.renderAll = async () => {
  const plan = examplePlans.crevale2026()
  const context = createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })
  const docx = await planDocx(plan, context)
  const xlsx = await planXlsx(plan, context)
  return {
    html: planHtml(plan, context).length,
    markdown: planMarkdown(plan, context).slice(0, 60),
    docx: [docx.length, String.fromCharCode(docx[0], docx[1])],
    xlsx: [xlsx.length, String.fromCharCode(xlsx[0], xlsx[1])],
  }
}
`

describe.skipIf(!available)('a browser bundle of the HTML, Markdown, DOCX and XLSX renderers', () => {
  let bundle: string
  let close: () => Promise<void>
  let page: import('playwright-core').Page

  beforeAll(async () => {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    })
    bundle = result.outputFiles[0]!.text
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] })
    close = () => browser.close()
    page = await browser.newPage()
  }, 120_000)

  afterAll(async () => {
    await close?.()
  })

  it('builds for the browser with no Node built-in and renders the seed plan in Chromium', async () => {
    expect(bundle).not.toMatch(/require\(["']node:/)
    await page.setContent('<!DOCTYPE html><html lang="fr-CA"><head><title>bundle</title></head><body></body></html>')
    await page.addScriptTag({ content: bundle })
    const result = await page.evaluate(() => (window as unknown as { renderAll: () => Promise<unknown> }).renderAll())
    // The same plan and clock give the same output in the browser as in Node.
    const plan = seeds.crevale2026()
    const node = { html: planHtml(plan, context(plan)).length, docx: (await planDocx(plan, context(plan))).length, xlsx: (await planXlsx(plan, context(plan))).length }
    expect(result).toEqual({
      html: node.html,
      markdown: planMarkdown(plan, context(plan)).slice(0, 60),
      docx: [node.docx, 'PK'],
      xlsx: [node.xlsx, 'PK'],
    })
  }, 120_000)
})

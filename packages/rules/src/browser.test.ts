import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluatePlan } from './index.js'

const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((candidate) => candidate && existsSync(candidate))
if (!chromiumPath) {
  if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error('chromium is required (DEMARCHE_REQUIRE_TOOLS is set) but is not installed')
  console.warn('\n⚠ chromium is not installed: the test of the rules engine in a browser is skipped.\n')
}

const planText = readFileSync(new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url), 'utf8')
const golden = readFileSync(new URL('../golden/crevale-2026-2028.report.json', import.meta.url), 'utf8')

/** The page's entry: the engine with its built-in rule sets, and the domain it stands on, as a web app would take them. */
const ENTRY = `
import { evaluatePlan } from './index.ts'
globalThis.evaluateInPage = (text, stage) => ({
  node: typeof process !== 'undefined',
  report: JSON.stringify(evaluatePlan(JSON.parse(text), { stage }), null, 2) + '\\n',
})
`

/** Bundles domain and rules for the browser, minified, as a web app would ship them. */
async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

describe.skipIf(!chromiumPath)('the rules engine in a browser', () => {
  let bundle: string
  let close: (() => Promise<void>) | undefined
  let page: import('playwright-core').Page

  beforeAll(async () => {
    bundle = await browserBundle()
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    close = () => browser.close()
    page = await browser.newPage()
    await page.setContent('<!DOCTYPE html><html lang="fr-CA"><head><title>rules</title></head><body></body></html>')
    await page.addScriptTag({ content: bundle })
  }, 120_000)

  afterAll(async () => {
    await close?.()
  })

  it('bundles domain and rules with no Node built-in, within a size budget', () => {
    expect(bundle).not.toMatch(/\brequire\(|\bfrom\s*["']node:|\bimport\(["']node:/)
    // A budget that catches a Node polyfill or a second copy of TypeBox pulled in by accident.
    expect(gzipSync(bundle).length).toBeLessThan(150_000)
  })

  it.each(['submission', 'draft'] as const)('evaluates the 2026-2028 plan (%s) with the report Node gives, byte for byte', async (stage) => {
    const inPage = await page.evaluate(
      ([text, stage]) => (globalThis as unknown as { evaluateInPage: (text: string, stage: string) => { node: boolean; report: string } }).evaluateInPage(text, stage),
      [planText, stage] as const,
    )
    // The browser has no Node built-ins: the portable SHA-256 made the hash the report holds.
    expect(inPage.node).toBe(false)
    const node = JSON.stringify(evaluatePlan(JSON.parse(planText), { stage }), null, 2) + '\n'
    expect(inPage.report).toBe(node)
    if (stage === 'submission') expect(inPage.report).toBe(golden)
  }, 60_000)
})

import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE, testApp, type TestApp } from './test-support.js'

const chromiumPath = '/usr/bin/chromium'

// Headers and the /docs page do not touch the database: run in the PGlite pass only.
describe.skipIf(!existsSync(chromiumPath) || DATABASE === 'postgres')(`headers: a Content-Security-Policy everywhere, /docs working under it (${DATABASE})`, () => {
  let t: TestApp
  let address: string
  beforeAll(async () => {
    t = await testApp()
    address = await t.app.listen({ port: 0, host: '127.0.0.1' })
  }, 60_000)
  afterAll(async () => t?.close())

  it('sends a CSP and helmet’s other defaults on every response', async () => {
    for (const url of ['/healthz', '/v1/plans', '/v1/nope', '/docs', '/openapi.json']) {
      const response = await t.app.inject({ url })
      expect(response.headers['content-security-policy'], url).toMatch(/default-src 'self'/)
      expect(response.headers['x-content-type-options'], url).toBe('nosniff')
      expect(response.headers['strict-transport-security'], url).toBeDefined()
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN')
    }
  })

  it('renders the operations list in Chromium with no CSP violation', async () => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
    try {
      const page = await browser.newPage()
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text())
      })
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => console.log(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`)))
      await page.goto(`${address}/docs`)
      await page.waitForSelector('.opblock-summary-operation-id, .opblock', { timeout: 20_000 })
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20)
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  }, 60_000)
})

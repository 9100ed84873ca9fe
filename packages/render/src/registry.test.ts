import { execFileSync } from 'node:child_process'
import { evaluatePlan } from '@demarche/rules'
import { describe, expect, it } from 'vitest'
import { planDocx, reportDocx } from './docx.js'
import { planHtml } from './html/plan.js'
import { reportHtml } from './html/report.js'
import { planMarkdown } from './markdown/plan.js'
import { reportMarkdown } from './markdown/report.js'
import { planPdf, reportPdf } from './pdf.js'
import { isRenderFormat, RENDER_FORMATS, REPORT_FORMATS, renderers } from './registry.js'
import { context, seeds } from './test-support.js'
import { planXlsx } from './xlsx.js'

const bytes = (output: string | Uint8Array) => Buffer.from(typeof output === 'string' ? new TextEncoder().encode(output) : output)

describe('the registry of renderers', () => {
  const plan = seeds.crevale2021()
  const input = { report: evaluatePlan(plan), plan, planHref: 'plan.html' }
  const pdf = { engine: 'pdfkit' as const }

  it('names every format once, with its media type and extension', () => {
    expect(Object.keys(renderers)).toEqual([...RENDER_FORMATS])
    for (const format of RENDER_FORMATS) expect(renderers[format].format).toBe(format)
    expect(REPORT_FORMATS).toEqual(['html', 'markdown', 'docx', 'pdf'])
    expect(renderers.markdown.extension).toBe('md')
    expect(renderers.xlsx.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(isRenderFormat('pdf')).toBe(true)
    expect(isRenderFormat('odt')).toBe(false)
  })

  it.each([
    ['html', () => planHtml(plan, context(plan))],
    ['markdown', () => planMarkdown(plan, context(plan))],
    ['docx', () => planDocx(plan, context(plan))],
    ['xlsx', () => planXlsx(plan, context(plan))],
    ['pdf', () => planPdf(plan, context(plan), pdf)],
  ] as const)('renders a plan as %s to the same bytes as the direct function', async (format, direct) => {
    const output = await renderers[format].renderPlan(plan, context(plan), { pdf })
    expect(typeof output === 'string').toBe(!renderers[format].binary)
    expect(bytes(output).equals(bytes(await direct()))).toBe(true)
  }, 60_000)

  it.each([
    ['html', () => reportHtml(input, context(plan, 'en-CA'))],
    ['markdown', () => reportMarkdown(input, context(plan, 'en-CA'))],
    ['docx', () => reportDocx(input, context(plan, 'en-CA'))],
    ['pdf', () => reportPdf(input, context(plan, 'en-CA'), pdf)],
  ] as const)('renders a report as %s to the same bytes as the direct function', async (format, direct) => {
    const output = await renderers[format].renderReport!(input, context(plan, 'en-CA'), { pdf })
    expect(bytes(output).equals(bytes(await direct()))).toBe(true)
  }, 60_000)

  it('passes a DOCX template through', async () => {
    const template = await planDocx(seeds.crevale2026(), context(seeds.crevale2026()))
    const { unzipSync, strFromU8 } = await import('fflate')
    const withTemplate = await renderers.docx.renderPlan(plan, context(plan), { template })
    expect(bytes(withTemplate).equals(bytes(await planDocx(plan, context(plan), { template })))).toBe(true)
    expect(strFromU8(unzipSync(withTemplate)['word/document.xml']!)).toBeTruthy()
  }, 60_000)
})

/**
 * Imports the built entry in a child Node with a resolve hook that reports every module it loads, then
 * (when asked) renders with one format: the format's library must appear only then.
 */
function modulesLoaded(format?: string): string[] {
  const hook = `
    let port
    export function initialize(data) { port = data.port }
    export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); port.postMessage(resolved.url); return resolved }
  `
  const script = `
    import { register } from 'node:module'
    import { MessageChannel } from 'node:worker_threads'
    const { port1, port2 } = new MessageChannel()
    const urls = []
    port1.on('message', (url) => urls.push(url))
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] })
    const render = await import(new URL('../dist/index.js', ${JSON.stringify(import.meta.url)}).href)
    const format = ${JSON.stringify(format ?? null)}
    if (format) {
      const { examplePlans } = await import('@demarche/domain/examples')
      const plan = examplePlans.crevale2021()
      await render.renderers[format].renderPlan(plan, render.createContext(plan, { clock: () => new Date(0) }), { pdf: { engine: 'pdfkit' } })
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    port1.close()
    console.log(JSON.stringify(urls))
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url), encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[]
}

const heavy = (urls: string[]) => ['docx', 'exceljs', 'pdfkit', 'playwright-core'].filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`) || url.includes(`/.pnpm/${name}@`)))

describe('importing @demarche/render', () => {
  it('loads none of docx, exceljs, pdfkit and playwright-core', () => {
    const urls = modulesLoaded()
    expect(urls.some((url) => url.endsWith('/dist/index.js'))).toBe(true)
    expect(heavy(urls)).toEqual([])
  }, 30_000)

  it.each([
    ['docx', ['docx']],
    ['xlsx', ['exceljs']],
    ['pdf', ['pdfkit']],
  ])('loads the library of %s on its first render', (format, libraries) => {
    expect(heavy(modulesLoaded(format))).toEqual(libraries)
  }, 60_000)
})

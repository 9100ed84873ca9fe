// pnpm bench (in packages/render): time per render of each format on seed 000 and on the generated M plan,
// against pandoc converting our Markdown of the same plan to DOCX and HTML, measured in the same run.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { examplePlans, generatedPlan } from '@demarche/domain/examples'
import { createContext, planHtml, planMarkdown } from '../dist/index.js'
import { planDocx } from '../dist/docx.js'
import { ChromiumPrinter, planPdf } from '../dist/pdf.js'
import { planXlsx } from '../dist/xlsx.js'

const clock = () => new Date('2026-11-23T12:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'render-bench-'))

/** Median of repeated runs (after warm-up), in ms. */
async function time(fn, runs) {
  for (let i = 0; i < 5; i++) await fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

/**
 * Medians of two functions called in alternation (one of each per round, after warm-up), so that a
 * renderer and its pandoc baseline are timed under the same machine load: on a shared virtual machine,
 * timing one for seconds and then the other moved their ratio from run to run.
 */
async function timePair(first, second, runs) {
  for (let i = 0; i < 3; i++) {
    await first()
    await second()
  }
  const samples = [[], []]
  for (let i = 0; i < runs; i++)
    for (const [index, fn] of [first, second].entries()) {
      const start = performance.now()
      await fn()
      samples[index].push(performance.now() - start)
    }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)])
}

const printer = await ChromiumPrinter.open()
const pandoc = (markdown, to) => {
  const input = join(dir, 'plan.md')
  writeFileSync(input, markdown)
  execFileSync('pandoc', ['-f', 'gfm', '-t', to, '-o', join(dir, `plan.${to}`), input])
}

const rows = []
for (const [name, plan, runs] of [['seed 000', examplePlans.crevale2026(), 15], ['M (1,000 rows)', generatedPlan(1_000), 5]]) {
  const context = createContext(plan, { clock })
  const markdown = planMarkdown(plan, context)
  const [docx, pandocDocx] = await timePair(() => planDocx(plan, context), () => pandoc(markdown, 'docx'), runs)
  const [html, pandocHtml] = await timePair(() => planHtml(plan, context), () => pandoc(markdown, 'html'), runs)
  const r = {
    name,
    html,
    markdown: await time(() => planMarkdown(plan, context), runs * 4),
    docx,
    xlsx: await time(() => planXlsx(plan, context), runs),
    pdfkit: await time(() => planPdf(plan, context, { engine: 'pdfkit' }), Math.min(runs, 5)),
    chromium: printer ? await time(() => planPdf(plan, context, { printer, engine: 'chromium' }), Math.min(runs, 5)) : NaN,
    pandocDocx,
    pandocHtml,
  }
  rows.push(r)
}
await printer?.close()

const ms = (value) => (Number.isNaN(value) ? '—' : value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`)
console.log(`Node ${process.version}, pandoc ${execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0].split(' ')[1]}, ${new Date().toISOString().slice(0, 10)}`)
console.log('| Plan | HTML | Markdown | DOCX | XLSX | PDF (pdfkit) | PDF (Chromium, warm) | pandoc → DOCX | pandoc → HTML | DOCX vs pandoc | HTML vs pandoc |')
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const r of rows)
  console.log(`| ${r.name} | ${ms(r.html)} | ${ms(r.markdown)} | ${ms(r.docx)} | ${ms(r.xlsx)} | ${ms(r.pdfkit)} | ${ms(r.chromium)} | ${ms(r.pandocDocx)} | ${ms(r.pandocHtml)} | ${(r.pandocDocx / r.docx).toFixed(1)}× | ${(r.pandocHtml / r.html).toFixed(0)}× |`)
const seed = rows[0]
console.log('')
console.log(`Targets on seed 000: DOCX ≥ 5× faster than pandoc: ${(seed.pandocDocx / seed.docx).toFixed(1)}×; HTML ≥ 50×: ${(seed.pandocHtml / seed.html).toFixed(0)}×; XLSX < 20 ms: ${ms(seed.xlsx)}; Chromium PDF < 500 ms warm: ${ms(seed.chromium)}`)

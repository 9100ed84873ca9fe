// A real client: LibreOffice opens the DOCX and the XLSX of the 2026-2028 plan and prints them to PDF, once
// each (a conversion takes seconds); the tests read what it printed.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { planDocx } from './docx/plan.js'
import { planPdf } from './pdf.js'
import { findChromium } from './pdf/chromium.js'
import { context, hasTool, seeds, testOutput } from './test-support.js'
import { planXlsx } from './xlsx/plan.js'

const tools = hasTool('soffice', ['--version']) && hasTool('pdfinfo', ['-v'])
/** LibreOffice Calc is a package of its own (libreoffice-calc): without it an XLSX "could not be loaded". */
const calc = tools && calcInstalled()

function calcInstalled(): boolean {
  if (existsSync('/usr/lib/libreoffice/program/libsclo.so')) return true
  if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error('LibreOffice Calc is required (DEMARCHE_REQUIRE_TOOLS is set) but is not installed')
  console.warn('\n⚠ LibreOffice Calc is not installed: the XLSX is not printed with LibreOffice.\n')
  return false
}

/** Prints `bytes` to PDF with LibreOffice, in a profile of its own (tests run in parallel); returns the PDF's text and page count. */
function printWithLibreOffice(bytes: Uint8Array, name: string): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'demarche-lo-'))
  const file = join(dir, name)
  writeFileSync(file, bytes)
  const run = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 })
  const log = `${run.stdout}${run.stderr}`
  const pdf = file.replace(/\.\w+$/, '.pdf')
  if (!existsSync(pdf)) throw new Error(`LibreOffice printed no PDF: ${log}`)
  return {
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]),
  }
}

const words = (text: string) => new Set(text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 3))

describe.skipIf(!tools)('the 2026-2028 plan opened in LibreOffice', () => {
  const plan = seeds.crevale2026()
  let docx: { text: string; pages: number }
  let xlsx: { text: string; pages: number } | undefined
  /** Pages of the same plan printed by Chromium, the layout the DOCX should come close to. */
  let chromiumPages: number | undefined
  beforeAll(async () => {
    docx = printWithLibreOffice(await planDocx(plan, context(plan)), 'plan.docx')
    if (findChromium()) {
      const file = testOutput('libreoffice-comparison.chromium.pdf', await planPdf(plan, context(plan), { engine: 'chromium' }))
      chromiumPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
    }
    if (calc) xlsx = printWithLibreOffice(await planXlsx(plan, context(plan)), 'plan.xlsx')
  }, 180_000)

  it('DOCX: every header word whole, and no more pages than the Chromium PDF, give or take one', () => {
    const headerWords = Object.values(context(plan).profile.columns).flatMap((column) => column.label.fr.split(/\s+/).filter((word) => word.length >= 6))
    expect(headerWords.filter((word) => [...word].some((_, k) => k > 0 && docx.text.includes(`${word.slice(0, k)}\n${word.slice(k)}`)))).toEqual([])
    // Columns as wide as their text needs and 9 pt table text, as the PDFs have: equal columns and body-size text ran over many more pages.
    expect(docx.pages).toBeLessThanOrEqual((chromiumPages ?? 13) + 1)
  })

  it('DOCX and XLSX: every word of the plan’s axes is printed', () => {
    const axisWords = words(plan.axes.flatMap((axis) => [axis.title, ...axis.objectives.flatMap((objective) => [objective.title, ...objective.rows.flatMap((row) => row.actions.map((action) => action.text))])]).join(' '))
    for (const printed of xlsx ? [docx, xlsx] : [docx]) {
      const have = words(printed.text)
      // A long word in a narrow column runs over two lines ("intersecto" / "rielle"): joined lines find it.
      const flat = printed.text.normalize('NFC').toLowerCase().replace(/-?\n/g, '')
      expect([...axisWords].filter((word) => !have.has(word) && !flat.includes(word))).toEqual([])
    }
  })
})

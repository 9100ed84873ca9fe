import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtinProfiles, findProfile, type PlanDocument, textsOf } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext, planHtml, planMarkdown } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { beforeAll, describe, expect, it } from 'vitest'
import { importDocx } from './import-docx.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')

/** Whether a tool is there; absent, the tests that need it say so and are skipped (they fail when DEMARCHE_REQUIRE_TOOLS is set). */
function hasTool(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error(`${command} is required (DEMARCHE_REQUIRE_TOOLS is set) but is not installed`)
    console.warn(`\n⚠ ${command} is not installed: the DOCX import tests that need it are skipped.\n`)
    return false
  }
}

// The renderers set quotation marks in French typography (« text », with no-break spaces): the words are what must be kept.
const plain = (text: string) => text.replace(/\*/g, '').replace(/[«“][\s\u00a0\u202f]*/g, '"').replace(/[\s\u00a0\u202f]*[»”]/g, '"').replace(/[’]/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ').trim()

/** The plan's texts (titles, means, results, steps, items) that the import did not find, in order. */
function missingInOrder(plan: PlanDocument, imported: PlanDocument): string[] {
  const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
  const expected = textsOf(plan, profile).filter((text) => text.kind === 'content').map((text) => plain(text.text))
  const found = textsOf(imported, profile).map((text) => plain(text.text))
  let at = 0
  return expected.filter((text) => {
    const index = found.indexOf(text, at)
    if (index < 0) return true
    at = index + 1
    return false
  })
}

const plans: Array<[string, () => PlanDocument]> = [
  ['2026-2028', examplePlans.crevale2026],
  ['2021', examplePlans.crevale2021],
  ['service offer', examplePlans.crevaleServiceOffer],
]

describe.runIf(hasTool('pandoc'))('plans converted to DOCX by pandoc', () => {
  for (const [name, load] of plans)
    for (const from of ['html', 'markdown'] as const)
      it(`imports the ${name} plan from pandoc’s DOCX of the ${from} output with every text kept, in order`, async () => {
        const plan = load()
        const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
        const context = createContext(plan, { clock: CLOCK })
        const source = from === 'html' ? await planHtml(plan, context) : await planMarkdown(plan, context)
        const folder = mkdtempSync(join(tmpdir(), 'demarche-pandoc-'))
        writeFileSync(join(folder, `plan.${from === 'html' ? 'html' : 'md'}`), source)
        execFileSync('pandoc', ['-f', from === 'html' ? 'html' : 'markdown', '-t', 'docx', '-o', join(folder, 'plan.docx'), join(folder, `plan.${from === 'html' ? 'html' : 'md'}`)])
        const { plan: imported, report } = importDocx(new Uint8Array(readFileSync(join(folder, 'plan.docx'))), { profile })
        expect(report.failed).toBe(false)
        expect(missingInOrder(plan, imported!)).toEqual([])
        // Each text in its place, not only somewhere: the axes and their objectives are the plan's.
        expect(imported!.axes.map((axis) => [plain(axis.title), axis.objectives.length])).toEqual(plan.axes.map((axis) => [plain(axis.title), axis.objectives.length]))
      }, 60_000)
})

describe.runIf(hasTool('soffice'))('plans converted to DOCX by LibreOffice', () => {
  const folder = mkdtempSync(join(tmpdir(), 'demarche-lo-'))
  const converted = (file: string) => new Uint8Array(readFileSync(join(folder, 'out', file)))
  // One LibreOffice run (in a profile of its own, so parallel runs do not clash) converts the three plans' HTML and re-saves the toolkit's own 2026-2028 DOCX.
  beforeAll(async () => {
    for (const [name, load] of plans) {
      const plan = load()
      writeFileSync(join(folder, `${slug(name)}.html`), await planHtml(plan, createContext(plan, { clock: CLOCK })))
    }
    const plan = examplePlans.crevale2026()
    writeFileSync(join(folder, 'own.docx'), await planDocx(plan, createContext(plan, { clock: CLOCK })))
    const files = [...plans.map(([name]) => `${slug(name)}.html`), 'own.docx']
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(folder, 'out'), ...files], { cwd: folder, encoding: 'utf8', timeout: 120_000 })
    for (const file of files) if (!existsSync(join(folder, 'out', file.replace(/\.html$/, '.docx')))) throw new Error(`LibreOffice did not convert ${file}: ${run.stdout}${run.stderr}`)
  }, 150_000)

  for (const [name, load] of plans)
    it(`imports the ${name} plan from LibreOffice’s DOCX of the HTML output with every text kept, in order`, () => {
      const plan = load()
      const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
      const { plan: imported, report } = importDocx(converted(`${slug(name)}.docx`), { profile })
      expect(report.failed).toBe(false)
      expect(missingInOrder(plan, imported!)).toEqual([])
      expect(imported!.axes.map((axis) => [plain(axis.title), axis.objectives.length])).toEqual(plan.axes.map((axis) => [plain(axis.title), axis.objectives.length]))
    })

  it('imports the toolkit’s own 2026-2028 DOCX re-saved by LibreOffice with every text kept, in order, nothing left unplaced', () => {
    const plan = examplePlans.crevale2026()
    const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
    const { plan: imported, report } = importDocx(converted('own.docx'), { profile })
    expect(report.failed).toBe(false)
    expect(report.unplaced).toEqual([])
    expect(missingInOrder(plan, imported!)).toEqual([])
  })
})

function slug(name: string): string {
  return name.replace(/\W+/g, '-')
}

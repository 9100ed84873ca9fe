import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtinProfiles, findProfile, type PlanDocument, textsOf } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext, planHtml, planMarkdown } from '@demarche/render'
import { describe, expect, it } from 'vitest'
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

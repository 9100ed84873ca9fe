import { readFile } from 'node:fs/promises'
import { examplePlans } from '@demarche/domain/examples'
import { findProfile, builtinProfiles, loadProfileText, type PlanDocument, preparePlan, type Profile } from '@demarche/domain'
import { unzipSync, zipSync } from 'fflate'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { describe, expect, it } from 'vitest'
import { importDocx } from './import-docx.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')
const plans: Array<[string, () => PlanDocument]> = [
  ['2026-2028', examplePlans.crevale2026],
  ['2021', examplePlans.crevale2021],
  ['offre de service', examplePlans.crevaleServiceOffer],
]

describe('round trip of the toolkit’s own DOCX', () => {
  for (const [name, load] of plans)
    it(`gives back the ${name} plan: ids, raw texts and notations equal`, async () => {
      const plan = load()
      const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
      const bytes = await planDocx(plan, createContext(plan, { clock: CLOCK }))
      const { plan: imported, report } = importDocx(bytes, { profile })
      expect(report.failed).toBe(false)
      expect(report.unplaced).toEqual([])
      expect(imported).toEqual(plan)
    })
})

describe('round trip of the toolkit’s own DOCX of a plan of another shape', () => {
  /** The Littoral region (docs/examples/littoral/): no axis level, unnumbered, sub-headings, notes, absent sections. */
  async function littoral(): Promise<{ profile: Profile; plan: PlanDocument }> {
    const folder = new URL('../../../../docs/examples/littoral/', import.meta.url)
    const loaded = loadProfileText(await readFile(new URL('littoral.profile.json', folder), 'utf8'), 'littoral.profile.json')
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
    return { profile: loaded.profile, plan: preparePlan(JSON.parse(await readFile(new URL('plan.json', folder), 'utf8')), loaded.profile) as PlanDocument }
  }

  for (const locale of ['fr-CA', 'en-CA'] as const)
    it(`gives back the Littoral plan exactly, and reads it from what the document shows alone (${locale})`, async () => {
      const { profile, plan } = await littoral()
      expect(plan.axes).toEqual([])
      expect(plan.objectives!.flatMap((objective) => objective.rows).some((row) => row.heading)).toBe(true)
      const bytes = await planDocx(plan, createContext(plan, { clock: CLOCK, locale, profile }))
      const { plan: imported, report } = importDocx(bytes, { profile })
      expect(report.issues.filter((found) => found.severity !== 'info')).toEqual([])
      expect(report.unplaced).toEqual([])
      expect(imported).toEqual(plan)
      // Without the plan the document carries (as after a copy into another document): the same texts, in the same places.
      const visible = importDocx(withoutStoredPlan(bytes), { profile })
      expect(visible.report.unplaced).toEqual([])
      expect(visible.report.issues.filter((found) => found.severity === 'error')).toEqual([])
      const read = visible.plan!
      expect(read.axes).toEqual([])
      expect(Object.keys(read).filter((key) => ['participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses'].includes(key))).toEqual([])
      const shape = (document: PlanDocument) =>
        document.objectives!.map((objective) => ({ title: objective.title, rows: objective.rows.map((row) => ({ heading: row.heading, actions: row.actions.map((action) => action.text) })) }))
      expect(shape(read)).toEqual(shape(plan))
      expect(read.narrative!.flatMap((section) => section.blocks)).toEqual(plan.narrative!.flatMap((section) => section.blocks))
      // The document's typography (a no-break space before « : ») is all that differs.
      const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
      expect(read.notes!.map((note) => spaced(note.text))).toEqual(plan.notes!.map((note) => note.text))
      // Each call taken off the text it follows, the note attached there; the closing remark, called nowhere, attached nowhere.
      expect(read.notes!.map((note) => note.at)).toEqual(['/objectives/0/rows/0/results/0/text', '/objectives/1/title', undefined])
    })
})

/** The document as Word shows it, without the toolkit's stored plan (its custom XML part). */
function withoutStoredPlan(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes)
  for (const name of Object.keys(parts)) if (name.startsWith('customXml/')) delete parts[name]
  return zipSync(parts)
}

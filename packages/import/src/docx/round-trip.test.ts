import { examplePlans } from '@demarche/domain/examples'
import { findProfile, builtinProfiles, type PlanDocument } from '@demarche/domain'
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

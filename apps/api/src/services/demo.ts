import { foldText, splitAcronym } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import type { Database } from '../db/client.js'
import { chantiers, organisations, plans, planVersions, programmes, transitions } from '../db/schema/index.js'
import { hashOf } from './audit.js'

export const DEMO = {
  programme: 'demarche-lanaudoise',
  chantier: 'reussite-educative',
} as const

/** Loads the seed plans as demo data into an empty database: the 2026 plan deposited, the 2021 plan accepted. */
export async function loadDemoData(db: Database): Promise<boolean> {
  const existing = await db.select({ id: programmes.id }).from(programmes).limit(1)
  if (existing.length > 0) return false
  const plan2026 = examplePlans.crevale2026()
  const plan2021 = examplePlans.crevale2021()
  await db.transaction(async (tx) => {
    await tx.insert(programmes).values({ id: DEMO.programme, name: plan2026.metadata.programme!.name, reviewingBody: plan2026.metadata.programme!.reviewingBody })
    await tx.insert(chantiers).values({ id: DEMO.chantier, name: plan2026.metadata.chantier!.name, programmeId: DEMO.programme, fiduciary: plan2026.metadata.chantier!.fiduciary ?? null })
    const seen = new Set<string>()
    for (const entry of plan2026.participants?.entries ?? []) {
      const { name, acronym } = splitAcronym(entry.name)
      const key = foldText(acronym ? `${name} (${acronym})` : name)
      if (seen.has(key)) continue
      seen.add(key)
      await tx.insert(organisations).values({ id: `org-${entry.id}`, name: entry.name, acronym: entry.acronym ?? acronym ?? null, nameKey: key })
    }
    for (const [plan, status] of [[plan2021, 'accepted'], [plan2026, 'deposited']] as const) {
      await tx.insert(plans).values({
        id: plan.id,
        chantierId: DEMO.chantier,
        programmeId: DEMO.programme,
        profileId: plan.profile.id,
        status,
        title: plan.metadata.title,
        firstYear: plan.metadata.period?.firstYear ?? null,
        lastYear: plan.metadata.period?.lastYear ?? null,
        version: 1,
        document: plan,
      })
      await tx.insert(planVersions).values({ planId: plan.id, version: 1, document: plan, hash: hashOf(plan)!, savedBy: 'demo' })
      await tx.insert(transitions).values({ planId: plan.id, name: 'deposit', fromStatus: 'draft', toStatus: 'deposited', version: 1, actor: 'demo', reason: null })
      if (status === 'accepted') await tx.insert(transitions).values({ planId: plan.id, name: 'accept', fromStatus: 'deposited', toStatus: 'accepted', version: 1, actor: 'demo', reason: null })
    }
  })
  return true
}

// Child process of crash.test.ts: saves versions of one plan in a loop and reports each acknowledged one.
import { examplePlans } from '@demarche/domain/examples'
import { eq } from 'drizzle-orm'
import { openDatabase } from './db/client.js'
import { chantiers, plans, planVersions, programmes } from './db/schema/index.js'

const [target, planId] = [JSON.parse(process.argv[2]!) as { url?: string; dataDir?: string }, process.argv[3]!]
const database = await openDatabase(target)
const { db } = database
const base = examplePlans.crevale2026()
await db.insert(programmes).values({ id: 'crash-programme', name: 'P', reviewingBody: 'T' }).onConflictDoNothing()
await db.insert(chantiers).values({ id: 'crash-chantier', name: 'C', programmeId: 'crash-programme' }).onConflictDoNothing()
const titled = (version: number) => ({ ...base, id: planId, metadata: { ...base.metadata, title: `${base.metadata.title} — ${version}` } })
await db.transaction(async (tx) => {
  await tx.insert(plans).values({ id: planId, chantierId: 'crash-chantier', programmeId: 'crash-programme', profileId: base.profile.id, status: 'draft', title: base.metadata.title, version: 1, document: titled(1) })
  await tx.insert(planVersions).values({ planId, version: 1, document: titled(1), hash: 'h', savedBy: 'crash' })
})
process.send!({ saved: 1 })
for (let version = 2; ; version++) {
  const document = titled(version)
  await db.transaction(async (tx) => {
    await tx.update(plans).set({ document, version, title: document.metadata.title }).where(eq(plans.id, planId))
    await tx.insert(planVersions).values({ planId, version, document, hash: 'h', savedBy: 'crash' })
  })
  process.send!({ saved: version })
}

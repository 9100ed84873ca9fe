// French spelling in the service: stored evaluations of the real plans report the typos a reader finds
// ("l’arrimages", "leurs appropriation", "lanadoise", "Lanaudaise") and nothing else of the spelling rule,
// as `demarche lint` does; POST /v1/evaluate stays without it (docs/api.md).
import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan } from '@demarche/rules'
import { loadFrenchSpelling } from '@demarche/rules/spelling'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

type Finding = { ruleId: string; messageId: string; pointer: string; message: { fr: string }; suggestion?: { fr: string } }
const spellingOf = (findings: Finding[]) =>
  findings.filter((finding) => finding.ruleId === 'spelling').map((finding) => [finding.messageId, finding.pointer, finding.message.fr, finding.suggestion?.fr])

describe(`stored evaluations check French spelling (${DATABASE})`, () => {
  it('reports the typos of the 2026-2028 plan, and no other spelling finding', async () => {
    const { app, keys } = t
    const stored = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2026-2028/evaluations', headers: bearer(keys.reviewer), payload: {} })
    expect(stored.statusCode, stored.body).toBe(201)
    const findings = stored.json().report.findings as Finding[]
    expect(spellingOf(findings)).toEqual([
      ['singular-article', '/axes/0/objectives/0/rows/0/actions/1/text', 'Accord : « l\'arrimages » — l’article « l’ » appelle un nom au singulier.', 'Écrire « l\'arrimage » ou « les arrimages ».'],
      [
        'plural-determiner',
        '/axes/1/objectives/0/rows/0/actions/0/text',
        'Accord : « leurs appropriation » — le déterminant pluriel « leurs » appelle un nom au pluriel.',
        'Écrire « leur appropriation » ou « leurs appropriations ».',
      ],
    ])
    // The whole report is the one `demarche lint` makes with its dictionary: same findings, criteria and score
    // (the plan's hash aside: it is taken over the JSON as stored, whose keys the database may reorder).
    const local = evaluatePlan(examplePlans.crevale2026(), { stage: 'submission', spellChecker: await loadFrenchSpelling() })
    expect({ ...stored.json().report, plan: null }).toEqual({ ...local, plan: null })
  }, 60_000)

  it('reports "lanadoise" and "Lanaudaise" in the 2021 plan, each with the plan’s own word as the fix', async () => {
    const { app, keys } = t
    const stored = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2021/evaluations', headers: bearer(keys.reviewer), payload: {} })
    expect(stored.statusCode, stored.body).toBe(201)
    const unknown = spellingOf(stored.json().report.findings).filter(([messageId]) => messageId === 'unknown')
    expect(unknown.map(([, pointer, message, suggestion]) => [pointer, message, suggestion])).toEqual(
      expect.arrayContaining([
        ['/regionalPriority', 'Mot inconnu du dictionnaire : « lanadoise ».', 'Écrire « lanaudoise ».'],
        ['/axes/0/title', 'Mot inconnu du dictionnaire : « Lanaudaise ».', 'Écrire « Lanaudoise ».'],
      ]),
    )
    // Every other spelling finding of the plan is one a reader acts on (packages/rules precision annotations).
    expect(unknown).toHaveLength(2)
  }, 60_000)

  it('the report rendered for the plan reports them too; POST /v1/evaluate does not check spelling', async () => {
    const { app, keys } = t
    const html = await app.inject({ method: 'GET', url: '/v1/plans/crevale-2026-2028/report?format=html', headers: bearer(keys.reviewer) })
    expect(html.statusCode).toBe(200)
    expect(html.body).toContain('data-rule="spelling" data-pointer="/axes/1/objectives/0/rows/0/actions/0/text"')
    const anonymous = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: examplePlans.crevale2026() })
    expect(spellingOf(anonymous.json().findings)).toEqual([])
  }, 60_000)
})

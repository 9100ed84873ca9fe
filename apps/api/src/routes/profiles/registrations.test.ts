// Registering profiles and rule sets over HTTP (the made-up region of docs/regions.md), and a plan of a
// registered profile taken through the whole review: created, evaluated with its programme's rule set,
// filtered by its years, deposited, assessed, returned, resubmitted, with its letter.
import { builtinProfiles, generic } from '@demarche/domain'
import { genericRuleSet } from '@demarche/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../../limits.js'
import { bearer, DATABASE, regionExample, testApp, type TestApp } from '../../test-support.js'

const { profileText, rulesText, plan } = await regionExample()

/** The profile file as YAML (JSON is YAML; a block map is what a person writes). */
const profileYaml = [
  'id: exemple-yaml',
  'version: 1',
  'extends: generic@1',
  'title:',
  '  fr: Plan de la Région de l’Exemple (YAML)',
  '  en: Example Region plan (YAML)',
  'columns:',
  '  budget:',
  '    presence: absent',
  '',
].join('\n')

let t: TestApp
const json = (key: string | undefined, payload: unknown, contentType = 'application/json') => ({
  headers: { ...(key && bearer(key)), 'content-type': contentType },
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
})

beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`POST /v1/profiles and /v1/rule-sets (${DATABASE})`, () => {
  it('is the admin’s alone, decided before the body is read', async () => {
    const huge = 'x'.repeat(LIMITS.definitionBytes * 2)
    for (const key of [undefined, t.keys.coordinator, t.keys.reviewer]) {
      for (const url of ['/v1/profiles', '/v1/rule-sets']) {
        const response = await t.app.inject({ method: 'POST', url, ...json(key, `{"id":"${huge}"}`) })
        expect([response.statusCode, response.json().code], url).toEqual([403, 'forbidden'])
      }
    }
    const tooLarge = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, `{"id":"${huge}"}`) })
    expect([tooLarge.statusCode, tooLarge.json().code]).toEqual([413, 'payload-too-large'])
  })

  it('registers a profile once: the same definition again is 200, another under its name is 409', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, profileText) })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.headers.location).toBe('/v1/profiles/exemple@1')
    expect(created.json()).toMatchObject({ id: 'exemple', version: 1, origin: 'registered', levels: { objective: { label: { fr: 'Stratégie' } } } })
    // `extends` applied: the generic profile's entries the file does not state are there.
    expect(created.json().partnerGroups).toEqual(generic.partnerGroups)
    // Keys in another order, `$schema` left out: the same definition.
    const { $schema: _schema, ...file } = JSON.parse(profileText) as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(file).reverse())
    const again = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, reordered) })
    expect([again.statusCode, again.json().origin]).toEqual([200, 'registered'])
    const changed = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { ...file, title: { fr: 'Autre titre', en: 'Another title' } }) })
    expect([changed.statusCode, changed.json().code]).toEqual([409, 'profile-version-exists'])
    expect(changed.json().errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/version', code: 'profile-version-exists' })])
    // A built-in profile: the same is 200 (and says so), another definition is 409.
    const builtin = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, generic) })
    expect([builtin.statusCode, builtin.json().origin]).toEqual([200, 'built-in'])
    const shadow = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { ...generic, title: { fr: 'Générique', en: 'Generic' } }) })
    expect([shadow.statusCode, shadow.json().code]).toEqual([409, 'profile-version-exists'])
    // Listed beside the built-in ones, each with its origin; read by id or id@version.
    const listed = (await t.app.inject({ method: 'GET', url: '/v1/profiles' })).json() as Array<{ id: string; origin: string; registeredAt?: string }>
    expect(listed.map(({ id, origin }) => `${id}:${origin}`)).toEqual([...builtinProfiles.map(({ id }) => `${id}:built-in`), 'exemple:registered'])
    expect(listed.at(-1)!.registeredAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    for (const ref of ['exemple', 'exemple@1']) expect((await t.app.inject({ method: 'GET', url: `/v1/profiles/${ref}` })).json()).toMatchObject({ id: 'exemple', origin: 'registered' })
    expect((await t.app.inject({ method: 'GET', url: '/v1/profiles/exemple@2' })).statusCode).toBe(404)
  })

  it('tells every mistake of a profile at its JSON Pointer, and at its line and column in YAML, writing nothing', async () => {
    const wrong = JSON.parse(profileText) as { columns: { budget: { presence: string } }; extends: string }
    wrong.columns.budget.presence = 'gone'
    const invalid = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { ...wrong, id: 'mauvais' }) })
    expect([invalid.statusCode, invalid.json().code]).toEqual([422, 'invalid-profile'])
    expect(invalid.json().errors).toContainEqual(expect.objectContaining({ in: 'body', pointer: '/columns/budget/presence' }))
    for (const error of invalid.json().errors as Array<{ message: { fr: string; en: string } }>) expect(error.message.fr).not.toBe(error.message.en)
    const unknownBase = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { ...wrong, id: 'mauvais', extends: 'ailleurs@1', columns: {} }) })
    expect(unknownBase.json().errors).toEqual([expect.objectContaining({ pointer: '/extends', code: 'unknown-profile' })])
    const yaml = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, profileYaml.replace('presence: absent', 'presence: gone'), 'application/yaml') })
    expect([yaml.statusCode, yaml.json().code]).toEqual([422, 'invalid-profile'])
    expect(yaml.json().errors).toContainEqual(expect.objectContaining({ pointer: '/columns/budget/presence', line: 9, column: 15 }))
    const syntax = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, 'id: [unclosed', 'text/yaml') })
    expect([syntax.statusCode, syntax.json().code]).toEqual([422, 'invalid-profile'])
    expect(syntax.json().errors[0]).toMatchObject({ code: 'syntax', line: 1 })
    const listed = (await t.app.inject({ method: 'GET', url: '/v1/profiles' })).json() as Array<{ id: string }>
    expect(listed.map(({ id }) => id)).not.toContain('mauvais')
    // The valid YAML registers, and its JSON twin is the same definition.
    const created = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, profileYaml, 'application/yaml') })
    expect([created.statusCode, created.json().columns.budget.presence]).toEqual([201, 'absent'])
    const twin = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { id: 'exemple-yaml', version: 1, extends: 'generic@1', title: created.json().title, columns: { budget: { presence: 'absent' } } }) })
    expect(twin.statusCode, twin.body).toBe(200)
  })

  it('bounds a definition once `extends` is applied, not only its body', async () => {
    // Each file under the body limit; the second, extending the first, would double the vocabulary.
    const entries = (prefix: string) =>
      Array.from({ length: Math.floor((LIMITS.definitionBytes * 0.7) / 110) }, (_, i) => ({ id: `${prefix}-${i}`, label: { fr: `Groupe partenaire numéro ${i} de la région`, en: `Partner group number ${i}` } }))
    const first = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { id: 'grand', version: 1, extends: 'generic@1', partnerGroups: entries('a') }) })
    expect(first.statusCode, first.body.slice(0, 300)).toBe(201)
    const second = await t.app.inject({ method: 'POST', url: '/v1/profiles', ...json(t.keys.admin, { id: 'plus-grand', version: 1, extends: 'grand@1', partnerGroups: entries('b') }) })
    expect([second.statusCode, second.json().code]).toEqual([413, 'definition-too-large'])
  })

  it('registers a rule set once, every rule and option checked, located', async () => {
    const unknownRule = await t.app.inject({ method: 'POST', url: '/v1/rule-sets', ...json(t.keys.admin, rulesText.replace('"row-has-budget": "off"', '"no-such-rule": "error"')) })
    expect([unknownRule.statusCode, unknownRule.json().code]).toEqual([422, 'invalid-rule-set'])
    expect(unknownRule.json().errors).toContainEqual(expect.objectContaining({ in: 'body', pointer: '/rules/no-such-rule' }))
    const created = await t.app.inject({ method: 'POST', url: '/v1/rule-sets', ...json(t.keys.admin, rulesText) })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ id: 'exemple', version: 1, origin: 'registered', profiles: ['exemple'] })
    expect(created.json().criteria).toContainEqual(expect.objectContaining({ id: 'plan-table', label: expect.objectContaining({ fr: 'Orientations, stratégies et gestes' }) }))
    expect((await t.app.inject({ method: 'POST', url: '/v1/rule-sets', ...json(t.keys.admin, rulesText) })).statusCode).toBe(200)
    const changed = await t.app.inject({ method: 'POST', url: '/v1/rule-sets', ...json(t.keys.admin, rulesText.replace('"no-repeated-words": "error"', '"no-repeated-words": "warning"')) })
    expect([changed.statusCode, changed.json().code]).toEqual([409, 'rule-set-version-exists'])
    expect((await t.app.inject({ method: 'POST', url: '/v1/rule-sets', ...json(t.keys.admin, genericRuleSet) })).json()).toMatchObject({ id: 'generic', origin: 'built-in' })
    const listed = (await t.app.inject({ method: 'GET', url: '/v1/rule-sets' })).json() as Array<{ id: string; origin: string }>
    expect(listed.map(({ id, origin }) => `${id}:${origin}`)).toEqual(['lanaudiere-2026:built-in', 'lanaudiere-2021:built-in', 'generic:built-in', 'exemple:registered'])
    expect((await t.app.inject({ method: 'GET', url: '/v1/rule-sets/exemple' })).json()).toMatchObject({ id: 'exemple', version: 1 })
  })
})

describe(`a plan of a registered profile, through the review (${DATABASE})`, () => {
  it('is created only in a programme of its profile, evaluated with the programme’s rule set, and reviewed like any plan', async () => {
    const { app, keys } = t
    const as = (key: keyof TestApp['keys']) => bearer(keys[key])
    // The region's files (registered by the tests above, or now: a registration is idempotent).
    for (const [url, text] of [['/v1/profiles', profileText], ['/v1/rule-sets', rulesText]] as const) expect([200, 201]).toContain((await app.inject({ method: 'POST', url, ...json(keys.admin, text) })).statusCode)
    // Names nobody registered are refused where they are written.
    const badProfile = await app.inject({ method: 'POST', url: '/v1/programmes', headers: as('admin'), payload: { id: 'ailleurs', name: 'Ailleurs', reviewingBody: 'Table', profile: 'ailleurs@1' } })
    expect([badProfile.statusCode, badProfile.json().errors[0].pointer]).toEqual([400, '/profile'])
    const badRules = await app.inject({ method: 'POST', url: '/v1/programmes', headers: as('admin'), payload: { id: 'ailleurs', name: 'Ailleurs', reviewingBody: 'Table', ruleSet: 'ailleurs@1' } })
    expect([badRules.statusCode, badRules.json().code, badRules.json().errors[0].pointer]).toEqual([422, 'invalid-rule-set', '/ruleSet'])
    const programme = await app.inject({ method: 'POST', url: '/v1/programmes', headers: as('admin'), payload: { id: 'exemple', name: 'Démarche de l’Exemple', reviewingBody: 'Table régionale de l’Exemple', profile: 'exemple@1', ruleSet: 'exemple@1' } })
    expect(programme.statusCode, programme.body).toBe(201)
    expect((await app.inject({ method: 'POST', url: '/v1/programmes', headers: as('admin'), payload: programme.json() })).json().code).toBe('programme-exists')
    expect((await app.inject({ method: 'POST', url: '/v1/chantiers', headers: as('admin'), payload: { id: 'lecture', name: 'Chantier lecture', programmeId: 'exemple' } })).statusCode).toBe(201)
    const coordinator = (await app.inject({ method: 'POST', url: '/v1/api-keys', headers: as('admin'), payload: { role: 'coordinator', chantierIds: ['lecture'], label: 'lecture' } })).json().key as string

    // A Lanaudière plan is not of the programme's profile.
    const lanaudiere = (await app.inject({ method: 'GET', url: '/v1/plans/crevale-2021', headers: as('admin') })).json().document
    const wrong = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(coordinator), payload: { chantierId: 'lecture', document: lanaudiere } })
    expect([wrong.statusCode, wrong.json().code, wrong.json().errors[0].pointer]).toEqual([422, 'wrong-profile', '/document/profile'])

    const created = await app.inject({ method: 'POST', url: '/v1/plans', headers: bearer(coordinator), payload: { chantierId: 'lecture', document: plan } })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    // The years in the profile's scheme: "Année 3" is July 2027 to June 2028.
    expect(created.json()).toMatchObject({ profileId: 'exemple', firstYear: 3, firstFiscalYear: '2027-2028' })
    const byYear = (await app.inject({ method: 'GET', url: '/v1/plans?firstYear=2027-2028&chantierId=lecture', headers: as('admin') })).json()
    expect(byYear.items.map((item: { id: string }) => item.id)).toEqual([id])

    const evaluation = await app.inject({ method: 'POST', url: `/v1/plans/${id}/evaluations`, headers: bearer(coordinator), payload: {} })
    expect(evaluation.statusCode, evaluation.body).toBe(201)
    expect(evaluation.json()).toMatchObject({ ruleSet: 'exemple@1', report: { valid: true, profile: { id: 'exemple', version: 1 } } })
    // Another rule set when asked, and the same report without storing it.
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/evaluations`, headers: bearer(coordinator), payload: { ruleSet: 'generic@1', stage: 'draft' } })).json().ruleSet).toBe('generic@1')
    const stateless = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: plan })
    expect(stateless.json()).toMatchObject({ ruleSet: { id: 'exemple' }, valid: true, score: evaluation.json().report.score })

    // A profile registered later changes nothing already stored.
    const registeredAgain = await app.inject({ method: 'POST', url: '/v1/profiles', ...json(keys.admin, { ...JSON.parse(profileText), title: { fr: 'Autre', en: 'Other' } }) })
    expect([registeredAgain.statusCode, registeredAgain.json().title_fr]).toEqual([409, expect.stringMatching(/1 plan\(s\) l’utilisent/)])

    // The review: deposit (submission-stage report with the region's grid), assessment, return, resubmit.
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/deposit`, headers: bearer(coordinator), payload: {} })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/start-review`, headers: as('reviewer'), payload: {} })).statusCode).toBe(200)
    const request = { id: 'r1', pointer: '/axes/0/objectives/0/title', text: 'Précisez la stratégie.' }
    const assessment = await app.inject({ method: 'PUT', url: `/v1/plans/${id}/assessment`, headers: as('reviewer'), payload: { criteria: [], recommendation: 'return', reasons: 'Une précision à apporter.', findings: [], requests: [request] } })
    expect(assessment.statusCode, assessment.body).toBe(201)
    expect(assessment.json().criteria.map((criterion: { id: string }) => criterion.id)).toContain('plan-table')
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/return`, headers: as('reviewer'), payload: { reason: 'Une précision.' } })).statusCode).toBe(200)
    const letter = await app.inject({ method: 'GET', url: `/v1/plans/${id}/assessment/letter?format=html`, headers: bearer(coordinator) })
    expect(letter.statusCode, letter.body.slice(0, 300)).toBe(200)
    expect(letter.body).toContain('Précisez la stratégie.')
    expect(letter.body).toContain('Orientations, stratégies et gestes')
    const etag = (await app.inject({ method: 'GET', url: `/v1/plans/${id}`, headers: bearer(coordinator) })).headers.etag as string
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/plans/${id}`,
      headers: { ...bearer(coordinator), 'if-match': etag, 'content-type': 'application/json-patch+json' },
      payload: JSON.stringify([{ op: 'replace', path: '/axes/0/objectives/0/title', value: 'Donner le goût de lire dès la naissance' }]),
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect((await app.inject({ method: 'POST', url: `/v1/plans/${id}/resubmit`, headers: bearer(coordinator), payload: {} })).statusCode).toBe(200)
    const followUp = (await app.inject({ method: 'GET', url: `/v1/plans/${id}/assessment`, headers: as('reviewer') })).json().followUp
    expect(followUp.requests).toEqual([expect.objectContaining({ id: 'r1', element: 'changed' })])
    const report = await app.inject({ method: 'GET', url: `/v1/plans/${id}/report?format=markdown`, headers: as('reviewer') })
    expect(report.body).toContain('Orientations, stratégies et gestes')
  }, 120_000)
})

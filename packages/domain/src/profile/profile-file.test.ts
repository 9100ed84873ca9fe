import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generic } from './generic.js'
import { lanaudiere2026 } from './lanaudiere-2026.js'
import { loadProfileText, profileFileJsonSchema, resolveProfileFile } from './profile-file.js'
import { builtinProfiles } from './registry.js'
import { planTerms } from './terms.js'
import { validatePlan } from '../validate.js'
import { examplePlans } from '../examples.js'

const exampleRegion = {
  id: 'exemple',
  version: 1,
  extends: 'generic@1',
  title: { fr: "Plan d'action de la Région de l'Exemple", en: 'Example Region action plan' },
  levels: {
    axis: { label: { fr: 'Orientation', en: 'Direction' }, short: { fr: 'Orientation', en: 'Direction' } },
    objective: { label: { fr: 'Stratégie', en: 'Strategy' }, short: { fr: 'stratégie', en: 'strategy' } },
  },
  columns: { budget: { presence: 'absent' }, responsible: { presence: 'required', label: { fr: 'Porteur', en: 'Lead' } } },
  preparationStepKinds: [{ id: 'other', remove: true }, { id: 'survey', label: { fr: 'Sondage', en: 'Survey' } }],
}

describe('profile files', () => {
  it('states only its differences from the profile it extends', () => {
    const result = resolveProfileFile(exampleRegion)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { profile } = result
    // Renamed without its grammar, the level does not keep the base's ("Axe" is masculine, "Orientation" is not).
    const { grammar: _baseGrammar, ...axisWithoutGrammar } = generic.levels.axis
    expect(profile.levels.axis).toEqual({ ...axisWithoutGrammar, label: { fr: 'Orientation', en: 'Direction' }, short: { fr: 'Orientation', en: 'Direction' } })
    expect(profile.levels.action).toEqual(generic.levels.action)
    expect(profile.columns.budget).toEqual({ ...generic.columns.budget, presence: 'absent' })
    expect(profile.columns.responsible.label.fr).toBe('Porteur')
    expect(profile.preparationStepKinds.map((kind) => kind.id)).toEqual(['meeting', 'survey'])
    expect(profile.sections).toEqual(generic.sections)
    expect(generic.preparationStepKinds.map((kind) => kind.id)).toEqual(['meeting', 'other'])
  })

  it('is a whole profile without extends', () => {
    expect(resolveProfileFile({ ...lanaudiere2026, id: 'copie' })).toEqual({ ok: true, profile: { ...lanaudiere2026, id: 'copie' } })
    const partial = resolveProfileFile({ id: 'partiel', version: 1, title: { fr: 'Partiel' } })
    expect(partial.ok).toBe(false)
  })

  it('names the known profiles when the base is unknown', () => {
    const result = resolveProfileFile({ ...exampleRegion, extends: 'lanaudiere-2099@1' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]!.pointer).toBe('/extends')
    for (const known of builtinProfiles) expect(result.issues[0]!.message.fr).toContain(`${known.id}@${known.version}`)
    expect(result.issues[0]!.message.en).toContain('Known profiles')
  })

  it('locates a bad value by pointer, line and column, in JSON and YAML', () => {
    const json = '{\n  "id": "exemple",\n  "version": 1,\n  "extends": "generic@1",\n  "columns": { "budget": { "presence": "maybe" } }\n}\n'
    const fromJson = loadProfileText(json, 'exemple.profile.json')
    expect(fromJson.ok).toBe(false)
    if (fromJson.ok) return
    const issue = fromJson.issues.find((candidate) => candidate.pointer === '/columns/budget/presence')
    expect(issue).toMatchObject({ file: 'exemple.profile.json', position: { line: 5, column: 40 } })
    expect(issue!.message.fr).not.toBe(issue!.message.en)

    const yaml = 'id: exemple\nversion: 1\nextends: generic@1\nlevels:\n  axis:\n    numbering: roman\n'
    const fromYaml = loadProfileText(yaml, 'exemple.profile.yaml')
    expect(fromYaml.ok).toBe(false)
    if (fromYaml.ok) return
    expect(fromYaml.issues.find((candidate) => candidate.pointer === '/levels/axis/numbering')).toMatchObject({ position: { line: 6, column: 16 } })
  })

  it('reports a syntax error with its line, and never throws on any input', () => {
    const broken = loadProfileText('{\n  "id": "exemple",\n  "version": 1,,\n}', 'broken.json')
    expect(broken.ok).toBe(false)
    if (broken.ok) return
    expect(broken.issues[0]).toMatchObject({ code: 'syntax', file: 'broken.json', position: { line: 3 } })
    for (const text of ['', 'null', '[]', '42', '"x"', '{"id": {}}', 'a: &a [*a]', '{"extends": "generic@1"}', '\u0000'])
      expect(loadProfileText(text, 'x.json').ok).toBe(false)
  })

  it('validates plans of a loaded profile', () => {
    const loaded = resolveProfileFile({ id: 'exemple', version: 1, extends: 'lanaudiere-2026@1', levels: exampleRegion.levels })
    if (!loaded.ok) throw new Error('example region does not load')
    const plan = examplePlans.crevale2026()
    plan.profile = { id: 'exemple', version: 1 }
    const unknown = validatePlan(plan)
    expect(unknown).toMatchObject({ ok: false, issues: [{ code: 'unknown-profile', pointer: '/profile' }] })
    expect(unknown.issues[0]!.message.fr).toContain('(profils connus : lanaudiere-2026@1, lanaudiere-2021@1, generic@1, crevale-service-offer@1)')
    expect(validatePlan(plan, { profiles: [loaded.profile] }).issues).toEqual([])
    expect(validatePlan(plan, { profiles: [...builtinProfiles, loaded.profile] })).toMatchObject({ ok: true, profile: { id: 'exemple' } })
  })

  it('inherits terms through extends, word by word, each word replaced whole', () => {
    // A chain: a Lanaudière edition's words, then a file that renames the group in French only.
    const base = resolveProfileFile({ id: 'base', version: 1, extends: 'lanaudiere-2026@1', terms: { programme: { fr: 'Table', en: 'Table' } } })
    if (!base.ok) throw new Error(JSON.stringify(base.issues))
    expect(base.profile.terms).toEqual({ ...lanaudiere2026.terms, programme: { fr: 'Table', en: 'Table' } })
    const child = resolveProfileFile({ id: 'enfant', version: 1, extends: 'base@1', terms: { group: { fr: 'Comité' } } }, [base.profile])
    if (!child.ok) throw new Error(JSON.stringify(child.issues))
    // The English "Chantier" of the base is not kept beside the file's French "Comité".
    expect(child.profile.terms!.group).toEqual({ fr: 'Comité' })
    expect(child.profile.terms!.programme).toEqual({ fr: 'Table', en: 'Table' })
    expect(child.profile.terms!.fiduciaryField).toEqual(lanaudiere2026.terms!.fiduciaryField)
    expect(planTerms(child.profile, 'en')).toMatchObject({ group: 'Comité', programme: 'Table', fiduciary: 'Fiduciary organisation', row: 'Row' })
    // A profile that states no words has the toolkit's neutral ones, none of them Lanaudière's.
    const { terms: _terms, ...silent } = lanaudiere2026
    expect(resolveProfileFile({ ...silent, id: 'muet' })).toMatchObject({ ok: true, profile: { id: 'muet' } })
    expect(planTerms({}, 'fr')).toEqual({ ...planTerms(generic, 'fr'), fiduciaryField: 'Organisme fiduciaire' })
    expect(Object.values(planTerms(generic, 'fr')).join(' ')).not.toMatch(/Chantier|Démarche|Personnes ressources|Ligne/)
    // The neutral words are not generic's definition: a file extending it resolves as it did before terms existed.
    expect(generic.terms).toBeUndefined()
    const extending = resolveProfileFile({ id: 'exemple', version: 1, extends: 'generic@1' })
    expect(extending.ok && extending.profile.terms).toBeUndefined()
  })

  it('locates a term of the wrong shape', () => {
    const json = '{\n  "id": "exemple",\n  "version": 1,\n  "extends": "generic@1",\n  "terms": {\n    "group": "Comité",\n    "chantier": { "fr": "Chantier" }\n  }\n}\n'
    const loaded = loadProfileText(json, 'exemple.profile.json')
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.issues.find((issue) => issue.pointer === '/terms/group')).toMatchObject({ file: 'exemple.profile.json', position: { line: 6 } })
    expect(loaded.issues.some((issue) => issue.pointer === '/terms' || issue.pointer === '/terms/chantier')).toBe(true)
    expect(resolveProfileFile({ id: 'vide', version: 1, extends: 'generic@1', terms: { row: { fr: '' } } }).ok).toBe(false)
  })

  it('publishes the JSON Schema committed in schemas/', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schemas/profile.schema.json', import.meta.url), 'utf8')) as unknown
    expect(committed).toEqual(profileFileJsonSchema())
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtinRules } from '../rules/index.js'
import { builtinRuleSets } from './index.js'
import { loadRuleSetText, ruleSetFileJsonSchema } from './rule-set-file.js'
import { examplePlans as examplePlansForTest } from '@demarche/domain/examples'
import { createEngine } from '../engine/engine.js'

const regionRules = {
  $schema: '../schemas/rule-set.schema.json',
  id: 'exemple',
  version: 1,
  title: { fr: "Grille de la Région de l'Exemple", en: 'Example Region grid' },
  extends: 'generic@1',
  profiles: ['exemple'],
  criteria: { 'plan-table': { label: { fr: 'Orientations et stratégies', en: 'Directions and strategies' } } },
  rules: { 'row-has-budget': 'off', 'no-repeated-words': 'error', 'follow-up-detail': { severity: 'warning', options: { minWords: 10 } } },
}

describe('rule set files', () => {
  it('loads a rule set that extends a built-in one and evaluates plans with it', () => {
    const loaded = loadRuleSetText(JSON.stringify(regionRules, null, 2), 'exemple.rules.json', builtinRuleSets, builtinRules)
    expect(loaded).toMatchObject({ ok: true, ruleSet: { id: 'exemple', version: 1 } })
    if (!loaded.ok) return
    const engine = createEngine({ rules: builtinRules, ruleSets: builtinRuleSets }, { ruleSets: [loaded.ruleSet] })
    const resolved = engine.resolve('exemple@1')
    expect(resolved.rules.find((config) => config.rule.id === 'no-repeated-words')?.severity).toBe('error')
    expect(resolved.criteria.find((criterion) => criterion.id === 'plan-table')?.label).toEqual({ fr: 'Orientations et stratégies', en: 'Directions and strategies' })
    const report = engine.evaluate(examplePlansForTest.crevale2026(), { ruleSet: 'exemple@1' })
    expect(report.ruleSet).toEqual({ id: 'exemple', version: 1 })
    expect(report.findings.some((finding) => finding.ruleId === 'row-has-budget')).toBe(false)
  })

  it('locates an unknown rule, a bad option and a bad severity in the file', () => {
    const text = JSON.stringify({ ...regionRules, rules: { 'no-such-rule': 'error', 'follow-up-detail': { options: { minWords: 'ten' } } } }, null, 2)
    const loaded = loadRuleSetText(text, 'exemple.rules.json', builtinRuleSets, builtinRules)
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    const unknown = loaded.issues.find((issue) => issue.pointer === '/rules/no-such-rule')
    expect(unknown).toMatchObject({ file: 'exemple.rules.json', position: { line: text.split('\n').findIndex((line) => line.includes('"no-such-rule"')) + 1 } })
    expect(unknown!.message.fr).toContain('Règle inconnue')
    expect(loaded.issues.some((issue) => issue.pointer === '/rules/follow-up-detail')).toBe(true)

    const badSeverity = loadRuleSetText('id: exemple\nversion: 1\ntitle: { fr: Exemple }\nrules:\n  no-repeated-words: fatal\n', 'exemple.rules.yaml', builtinRuleSets, builtinRules)
    expect(badSeverity.ok).toBe(false)
    if (badSeverity.ok) return
    expect(badSeverity.issues[0]).toMatchObject({ pointer: '/rules/no-repeated-words', position: { line: 5 } })
  })

  it('names an unknown base rule set at /extends and never throws', () => {
    const loaded = loadRuleSetText(JSON.stringify({ ...regionRules, extends: 'nowhere@3' }), 'x.json', builtinRuleSets, builtinRules)
    expect(loaded).toMatchObject({ ok: false, issues: [{ pointer: '/extends' }] })
    for (const text of ['', '[]', '{', 'null', '{"id": 1}']) expect(loadRuleSetText(text, 'x.json', builtinRuleSets, builtinRules).ok).toBe(false)
  })

  it('refuses a second definition of a known id@version', () => {
    const loaded = loadRuleSetText(JSON.stringify({ ...regionRules, id: 'generic', extends: undefined }, null, 2), 'generic.rules.json', builtinRuleSets, builtinRules)
    expect(loaded).toMatchObject({ ok: false, issues: [{ code: 'rule-set-exists', pointer: '/version', position: { line: 4 } }] })
  })

  it('publishes the JSON Schema committed in schemas/', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schemas/rule-set.schema.json', import.meta.url), 'utf8')) as unknown
    expect(committed).toEqual(ruleSetFileJsonSchema())
  })
})

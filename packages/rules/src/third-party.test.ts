// A region publishing its own rule set, written as another package would: the public API only.
import { examplePlans } from '@demarche/domain/examples'
import { createRulesEngine, defineRule, type RuleSetDefinition } from '@demarche/rules'
import { RuleTester } from '@demarche/rules/testing'
import Type from 'typebox'
import { describe, expect, it } from 'vitest'

const maxObjectivesPerAxis = defineRule<'too-many', { max: number }>({
  id: 'mauricie/max-objectives-per-axis',
  meta: {
    criterion: 'plan-table',
    docs: { fr: 'Un axe compte au plus le nombre d’objectifs fixé par l’option max.', en: 'An axis has at most the number of objectives set by the max option.' },
    serves: { fr: 'Lisibilité du plan régional.', en: 'Readability of the regional plan.' },
    messages: { 'too-many': { fr: 'Cet axe compte {count} objectifs (maximum {max}).', en: 'This axis has {count} objectives (at most {max}).' } },
    options: Type.Object({ max: Type.Integer({ minimum: 1 }) }),
    defaultOptions: { max: 5 },
    defaultSeverity: 'warning',
  },
  check({ plan, options, examine, report }) {
    plan.axes.forEach((axis, index) => {
      examine(`/axes/${index}`)
      if (axis.objectives.length > options.max) report('too-many', { pointer: `/axes/${index}/objectives`, subject: `/axes/${index}`, data: { count: axis.objectives.length, max: options.max } })
    })
  },
})

const objectiveStartsWithVerb = defineRule({
  id: 'mauricie/objective-starts-with-verb',
  meta: {
    criterion: 'plan-table',
    docs: { fr: 'Chaque objectif commence par un verbe à l’infinitif.', en: 'Each objective starts with a verb in the infinitive.' },
    serves: { fr: 'Guide de rédaction régional.', en: 'Regional writing guide.' },
    messages: { 'no-verb': { fr: 'L’objectif « {title} » ne commence pas par un verbe à l’infinitif.', en: 'Objective "{title}" does not start with an infinitive verb.' } },
    defaultSeverity: 'info',
  },
  check({ plan, examine, report }) {
    plan.axes.forEach((axis, a) =>
      axis.objectives.forEach((objective, o) => {
        const pointer = `/axes/${a}/objectives/${o}/title`
        examine(pointer)
        const first = objective.title.trim().split(/\s+/)[0] ?? ''
        if (!/(?:er|ir|re)$/i.test(first)) report('no-verb', { pointer, data: { title: objective.title } })
      }),
    )
  },
})

const mauricie: RuleSetDefinition = {
  id: 'mauricie-2027',
  version: 1,
  title: { fr: 'Grille de la Mauricie', en: 'Mauricie review grid' },
  extends: 'lanaudiere-2026@1',
  profiles: ['lanaudiere-2026'],
  criteria: { budget: { weight: 4 } },
  rules: {
    'punctuation-spacing': 'off',
    'mauricie/max-objectives-per-axis': { severity: 'warning', options: { max: 3 } },
    'mauricie/objective-starts-with-verb': 'info',
  },
}

describe('a third-party rule set built on lanaudiere-2026', () => {
  const engine = createRulesEngine({ rules: [maxObjectivesPerAxis, objectiveStartsWithVerb], ruleSets: [mauricie] })
  const base = engine.evaluate(examplePlans.crevale2026(), { ruleSet: 'lanaudiere-2026@1' })
  const report = engine.evaluate(examplePlans.crevale2026(), { ruleSet: 'mauricie-2027@1' })

  it('disables a rule of the base', () => {
    expect(base.findings.some((finding) => finding.ruleId === 'punctuation-spacing')).toBe(true)
    expect(report.findings.some((finding) => finding.ruleId === 'punctuation-spacing')).toBe(false)
  })

  it('re-weights a criterion', () => {
    expect(report.criteria.find((criterion) => criterion.id === 'budget')?.weight).toBe(4)
    expect(report.score).toBeLessThan(base.score)
  })

  it('adds two rules of its own', () => {
    expect(report.ruleSet).toEqual({ id: 'mauricie-2027', version: 1 })
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('mauricie/')).map((finding) => [finding.ruleId, finding.pointer])).toEqual([
      ['mauricie/max-objectives-per-axis', '/axes/3/objectives'],
    ])
    const twisted = examplePlans.crevale2026()
    twisted.axes[0]!.objectives[0]!.title = 'Arrimage des actions en réussite éducative.'
    expect(engine.evaluate(twisted, { ruleSet: 'mauricie-2027@1' }).findings.find((finding) => finding.ruleId === 'mauricie/objective-starts-with-verb')).toMatchObject({
      severity: 'info',
      label: { fr: 'Axe 1, objectif 1' },
      message: { en: 'Objective "Arrimage des actions en réussite éducative." does not start with an infinitive verb.' },
    })
  })

  RuleTester.describe = describe
  RuleTester.it = it
  new RuleTester().run(maxObjectivesPerAxis, {
    valid: [{ name: 'four objectives, limit five', plan: examplePlans.crevale2026() }],
    invalid: [{ name: 'four objectives, limit three', plan: examplePlans.crevale2026(), options: { max: 3 }, findings: [{ messageId: 'too-many', pointer: '/axes/3/objectives' }] }],
  })
})

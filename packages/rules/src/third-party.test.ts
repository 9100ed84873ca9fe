// A region publishing its own rule set, written as another package would: the public API only.
import { examplePlans } from '@demarche/domain/examples'
import { createRulesEngine, defineRule, formatReport, type FormatOptions, type RuleSetDefinition } from '@demarche/rules'
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

// A rule about each row, written with visitors: the engine calls `row` during its single walk of the plan.
const rowCitesMontageLine = defineRule({
  id: 'mauricie/row-cites-montage-line',
  meta: {
    criterion: 'budget',
    docs: { fr: 'Chaque ligne renvoie à une ligne du montage financier.', en: 'Each row refers to a line of the financial plan.' },
    serves: { fr: 'Guide de rédaction régional.', en: 'Regional writing guide.' },
    messages: { none: { fr: 'Cette ligne ne renvoie à aucune ligne du montage.', en: 'This row refers to no line of the financial plan.' } },
    defaultSeverity: 'info',
  },
  create({ examine, report }) {
    return {
      row({ row, pointer }) {
        examine(pointer)
        if (!row.budget?.value?.parts.some((part) => part.kind === 'line-ref')) report('none', { pointer, expected: `${pointer}/budget` })
      },
    }
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
    'mauricie/row-cites-montage-line': 'info',
  },
}

describe('a third-party rule set built on lanaudiere-2026', () => {
  const engine = createRulesEngine({ rules: [maxObjectivesPerAxis, objectiveStartsWithVerb, rowCitesMontageLine], ruleSets: [mauricie] })
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

  it('adds rules of its own, one of them with row visitors', () => {
    expect(report.ruleSet).toEqual({ id: 'mauricie-2027', version: 1 })
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('mauricie/')).map((finding) => [finding.ruleId, finding.pointer, finding.label.fr])).toEqual([
      ['mauricie/max-objectives-per-axis', '/axes/3/objectives', 'Axe 4'],
      ['mauricie/row-cites-montage-line', '/axes/3/objectives/1/rows/0', 'Axe 4, objectif 2 — Budget'],
      ['mauricie/row-cites-montage-line', '/axes/3/objectives/2/rows/0', 'Axe 4, objectif 3 — Budget'],
    ])
    const rowCriterion = report.criteria.find((criterion) => criterion.id === 'budget')
    expect(rowCriterion?.applicable).toBeGreaterThan(base.criteria.find((criterion) => criterion.id === 'budget')!.applicable)
    const twisted = examplePlans.crevale2026()
    twisted.axes[0]!.objectives[0]!.title = 'Arrimage des actions en réussite éducative.'
    expect(engine.evaluate(twisted, { ruleSet: 'mauricie-2027@1' }).findings.find((finding) => finding.ruleId === 'mauricie/objective-starts-with-verb')).toMatchObject({
      severity: 'info',
      label: { fr: 'Axe 1, objectif 1' },
      message: { en: 'Objective "Arrimage des actions en réussite éducative." does not start with an infinitive verb.' },
    })
  })

  it('keeps its rules described in SARIF when formatReport is given the engine’s rules', () => {
    const descriptors = (options: FormatOptions) => {
      const log = JSON.parse(formatReport('sarif', [{ file: 'plan.json', report }], { locale: 'en', ...options })) as {
        runs: [{ tool: { driver: { rules: Array<{ id: string }> } } }]
      }
      return new Map(log.runs[0].tool.driver.rules.map((descriptor) => [descriptor.id, descriptor]))
    }
    expect(descriptors({}).get('mauricie/max-objectives-per-axis')).toEqual({ id: 'mauricie/max-objectives-per-axis', name: 'MauricieMaxObjectivesPerAxis' })
    const described = descriptors({ rules: engine.rules })
    expect(described.get('mauricie/max-objectives-per-axis')).toEqual({
      id: 'mauricie/max-objectives-per-axis',
      name: 'MauricieMaxObjectivesPerAxis',
      shortDescription: { text: 'An axis has at most the number of objectives set by the max option.' },
      fullDescription: { text: 'An axis has at most the number of objectives set by the max option. Readability of the regional plan.' },
      properties: { criterion: 'plan-table' },
    })
    expect(described.get('mauricie/row-cites-montage-line')).toMatchObject({ properties: { criterion: 'budget' } })
    // The built-in rules stay described, whether the caller's list holds them or not.
    const builtin = report.findings.find((finding) => !finding.ruleId.startsWith('mauricie/'))!.ruleId
    for (const options of [{}, { rules: engine.rules }, { rules: [maxObjectivesPerAxis] }]) expect(descriptors(options).get(builtin)).toHaveProperty('shortDescription')
  })

  RuleTester.describe = describe
  RuleTester.it = it
  new RuleTester().run(maxObjectivesPerAxis, {
    valid: [{ name: 'four objectives, limit five', plan: examplePlans.crevale2026() }],
    invalid: [{ name: 'four objectives, limit three', plan: examplePlans.crevale2026(), options: { max: 3 }, findings: [{ messageId: 'too-many', pointer: '/axes/3/objectives' }] }],
  })
  const everyRowCites = examplePlans.crevale2026()
  for (const axis of everyRowCites.axes) for (const objective of axis.objectives) for (const row of objective.rows) row.budget = everyRowCites.axes[0]!.objectives[0]!.rows[0]!.budget
  new RuleTester().run(rowCitesMontageLine, {
    valid: [{ name: 'every row cites line 12', plan: everyRowCites }],
    invalid: [
      {
        name: 'seed 000: two rows give amounts only',
        plan: examplePlans.crevale2026(),
        findings: [
          { messageId: 'none', pointer: '/axes/3/objectives/1/rows/0', expected: '/axes/3/objectives/1/rows/0/budget', message: { fr: /aucune ligne du montage/ } },
          { messageId: 'none', pointer: '/axes/3/objectives/2/rows/0', expected: '/axes/3/objectives/2/rows/0/budget', message: { en: /no line/ } },
        ],
      },
    ],
  })
})

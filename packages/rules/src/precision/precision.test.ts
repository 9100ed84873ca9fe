import { readFileSync } from 'node:fs'
import { examplePlans } from '@demarche/domain/examples'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { loadFrenchSpelling } from '../spelling.js'
import { Annotations, measurePrecision, PRECISION_BEGIN, precisionSection } from './precision.js'

// The reader's judgement of every finding on the real plans (act on, debatable, noise): a change of the
// rules that makes noise again, or stops catching a real defect, fails here.
const annotations = JSON.parse(readFileSync(new URL('./annotations.json', import.meta.url), 'utf8')) as unknown
const plans = { 'crevale-2026-2028': examplePlans.crevale2026, 'crevale-2021': examplePlans.crevale2021, 'crevale-service-offer': examplePlans.crevaleServiceOffer }
const spellChecker = await loadFrenchSpelling()

/** Each real plan evaluated as a reviewer sees it: the default rule set, at submission, with the spelling checker. */
function measured() {
  const judged = annotations as Annotations
  return Object.entries(plans).map(([name, plan]) => {
    const report = evaluatePlan(plan(), { spellChecker })
    const entry = judged[name]!
    return { ...measurePrecision(name, entry.findings, report.findings), file: entry.file, ruleSet: entry.ruleSet, report }
  })
}

describe('precision on the real plans', () => {
  it('the annotations are well formed and cover every real plan', () => {
    expect(Value.Errors(Annotations, annotations)).toEqual([])
    expect(Object.keys(annotations as object).sort()).toEqual(Object.keys(plans).sort())
  })

  const results = measured()
  describe.each(results.map((result) => [result.plan, result] as const))('%s', (_, result) => {
    it('is judged by its default rule set', () => {
      expect(`${result.report.ruleSet.id}@${result.report.ruleSet.version}`).toBe(result.ruleSet)
    })

    it('has every finding judged (annotate a new finding in annotations.json)', () => {
      expect(result.unjudged.map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.pointer} ${finding.message.fr}`)).toEqual([])
    })

    it('makes no finding judged noise', () => {
      expect(result.noise).toBe(0)
    })

    it('still catches every finding judged worth acting on', () => {
      expect(result.lost.map((annotation) => `${annotation.ruleId} ${annotation.messageId} ${annotation.pointer}`)).toEqual([])
    })

    it('has a precision (act on / all) of at least 90 %', () => {
      expect(result.precision).toBeGreaterThanOrEqual(0.9)
    })
  })

  it('docs/rules.md reports this precision (run `pnpm --filter @demarche/rules docs` after a change)', () => {
    const committed = readFileSync(new URL('../../../../docs/rules.md', import.meta.url), 'utf8')
    expect(committed.slice(committed.indexOf(PRECISION_BEGIN))).toBe(precisionSection(results))
  })
})

describe('measurePrecision', () => {
  const finding = evaluatePlan(examplePlans.crevale2026()).findings[0]!
  const annotation = { ruleId: finding.ruleId, messageId: finding.messageId, pointer: finding.pointer, why: 'test' }

  it('counts each verdict and reports what is unjudged or lost', () => {
    expect(measurePrecision('p', [{ ...annotation, verdict: 'noise' }], [finding])).toMatchObject({ findings: 1, noise: 1, actOn: 0, precision: 0, lost: [] })
    expect(measurePrecision('p', [], [finding]).unjudged).toEqual([finding])
    expect(measurePrecision('p', [{ ...annotation, verdict: 'act-on' }], []).lost).toHaveLength(1)
    expect(measurePrecision('p', [{ ...annotation, quote: 'not in the message', verdict: 'act-on' }], [finding]).unjudged).toEqual([finding])
  })
})

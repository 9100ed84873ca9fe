import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { seedPlans } from './test-support.js'
import { validatePlan } from './validate.js'
import { XML_FORBIDDEN, xmlSafe } from './xml-text.js'

describe('characters XML forbids', () => {
  it('are refused where they are, in French and English', () => {
    const plan = seedPlans.crevale2026() as unknown as Record<string, any>
    plan.metadata.title = 'Plan \uFFFE'
    plan.axes[1].objectives[0].rows[0].actions[0].text = 'Agir\u0001 vite'
    plan.preparation.steps[0].text = 'moitié \ud800'
    const result = validatePlan(plan)
    expect(result.ok).toBe(false)
    expect(result.issues.map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/metadata/title', 'forbidden-character'],
      ['/preparation/steps/0/text', 'forbidden-character'],
      ['/axes/1/objectives/0/rows/0/actions/0/text', 'forbidden-character'],
    ])
    expect(result.issues[0]?.message.fr).toBe('Le texte contient un caractère interdit (U+FFFE, position 6) : retirez-le, aucun document ne pourrait le contenir.')
    expect(result.issues[2]?.message.en).toContain('U+0001, position 5')
  })

  it('leave tab, line breaks, accents and emoji alone', () => {
    const plan = seedPlans.crevale2026()
    plan.metadata.title = 'Plan\td’action\r\n« 2026 » 😀'
    expect(validatePlan(plan).ok).toBe(true)
  })

  it('xmlSafe drops exactly them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = xmlSafe(text)
        expect(XML_FORBIDDEN.test(safe)).toBe(false)
        if (!XML_FORBIDDEN.test(text)) expect(safe).toBe(text)
      }),
      { numRuns: 300 },
    )
    expect(xmlSafe('a\uFFFFb\ud83d\ude00\udc00')).toBe('ab\ud83d\ude00')
  })
})

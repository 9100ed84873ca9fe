import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { seedPlans } from './test-support.js'
import { validatePlan } from './validate.js'
import { XML_FORBIDDEN, forbiddenCharacterIssues, jsonMayHoldForbidden, xmlSafe } from './xml-text.js'

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

  it('are found in any string, key or value, at its pointer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (key, text) => {
        const issues = forbiddenCharacterIssues({ plan: [{ [key]: text }] })
        const expected = XML_FORBIDDEN.test(key) || XML_FORBIDDEN.test(text) ? [`/plan/0/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`] : []
        expect(issues.map((issue) => issue.pointer)).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('are never missed in JSON text, keys included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (key, text) => {
        if (XML_FORBIDDEN.test(key) || XML_FORBIDDEN.test(text)) expect(jsonMayHoldForbidden(JSON.stringify({ [key]: [text] }))).toBe(true)
      }),
      { numRuns: 1000 },
    )
    for (const character of ['\u0000', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\ud800', '\udfff'])
      expect(jsonMayHoldForbidden(JSON.stringify({ text: `a${character}b` })), character).toBe(true)
    expect(jsonMayHoldForbidden(JSON.stringify({ text: 'Plan\td’action\r\n« 2026 » 😀 \\ C:\\dossier' }))).toBe(false)
  })
})

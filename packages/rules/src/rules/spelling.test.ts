import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { loadFrenchSpelling } from '../spelling.js'
import { edited, seed2026 } from './cases/support.js'
import { MAX_DICTIONARY_SUGGESTIONS, MAX_SUGGESTED_WORD_LENGTH } from './spelling.js'

const spellChecker = await loadFrenchSpelling()
const spelling = (plan: unknown) => evaluatePlan(plan, { spellChecker }).findings.filter((finding) => finding.ruleId === 'spelling')

describe('the spelling rule', () => {
  it('suggests the plan’s own word first ("lanadoise" → "lanaudoise", from the programme’s name)', () => {
    const plan = edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = 'La population lanadoise.'))
    expect(spelling(plan).find((finding) => finding.messageId === 'unknown')?.suggestion).toEqual({ fr: 'Écrire « lanaudoise ».', en: 'Write "lanaudoise".' })
  })

  it('asks Hunspell for at most a few suggestions per evaluation, and stays bounded on a text of made-up words', () => {
    // Thousands of distinct words nothing knows: each is reported, few get a dictionary suggestion, and the
    // evaluation ends (the near-miss search and Hunspell's suggestions are capped).
    const letters = (index: number) => [...index.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')
    const words = Array.from({ length: 3000 }, (_, index) => `zq${letters(index)}vbk`)
    const plan = edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = words.join(' ')))
    const unknown = spelling(plan).filter((finding) => finding.messageId === 'unknown')
    expect(unknown).toHaveLength(3000)
    expect(unknown.filter((finding) => finding.suggestion).length).toBeLessThanOrEqual(MAX_DICTIONARY_SUGGESTIONS)
  })

  it('asks Hunspell nothing for a word longer than any French word (its time grows with the length), and still reports it', () => {
    const long = `zq${'abcvbk'.repeat(8)}`
    expect(long.length).toBeGreaterThan(MAX_SUGGESTED_WORD_LENGTH)
    const asked: string[] = []
    const counting = { correct: (word: string) => spellChecker.correct(word), suggest: (word: string) => (asked.push(word), spellChecker.suggest(word)) }
    const plan = edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = `${long} puis grenouile.`))
    const unknown = evaluatePlan(plan, { spellChecker: counting }).findings.filter((finding) => finding.ruleId === 'spelling' && finding.messageId === 'unknown')
    expect(asked).toEqual(['grenouile'])
    expect(unknown.map((finding) => [finding.message.fr.includes(long), finding.suggestion?.fr])).toEqual([
      [false, 'Écrire « grenouille ».'],
      [true, undefined],
    ])
  })

  it('is inactive without a checker', () => {
    expect(evaluatePlan(seed2026()).findings.filter((finding) => finding.ruleId === 'spelling')).toEqual([])
  })
})

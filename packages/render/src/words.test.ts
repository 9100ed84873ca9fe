import { describe, expect, it } from 'vitest'
import { wordsOf } from './words.js'

describe('the words catalogue', () => {
  it('writes the colon and numbers as each locale does', () => {
    expect(wordsOf({ locale: 'fr-CA' }).colon).toBe('\u00a0: ')
    expect(wordsOf({ locale: 'en-CA' }).colon).toBe(': ')
    expect(wordsOf({ locale: 'fr-CA' }).number(78.4)).toBe('78,4')
    expect(wordsOf({ locale: 'en-CA' }).pageOf(2, 9)).toBe('Page 2 of 9')
  })

  it('names and counts findings as the rules package’s reports do', () => {
    const counts = { errors: 1, warnings: 2, infos: 3 }
    expect(wordsOf({ locale: 'fr-CA' }).report.summary(counts)).toBe('1 erreur, 2 avertissements, 3 informations')
    expect(wordsOf({ locale: 'en-CA' }).report.summary(counts)).toBe('1 error, 2 warnings, 3 infos')
    expect(wordsOf({ locale: 'fr-CA' }).report.severity.info).toBe('Information')
    expect(wordsOf({ locale: 'en-CA' }).report.severity.info).toBe('Info')
  })
})

import { describe, expect, it } from 'vitest'
import { interpolate, localize } from './locale.js'

describe('interpolate', () => {
  it('fills placeholders with numbers, texts and values given in both languages, read in the locale', () => {
    const data = { year: 2026, name: 'CREVALE', column: { fr: 'Partenaires', en: 'Partners' } }
    expect(interpolate('{name} ({column}) en {year}', data)).toBe('CREVALE (Partenaires) en 2026')
    expect(interpolate('{name} ({column}) in {year}', data, 'en')).toBe('CREVALE (Partners) in 2026')
  })

  it('leaves unknown names visible, and does not read inherited properties', () => {
    expect(interpolate('{missing} et {toString}', { other: 1 })).toBe('{missing} et {toString}')
    expect(interpolate('sans marque', { a: 1 })).toBe('sans marque')
  })

  it('falls back to French where a value has no English', () => {
    expect(interpolate('{label}', { label: { fr: 'Axe' } }, 'en')).toBe('Axe')
    expect(localize({ fr: 'Axe', en: 'Axis' }, 'en')).toBe('Axis')
  })
})

import { describe, expect, it } from 'vitest'
import { generic } from '../profile/generic.js'
import { lanaudiere2026 } from '../profile/lanaudiere-2026.js'
import { documentFieldLabels } from './plan-form.js'

describe('the Document sheet’s year fields', () => {
  it('name the word of a form whose years are numbered (Lanaudière’s « An »), as they always have', () => {
    expect(documentFieldLabels(lanaudiere2026, 'fr')).toMatchObject({ firstYear: 'Première année (An)', lastYear: 'Dernière année (An)' })
    expect(documentFieldLabels(lanaudiere2026, 'en')).toMatchObject({ firstYear: 'First year (Year)', lastYear: 'Last year (Year)' })
  })

  it('say which year is 1 in a form dated in calendar or fiscal years', () => {
    const calendar = { ...generic, yearScheme: { notation: 'calendar-year', originYear: 2007, startMonth: 1, label: { fr: '{n}', en: '{n}' } } } as const
    expect(documentFieldLabels(calendar, 'fr')).toMatchObject({ firstYear: 'Première année (1 = 2008)', lastYear: 'Dernière année (1 = 2008)' })
    const fiscal = { ...generic, yearScheme: { notation: 'fiscal-year', originYear: 2020, startMonth: 4, label: { fr: '{n}', en: '{n}' } } } as const
    expect(documentFieldLabels(fiscal, 'en').firstYear).toMatch(/^First year \(1 = 2021.2022\)$/)
  })

  it('have no brackets for a form whose years are bare numbers', () => {
    const bare = { ...generic, yearScheme: { ...generic.yearScheme, label: { fr: '{n}', en: '{n}' } } }
    expect(documentFieldLabels(bare, 'fr')).toMatchObject({ firstYear: 'Première année', lastYear: 'Dernière année' })
  })
})

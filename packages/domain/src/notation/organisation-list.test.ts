import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseContacts, parseOrganisationList } from './organisation-list.js'

describe('parseOrganisationList', () => {
  it('reads alternatives', () => {
    expect(parseOrganisationList('CREVALE ou AUTRE').value).toEqual({
      names: [{ text: 'CREVALE' }, { text: 'AUTRE', placeholder: 'other' }],
      mode: 'any',
    })
  })

  it.each([
    ['...', 'ellipsis'],
    ['À déterminer', 'to-be-determined'],
    ['a determiner', 'to-be-determined'],
  ])('marks %j as a placeholder', (raw, placeholder) => {
    expect(parseOrganisationList(raw).value?.names).toEqual([{ text: raw, placeholder }])
  })

  it('splits on line breaks and commas and notes open-ended lists', () => {
    expect(parseOrganisationList('Membres du Chantier\nCoordination du Chantier').value?.names.map((n) => n.text)).toEqual([
      'Membres du Chantier',
      'Coordination du Chantier',
    ])
    expect(parseOrganisationList('CJE du nord de Lanaudière CRUL CSSS CMS...').value?.names).toEqual([
      { text: 'CJE du nord de Lanaudière CRUL CSSS CMS', open: true },
    ])
  })

  it('reads a trailing "etc." as an open list, not as a name', () => {
    expect(parseOrganisationList('CREVALE CJE Groupes en alphabétisation, CRÉDIL, SAFIMA, etc.').value?.names).toEqual([
      { text: 'CREVALE CJE Groupes en alphabétisation' },
      { text: 'CRÉDIL' },
      { text: 'SAFIMA', open: true },
    ])
  })

  it('never throws and keeps the raw text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const list = parseOrganisationList(raw)
        expect(list.raw).toBe(raw)
        for (const name of list.value?.names ?? []) expect(name.text.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('parseContacts', () => {
  it('splits contacts on " / "', () => {
    expect(parseContacts('Lory-El Dumas Daigle / Geneviève Rinfret').value?.names).toEqual(['Lory-El Dumas Daigle', 'Geneviève Rinfret'])
  })

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (raw) => {
      expect(parseContacts(raw).raw).toBe(raw)
    }), { numRuns: 1000 })
  })
})

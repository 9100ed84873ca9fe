import { describe, expect, it } from 'vitest'
import { formatDate, typeset } from './typography.js'

describe('typeset (OQLF)', () => {
  it('puts a no-break space before colons and inside guillemets', () => {
    expect(typeset('Contenus :', true)).toBe('Contenus\u00a0:')
    expect(typeset('Recherche #1 : L’approche', true)).toBe('Recherche #1\u00a0: L’approche')
    expect(typeset('Identification du répondant "Concertations en réussite éducative"', true)).toBe('Identification du répondant «\u00a0Concertations en réussite éducative\u00a0»')
    expect(typeset('«mot»', true)).toBe('«\u00a0mot\u00a0»')
  })

  it('leaves URLs, times and English alone', () => {
    expect(typeset('https://www.crevale.org/boite-a-outils', true)).toBe('https://www.crevale.org/boite-a-outils')
    expect(typeset('à 10:30', true)).toBe('à 10:30')
    expect(typeset('Note : yes', false)).toBe('Note : yes')
  })

  it('spaces ; ! ? as the policy says', () => {
    expect(typeset('Vraiment ? Oui !', true)).toBe('Vraiment? Oui!')
    expect(typeset('Vraiment ? Oui !', true, { highPunctuation: 'narrow' })).toBe('Vraiment\u202f? Oui\u202f!')
  })

  it('is idempotent', () => {
    const once = typeset('A : « b » ; c "d" ?', true, { highPunctuation: 'narrow' })
    expect(typeset(once, true, { highPunctuation: 'narrow' })).toBe(once)
  })
})

describe('formatDate', () => {
  it('writes French dates with "1er" and no-break spaces, English dates en-CA style', () => {
    expect(formatDate('2026-02-26', true)).toBe('26\u00a0février\u00a02026')
    expect(formatDate('2026-03-01', true)).toBe('1er\u00a0mars\u00a02026')
    expect(formatDate(new Date('2026-02-26T23:00:00Z'), false)).toBe('February\u00a026, 2026')
  })
})

import { describe, expect, it } from 'vitest'
import { mentionsTerm, stemOf, stemsOf } from './french.js'

describe('French stems', () => {
  it('relates the forms of a word, accents and case ignored', () => {
    expect(stemOf('arrimages')).toBe(stemOf('arrimage'))
    expect(stemOf('Élaboration')).toBe(stemOf('elaboration'))
    expect(mentionsTerm(stemsOf('Une collaboration optimisée entre les partenaires'), stemsOf('collaborations'))).toBe(true)
    expect(mentionsTerm(stemsOf('Des connaissances partagées'), stemsOf('collaboration'))).toBe(false)
  })

  it('gives the same stems after its store of stems has started afresh', () => {
    const before = ['arrimages', 'concertation', 'persévérance'].map(stemOf)
    // More distinct words than the store keeps: it is emptied once on the way.
    for (let n = 0; n < 50_001; n++) stemOf(`mot${n}`)
    expect(['arrimages', 'concertation', 'persévérance'].map(stemOf)).toEqual(before)
    expect(stemOf('mot7')).toBe('mot7')
  })
})

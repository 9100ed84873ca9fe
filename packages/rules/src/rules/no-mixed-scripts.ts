import { defineRule } from '../engine/rule.js'

const SCRIPTS: ReadonlyArray<[name: { fr: string; en: string }, pattern: RegExp]> = [
  [{ fr: 'latin', en: 'Latin' }, /\p{Script=Latin}/u],
  [{ fr: 'cyrillique', en: 'Cyrillic' }, /\p{Script=Cyrillic}/u],
  [{ fr: 'grec', en: 'Greek' }, /\p{Script=Greek}/u],
]

const NON_LATIN = /[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]/

export default defineRule({
  id: 'no-mixed-scripts',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Aucun mot ne mêle des lettres de deux alphabets (latin et cyrillique ou grec) : ces lettres se ressemblent mais font échouer la recherche et le tri.',
      en: 'No word mixes letters of two alphabets (Latin and Cyrillic or Greek): they look alike but break search and sorting.',
    },
    serves: { fr: 'Hygiène du texte : alphabets mêlés dans les noms.', en: 'Text hygiene: mixed alphabets in names.' },
    messages: {
      mixed: { fr: 'Le mot « {word} » mêle des alphabets : {letters}.', en: 'The word "{word}" mixes alphabets: {letters}.' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      text({ pointer, text }) {
        if (text.trim() === '') return
        examine(pointer)
        // Only Greek or Cyrillic letters can mix with Latin ones: most texts have none.
        if (!NON_LATIN.test(text)) return
        for (const word of text.match(/\p{L}+/gu) ?? []) {
          const found = SCRIPTS.filter(([, pattern]) => pattern.test(word))
          if (found.length < 2) continue
          const foreign = [...word].filter((letter) => !/\p{Script=Latin}/u.test(letter))
          const describe = (locale: 'fr' | 'en') =>
            foreign
              .map((letter) => {
                const script = SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0][locale] ?? '?'
                const code = `U+${letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
                return locale === 'fr' ? `« ${letter} » (${code}, ${script})` : `"${letter}" (${code}, ${script})`
              })
              .join(', ')
          report('mixed', { pointer, data: { word, letters: { fr: describe('fr'), en: describe('en') } } })
        }
      },
    }
  },
})

import { defineRule } from '../engine/rule.js'

/** Pronouns that legitimately repeat in French ("nous nous réunissons"). */
const ALLOWED = new Set(['nous', 'vous'])
const LIST_CONTINUES = /^[ \t]*(?:,|et\b|ou\b|and\b|or\b)/

export default defineRule({
  id: 'no-repeated-words',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Aucun mot n’est répété tel quel à la suite (« le le ») ni dans une énumération (« efficacité, efficacité et portée »), sauf les pronoms qui se répètent en français (« nous nous »).',
      en: 'No word is repeated right after itself ("le le") or within an enumeration ("efficacité, efficacité et portée"), except pronouns that repeat in French ("nous nous").',
    },
    serves: { fr: 'Hygiène du texte : mots répétés.', en: 'Text hygiene: repeated words.' },
    messages: { repeated: { fr: 'Mot répété : « {words} ».', en: 'Repeated word: "{words}".' } },
    defaultSeverity: 'warning',
  },
  check({ texts, examine, report }) {
    for (const { pointer, text } of texts) {
      if (text.trim() === '') continue
      examine(pointer)
      for (const repeat of repeatedWords(text))
        report('repeated', { pointer, data: { words: repeat.words }, suggestion: { fr: `Remplacer par « ${repeat.word} ».`, en: `Replace with "${repeat.word}".` } })
    }
  },
})

/**
 * Words repeated right after themselves ("le le"), or after a comma inside an enumeration ("efficacité,
 * efficacité et"): a scan of word boundaries that allocates only when a candidate is found.
 */
function* repeatedWords(text: string): Generator<{ word: string; words: string }> {
  let previousStart = -1
  let previousEnd = -1
  let i = 0
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (i < text.length && isLetter(text.charCodeAt(i))) i++
    const end = i
    if (previousStart >= 0 && end - start === previousEnd - previousStart && end - start >= 2) {
      const gap = text.slice(previousEnd, start)
      const word = text.slice(start, end)
      const sameWord = word.toLowerCase() === text.slice(previousStart, previousEnd).toLowerCase()
      const plainGap = /^[ \t]+$/.test(gap)
      const listGap = /^[ \t]*,[ \t]*$/.test(gap) && LIST_CONTINUES.test(text.slice(end))
      if (sameWord && (plainGap || listGap) && !ALLOWED.has(word.toLowerCase())) yield { word, words: text.slice(previousStart, end) }
    }
    previousStart = start
    previousEnd = end
  }
}

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba
  if (code === 0xd7 || code === 0xf7) return false
  if (code <= 0x24f) return true
  if (code >= 0x2000 && code <= 0x2bff) return false
  return /\p{L}/u.test(String.fromCharCode(code))
}

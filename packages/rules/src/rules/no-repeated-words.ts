import type { Profile } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { foldAccents } from './french.js'

/** Pronouns that legitimately repeat in French ("nous nous réunissons"). */
const ALLOWED = new Set(['nous', 'vous'])
const LIST_CONTINUES = /^[ \t]*(?:,|et\b|ou\b|and\b|or\b)/

export default defineRule({
  id: 'no-repeated-words',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Aucun mot n’est répété tel quel à la suite (« le le ») ni dans une énumération (« efficacité, efficacité et portée »), sauf les pronoms qui se répètent en français (« nous nous »). Une correction n’est proposée que si le vocabulaire du profil écrit le passage (« efficience, efficacité ») : sinon, le bon mot peut être un autre, que la règle ne devine pas.',
      en: 'No word is repeated right after itself ("le le") or within an enumeration ("efficacité, efficacité et portée"), except pronouns that repeat in French ("nous nous"). A fix is suggested only when the profile’s vocabulary writes the passage ("efficience, efficacité"): otherwise the right word may be another one, which the rule does not guess.',
    },
    serves: { fr: 'Hygiène du texte : mots répétés.', en: 'Text hygiene: repeated words.' },
    messages: { repeated: { fr: 'Mot répété : « {words} ».', en: 'Repeated word: "{words}".' } },
    defaultSeverity: 'warning',
  },
  create({ profile, examine, report }) {
    let phrases: string[] | undefined
    // A plan repeats the same slip from row to row: each word's fix is looked up in the vocabulary once.
    const fixes = new Map<string, string | undefined>()
    const fixOf = (repeat: Repeat) => {
      if (!repeat.gap.includes(',')) return undefined
      const key = repeat.word.toLowerCase()
      if (!fixes.has(key)) fixes.set(key, vocabularyFix(repeat, (phrases ??= vocabularyPhrases(profile))))
      return fixes.get(key)
    }
    return {
      text({ pointer, text }) {
        if (text.trim() === '') return
        examine(pointer)
        for (const repeat of repeatedWords(text)) {
          const fix = fixOf(repeat)
          report('repeated', {
            pointer,
            data: { words: repeat.words },
            ...(fix && { suggestion: { fr: `Écrire « ${fix} », comme le cadre du profil.`, en: `Write "${fix}", as the profile’s framework does.` } }),
          })
        }
      },
    }
  },
})

/**
 * Words repeated right after themselves ("le le"), or after a comma inside an enumeration ("efficacité,
 * efficacité et"): one scan of word boundaries, run on every text of the plan, that allocates only when
 * two neighbouring words have the same length.
 */
interface Repeat {
  word: string
  /** The passage as written, the two words and what separates them. */
  words: string
  gap: string
}

function repeatedWords(text: string): Repeat[] {
  const found: Repeat[] = []
  const length = text.length
  let previousStart = -1
  let previousEnd = -1
  let i = 0
  while (i < length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (++i < length && isLetter(text.charCodeAt(i)));
    if (i - start >= 2 && i - start === previousEnd - previousStart && mayRepeat(text, previousStart, previousEnd, start)) {
      const word = text.slice(start, i)
      const gap = text.slice(previousEnd, start)
      const sameWord = word.toLowerCase() === text.slice(previousStart, previousEnd).toLowerCase()
      const plainGap = /^[ \t]+$/.test(gap)
      const listGap = /^[ \t]*,[ \t]*$/.test(gap) && LIST_CONTINUES.test(text.slice(i))
      if (sameWord && (plainGap || listGap) && !ALLOWED.has(word.toLowerCase())) found.push({ word, words: text.slice(previousStart, i), gap })
    }
    previousStart = start
    previousEnd = i
  }
  return found
}

/**
 * Cheap test before any slicing ("de la", "et le": words of the same length are common neighbours): the
 * gap starts with a space, a tab or a comma, and two ASCII first letters agree whatever their case.
 */
function mayRepeat(text: string, previousStart: number, previousEnd: number, start: number): boolean {
  const gap = text.charCodeAt(previousEnd)
  if (gap !== 32 && gap !== 9 && gap !== 44) return false
  const a = text.charCodeAt(previousStart)
  const b = text.charCodeAt(start)
  return a >= 0x80 || b >= 0x80 || (a | 0x20) === (b | 0x20)
}

function isLetter(code: number): boolean {
  if (code < 0x80) return ((code | 0x20) >= 97 && (code | 0x20) <= 122)
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba
  if (code === 0xd7 || code === 0xf7) return false
  if (code <= 0x24f) return true
  if (code >= 0x2000 && code <= 0x2bff) return false
  return /\p{L}/u.test(String.fromCharCode(code))
}

/** Every label and alias of the profile's vocabularies, where a repeated word's right neighbour may be written. */
function vocabularyPhrases(profile: Profile): string[] {
  const entries = [...profile.standardEffects, ...profile.transversalPriorities, ...profile.partnerGroups, ...profile.preparationStepKinds]
  return entries.flatMap((entry) => [entry.label.fr, ...(entry.aliases ?? [])])
}

/**
 * The passage as the vocabulary writes it, when a label enumerates the repeated word beside another word ("efficacité, efficacité" → "efficience, efficacité"); otherwise none.
 */
function vocabularyFix(repeat: Repeat, phrases: readonly string[]): string | undefined {
  // Only an enumeration ("X, X et Y") says a neighbour was meant; "le le" has no other word to find.
  if (!repeat.gap.includes(',')) return undefined
  const word = foldAccents(repeat.word)
  for (const phrase of phrases) {
    const words = [...phrase.matchAll(/\p{L}+/gu)]
    for (let index = 0; index + 1 < words.length; index++) {
      const [first, second] = [words[index]!, words[index + 1]!]
      const between = phrase.slice(first.index + first[0].length, second.index)
      if (!/^\s*,\s*$/.test(between)) continue
      const [a, b] = [foldAccents(first[0]), foldAccents(second[0])]
      if (a === b || (a !== word && b !== word)) continue
      return phrase.slice(first.index, second.index + second[0].length)
    }
  }
  return undefined
}

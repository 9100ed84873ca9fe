import Type from 'typebox'
import type { TextField } from '../engine/rule.js'
import { defineRule } from '../engine/rule.js'
import { knownWordsOf, nearestPlanWord, splitWords, type WordToken } from './spelling-words.js'

/** Hunspell's suggestions are slow: asked for at most this many distinct words per evaluation (the plan's own words come first). */
export const MAX_DICTIONARY_SUGGESTIONS = 3
/**
 * Hunspell's time to suggest grows with the word's length, and no French word of the dictionary is longer than
 * this: a longer unknown word gets no dictionary suggestion (and does not use one of the few allowed).
 */
export const MAX_SUGGESTED_WORD_LENGTH = 30/**
 * Distinct unknown words compared with the plan's words per evaluation: the search reads every plan word, so
 * a plan full of distinct unknown words would otherwise cost their product. Past it, a lower-case word is
 * reported without suggestion and a capitalised one is taken as a proper noun.
 */
export const MAX_NEAR_MISS_SEARCHES = 500

/** Determiners that always mark a plural noun ("leurs appropriation" lacks its s). */
const PLURAL_DETERMINERS = new Set(['leurs', 'les', 'des', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos'])
/** Before "les", these make it a pronoun ("il les appelle"), not a determiner. */
const PRONOUNS_BEFORE_LES = new Set(['il', 'elle', 'on', 'ils', 'elles', 'nous', 'vous', 'je', 'j', 'tu', 'ne', 'n', 'qui', 'que', 'qu', 'me', 'te', 'se', 'ce', 'y', 'en', 'pour', 'de', 'à'])
/** Words that stay the same in the plural or are not nouns, after a plural determiner. */
const INVARIABLE = new Set(['quatre', 'cinq', 'sept', 'huit', 'neuf', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'cent', 'mille', 'même', 'plupart', 'uns', 'autre', 'autres', 'leur'])

export default defineRule<'unknown' | 'plural-determiner' | 'singular-article', { knownWords?: string[] }>({
  id: 'spelling',
  meta: {
    criterion: 'text-quality',
    docs: {
      fr: 'Les mots des textes du plan figurent au dictionnaire français (Hunspell, dictionary-fr), et un déterminant pluriel (« leurs », « les », « des »…) ou l’article élidé « l’ » s’accorde avec le nom qui suit. Sont connus : les noms et contacts des participants, les renseignements du plan, le vocabulaire du profil, les sigles et les noms propres (un mot à majuscule inconnu du dictionnaire n’est signalé que s’il est à une ou deux lettres d’un mot connu du plan). Les suggestions viennent d’abord des mots du plan et du profil (à une ou deux lettres près, pour au plus 500 mots inconnus distincts par évaluation), puis du dictionnaire pour au plus 3 mots de 30 lettres au plus par évaluation (Hunspell est lent à suggérer). Inactive sans correcteur fourni à l’évaluation (`spellChecker`, chargé par `loadFrenchSpelling()` de `@demarche/rules/spelling`).',
      en: 'The words of the plan’s texts are in the French dictionary (Hunspell, dictionary-fr), and a plural determiner ("leurs", "les", "des"…) or the elided article "l’" agrees with the noun that follows. Known words: the participants’ names and contacts, the plan’s information, the profile’s vocabulary, acronyms and proper nouns (a capitalised word the dictionary does not know is reported only when it is one or two letters from a word the plan knows). Suggestions come first from the plan’s and profile’s words (one or two letters away, for at most 500 distinct unknown words per evaluation), then from the dictionary for at most 3 words of at most 30 letters per evaluation (Hunspell is slow to suggest). Inactive unless a checker is given to the evaluation (`spellChecker`, loaded by `loadFrenchSpelling()` of `@demarche/rules/spelling`).',
    },
    serves: { fr: 'Hygiène du texte : orthographe et accords simples.', en: 'Text hygiene: spelling and simple agreement.' },
    messages: {
      unknown: { fr: 'Mot inconnu du dictionnaire : « {word} ».', en: 'Word not in the dictionary: "{word}".' },
      'plural-determiner': {
        fr: 'Accord : « {words} » — le déterminant pluriel « {determiner} » appelle un nom au pluriel.',
        en: 'Agreement: "{words}" — the plural determiner "{determiner}" calls for a plural noun.',
      },
      'singular-article': {
        fr: 'Accord : « {words} » — l’article « l’ » appelle un nom au singulier.',
        en: 'Agreement: "{words}" — the article "l’" calls for a singular noun.',
      },
    },
    options: Type.Object(
      { knownWords: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Words the dictionary lacks that this rule set accepts (a region’s gentilés, product names).' })) },
      { additionalProperties: false },
    ),
    defaultOptions: {},
    defaultSeverity: 'warning',
  },
  check(context) {
    // Inactive without a checker; the plan's texts are not even gathered.
    if (!context.spellChecker) return
    const { plan, profile, texts, options, examine, report } = context
    const checker = context.spellChecker
    const known = knownWordsOf(plan, profile, options.knownWords ?? [])
    // The participants' texts are names and contacts: a source of known words, not prose to check.
    const prose = texts.filter((field) => !field.pointer.startsWith('/participants/'))
    const tokens = new Map<TextField, WordToken[]>()
    // Words of the plan the dictionary knows, with how often they occur: the first place to look for a suggestion.
    const planWords = new Map<string, number>()
    for (const word of known) planWords.set(word, 1)
    for (const field of prose) {
      const words = splitWords(field.text)
      tokens.set(field, words)
      for (const token of words)
        if (token.checkable && token.word.length >= 4 && checker.correct(token.word)) planWords.set(token.word.toLowerCase(), (planWords.get(token.word.toLowerCase()) ?? 0) + 1)
    }
    const isKnown = (word: string) => known.has(word.toLowerCase()) || checker.correct(word) || compoundKnown(word, checker)
    const nearMisses = new Map<string, string | undefined>()
    const nearMiss = (word: string) => {
      if (nearMisses.has(word)) return nearMisses.get(word)
      const near = nearMisses.size < MAX_NEAR_MISS_SEARCHES ? nearestPlanWord(word, planWords) : undefined
      nearMisses.set(word, near)
      return near
    }
    let dictionarySuggestions = 0
    const suggestionOf = (word: string) => {
      if (dictionarySuggestions >= MAX_DICTIONARY_SUGGESTIONS || word.length > MAX_SUGGESTED_WORD_LENGTH) return undefined
      dictionarySuggestions++
      return checker.suggest(word)[0]
    }
    for (const field of prose) {
      const { pointer } = field
      examine(pointer)
      const words = tokens.get(field)!
      for (const [index, token] of words.entries()) {
        if (token.checkable && !isKnown(token.word)) {
          const capitalised = /^\p{Lu}/u.test(token.word)
          // A capitalised word the dictionary lacks is a proper noun, unless it is a near miss of a word the plan knows ("Lanaudaise").
          const near = nearMiss(token.word)
          if (capitalised && !near) continue
          const suggestion = near ?? suggestionOf(token.word)
          report('unknown', {
            pointer,
            data: { word: token.word },
            ...(suggestion && { suggestion: { fr: `Écrire « ${suggestion} ».`, en: `Write "${suggestion}".` } }),
          })
        }
        const agreement = agreementOf(words, index, checker)
        if (agreement) report(agreement.messageId, { pointer, data: agreement.data, suggestion: agreement.suggestion })
      }
    }
  },
})

/** Solid compounds with a learned prefix, as the OQLF writes them ("postsecondaires", "socioécologique"). */
const PREFIXES = ['post', 'pré', 'supra', 'infra', 'socio', 'inter', 'intra', 'multi', 'pluri', 'extra', 'micro', 'macro', 'psycho', 'néo', 'anti', 'auto', 'semi', 'co']

function compoundKnown(word: string, checker: { correct(word: string): boolean }): boolean {
  const lower = word.toLowerCase()
  // "oeuvre" typed without the ligature is "œuvre".
  if (lower.includes('oe') && checker.correct(word.replace(/oe/g, 'œ').replace(/Oe/g, 'Œ'))) return true
  if (word.includes('-')) return word.split('-').every((part) => part.length === 0 || checker.correct(part) || checker.correct(part.toLowerCase()))
  return PREFIXES.some((prefix) => lower.startsWith(prefix) && lower.length - prefix.length >= 4 && checker.correct(lower.slice(prefix.length)))
}

type Agreement = {
  messageId: 'plural-determiner' | 'singular-article'
  data: Record<string, string>
  suggestion: { fr: string; en: string }
}

/** A simple determiner–noun disagreement starting at the word `index`, judged conservatively (both forms must be dictionary words). */
function agreementOf(words: readonly WordToken[], index: number, checker: { correct(word: string): boolean }): Agreement | undefined {
  const token = words[index]!
  if (!token.checkable) return undefined
  // "l’arrimages": the elided article and its noun are one token.
  if (token.elision?.toLowerCase() === 'l') return singularArticle(token, checker)
  const determiner = token.word.toLowerCase()
  if (token.elision || !PLURAL_DETERMINERS.has(determiner)) return undefined
  const next = words[index + 1]
  if (!next || !next.checkable || next.elision || next.gap.trim() !== '' || !/^\p{Ll}/u.test(next.word)) return undefined
  if (determiner === 'les' && PRONOUNS_BEFORE_LES.has(words[index - 1]?.word.toLowerCase() ?? '')) return undefined
  const noun = next.word
  if (noun.length < 3 || /[sxz]$/i.test(noun) || noun.includes('-') || INVARIABLE.has(noun.toLowerCase())) return undefined
  if (!checker.correct(noun) || !checker.correct(`${noun}s`)) return undefined
    return {
    messageId: 'plural-determiner',
    data: { words: `${token.word} ${noun}`, determiner: token.word },
    // "leurs" may be the slip, not the noun: "favoriser leur appropriation".
    suggestion:
      determiner === 'leurs'
        ? { fr: `Écrire « leur ${noun} » ou « leurs ${noun}s ».`, en: `Write "leur ${noun}" or "leurs ${noun}s".` }
        : { fr: `Écrire « ${token.word} ${noun}s ».`, en: `Write "${token.word} ${noun}s".` },
  }
}

function singularArticle(token: WordToken, checker: { correct(word: string): boolean }): Agreement | undefined {
  const noun = token.word
  if (noun.length < 5 || !/s$/.test(noun) || /ss$/.test(noun)) return undefined
  const singular = noun.slice(0, -1)
  if (!checker.correct(noun) || !checker.correct(singular)) return undefined
  const written = `${token.elision}${token.apostrophe}${noun}`
  return {
    messageId: 'singular-article',
    data: { words: written },
    suggestion: {
      fr: `Écrire « ${token.elision}${token.apostrophe}${singular} » ou « les ${noun} ».`,
      en: `Write "${token.elision}${token.apostrophe}${singular}" or "les ${noun}".`,
    },
  }
}

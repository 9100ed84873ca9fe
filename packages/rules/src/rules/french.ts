import snowball from 'snowball-stemmers'

/** The Snowball French stemmer (pure JavaScript: the rules stay usable in a browser). */
const stemmer = snowball.newStemmer('french')

/** Short words that carry no meaning of their own when relating two texts. */
const STOP_WORDS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'et', 'ou', 'à', 'au', 'aux', 'en', 'par', 'pour', 'dans', 'chez', 'avec', 'sur',
  'que', 'qui', 'leur', 'leurs', 'ses', 'sa', 'son', 'plus', 'ce', 'ces', 'se', 's',
])

/** Lower case, accents folded ("Élaborer" → "elaborer"): a reader does not weigh a missing accent. */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a French text, apostrophes splitting elisions ("l’arrimage" → "l", "arrimage"). */
export function frenchWords(text: string): string[] {
  return text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? []
}

/**
 * Stems already made, by word, for the life of the process: stemming is the costly part of relating texts,
 * and plans repeat their words — within one plan, from one version of a plan to the next, and across the
 * plans of one region. Bounded: past the limit it starts afresh, so no stream of new words grows it.
 */
const stems = new Map<string, string>()
const STEMS_KEPT = 50_000

/** A French word's stem, accents folded after stemming (the stemmer reads accents as suffix marks). */
export function stemOf(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    if (stems.size >= STEMS_KEPT) stems.clear()
    stem = foldAccents(stemmer.stem(word.toLowerCase()))
    stems.set(word, stem)
  }
  return stem
}

/** The stems of a text's meaningful words. */
export function stemsOf(text: string): Set<string> {
  const found = new Set<string>()
  for (const word of frenchWords(text)) if (!STOP_WORDS.has(word.toLowerCase())) found.add(stemOf(word))
  return found
}

/** A key term matches a text when every meaningful word of the term is in it, in any form ("arrimages" ↔ "arrimage"). */
export function mentionsTerm(stems: ReadonlySet<string>, termStems: ReadonlySet<string>): boolean {
  if (termStems.size === 0) return false
  for (const stem of termStems) if (!stems.has(stem)) return false
  return true
}

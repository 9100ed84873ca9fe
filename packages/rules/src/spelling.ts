// Node only: reads the French dictionary from disk and runs Hunspell compiled to WebAssembly. The rules
// themselves stay usable in a browser: a caller there gives `evaluate` its own SpellChecker.
import dictionary from 'dictionary-fr'
import { loadModule } from 'hunspell-asm'
import type { SpellChecker } from './engine/rule.js'

export type { SpellChecker } from './engine/rule.js'
export { MAX_DICTIONARY_SUGGESTIONS, MAX_SUGGESTED_WORD_LENGTH } from './rules/spelling.js'

const MAX_CACHED_WORDS = 100_000

let loading: Promise<SpellChecker> | undefined

/**
 * The French spelling checker of the `spelling` rule (Hunspell with dictionary-fr, MPL-2.0), loaded once per
 * process and shared: answers are cached, suggestions above all (Hunspell takes a large part of a second for one).
 */
export function loadFrenchSpelling(): Promise<SpellChecker> {
  return (loading ??= load())
}

async function load(): Promise<SpellChecker> {
  const factory = await loadModule()
  const hunspell = factory.create(factory.mountBuffer(dictionary.aff, 'fr.aff'), factory.mountBuffer(dictionary.dic, 'fr.dic'))
  // Bounded: a long-running service sees many plans, and a hostile one many distinct words.
  const correct = new Map<string, boolean>()
  const suggestions = new Map<string, string[]>()
  const bounded = <Value>(cache: Map<string, Value>) => {
    if (cache.size >= MAX_CACHED_WORDS) cache.clear()
    return cache
  }
  // Hunspell reads UTF-8 with straight apostrophes; the plans write typographic ones.
  const plain = (word: string) => word.replace(/’/g, "'")
  return {
    correct(word) {
      let known = correct.get(word)
      if (known === undefined) bounded(correct).set(word, (known = hunspell.spell(plain(word))))
      return known
    },
    suggest(word) {
      let found = suggestions.get(word)
      if (found === undefined) bounded(suggestions).set(word, (found = hunspell.suggest(plain(word))))
      return [...found]
    },
  }
}

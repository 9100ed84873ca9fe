import type { VocabularyEntry } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { foldAccents, frenchWords, mentionsTerm, stemOf, stemsOf } from './french.js'

export default defineRule({
  id: 'results-relate-to-effects',
  meta: {
    criterion: 'results',
    docs: {
      fr: 'Au moins un résultat de chaque ligne se rattache à un effet recherché du cadre régional : il en reprend les mots, ou l’un des termes clés que le profil donne à l’effet (comparés par leur radical, accents ignorés : « arrimages » rejoint « arrimage »).',
      en: 'At least one result of each row relates to a standard effect of the regional framework: it restates its words, or one of the key terms the profile gives the effect (compared by stem, accents ignored: "arrimages" matches "arrimage").',
    },
    serves: { fr: 'Cohérence : les résultats se rattachent aux effets recherchés.', en: 'Coherence: results relate to the standard effects.' },
    messages: {
      'no-effect': {
        fr: 'Aucun résultat de cette ligne ne se rattache à un effet recherché du cadre régional.',
        en: 'No result of this row relates to a standard effect of the regional framework.',
      },
    },
    defaultSeverity: 'info',
  },
  create({ profile, examine, report }) {
    if (profile.standardEffects.length === 0) return {}
    const count = profile.standardEffects.length
    const relatesInMeaning = keyTermMatcher(profile.standardEffects)
    // The same words for every row: one object shared by the findings.
    const suggestion = {
      fr: `Rattacher au moins un résultat à l’un des ${count} effets recherchés du profil ${profile.id}.`,
      en: `Relate at least one result to one of the ${count} standard effects of profile ${profile.id}.`,
    }
    return {
      row({ row, pointer }) {
        const results = row.results ?? []
        if (results.length === 0) return
        const at = `${pointer}/results`
        examine(at)
        const related = results.some((result) => result.effect !== undefined || relatesInMeaning?.(result.text) === true)
        if (!related) report('no-effect', { pointer: at, suggestion })
      },
    }
  },
})

/**
 * Tells whether a text mentions one of the effects' key terms. Only the words that begin like a key term's
 * stem are stemmed (stemming strips suffixes, so a stem begins like its word): a result's other words,
 * most of them, cost a lookup.
 */
function keyTermMatcher(effects: readonly VocabularyEntry[]): ((text: string) => boolean) | undefined {
  const terms = effects.flatMap((effect) => (effect.keyTerms ?? []).map((term) => stemsOf(term)))
  if (terms.length === 0) return undefined
  const beginnings = new Set(terms.flatMap((term) => [...term].map((stem) => stem.slice(0, 3))))
  return (text) => {
    const stems = new Set<string>()
    for (const word of frenchWords(text)) {
      if (word.length < 3) continue
      const beginning = word.slice(0, 3)
      // Most words are plain ASCII: folding them is only lower-casing.
      if (!beginnings.has(/[^\x00-\x7f]/.test(beginning) ? foldAccents(beginning) : beginning.toLowerCase())) continue
      stems.add(stemOf(word))
    }
    return stems.size > 0 && terms.some((term) => mentionsTerm(stems, term))
  }
}

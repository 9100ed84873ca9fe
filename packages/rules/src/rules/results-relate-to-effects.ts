import type { VocabularyEntry } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { mentionsTerm, stemsOf } from './french.js'

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
    const keyTerms = keyTermStems(profile.standardEffects)
    // One evaluation's stems by word: the results of a plan share most of their words.
    const stems = new Map<string, string>()
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
        const related = results.some((result) => result.effect !== undefined || relatesInMeaning(result.text, keyTerms, stems))
        if (!related) report('no-effect', { pointer: at, suggestion })
      },
    }
  },
})

/** The stems of every key term of the effects, once per evaluation. */
function keyTermStems(effects: readonly VocabularyEntry[]): Set<string>[] {
  return effects.flatMap((effect) => (effect.keyTerms ?? []).map((term) => stemsOf(term)))
}

function relatesInMeaning(text: string, keyTerms: readonly Set<string>[], cache: Map<string, string>): boolean {
  if (keyTerms.length === 0) return false
  const stems = stemsOf(text, cache)
  return keyTerms.some((term) => mentionsTerm(stems, term))
}

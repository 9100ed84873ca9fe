import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'results-relate-to-effects',
  meta: {
    criterion: 'results',
    docs: {
      fr: 'Au moins un résultat de chaque ligne se rattache à un effet recherché du cadre régional (le rattachement est calculé à partir des mots de l’effet).',
      en: 'At least one result of each row relates to a standard effect of the regional framework (the link is computed from the words of the effect).',
    },
    serves: { fr: 'Cohérence : les résultats se rattachent aux effets recherchés.', en: 'Coherence: results relate to the standard effects.' },
    messages: {
      'no-effect': {
        fr: 'Aucun résultat de cette ligne ne reprend un effet recherché du cadre régional.',
        en: 'No result of this row restates a standard effect of the regional framework.',
      },
    },
    defaultSeverity: 'info',
  },
  create({ profile, examine, report }) {
    if (profile.standardEffects.length === 0) return {}
    const count = profile.standardEffects.length
    // The same words for every row: one object shared by the findings.
    const suggestion = {
      fr: `Reprendre, dans au moins un résultat, l’un des ${count} effets recherchés du profil ${profile.id}.`,
      en: `Restate, in at least one result, one of the ${count} standard effects of profile ${profile.id}.`,
    }
    return {
      row({ row, pointer }) {
        const results = row.results ?? []
        if (results.length === 0) return
        const at = `${pointer}/results`
        examine(at)
        if (results.every((result) => result.effect === undefined)) report('no-effect', { pointer: at, suggestion })
      },
    }
  },
})

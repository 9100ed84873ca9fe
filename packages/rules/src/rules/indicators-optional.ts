import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'indicators-optional',
  meta: {
    criterion: 'results',
    docs: {
      fr: 'La colonne des indices de progression est optionnelle : une cellule vide n’est jamais une constatation au dépôt. À l’étape du brouillon seulement, une remarque unique dit combien de lignes n’en donnent aucun.',
      en: 'The progress indicators column is optional: an empty cell is never a finding at submission. At the draft stage only, a single note says how many rows give none.',
    },
    serves: { fr: 'Tableau du plan : « Indices de progression / indicateurs (optionnel) ».', en: 'Plan table: "Progress indicators (optional)".' },
    messages: {
      'none-in-draft': {
        fr: 'Colonne optionnelle : {rows} sur {total} sans indice de progression.',
        en: 'Optional column: {rows} of {total} with no progress indicator.',
      },
    },
    defaultSeverity: 'info',
    maxSeverity: 'info',
  },
  create({ profile, stage, examine, report }) {
    if (profile.columns.indicators.presence === 'absent') return {}
    let total = 0
    let without = 0
    return {
      row({ row }) {
        total++
        if ((row.indicators ?? []).every((indicator) => indicator.text.trim() === '')) without++
      },
      end() {
        // One subject, the plan table: an optional column counts for the criterion once, not per row.
        if (total === 0) return
        examine('/axes')
        if (stage === 'draft' && without > 0)
          report('none-in-draft', {
            pointer: '/axes',
            data: {
              rows: without === 1 ? { fr: '1 ligne', en: '1 row' } : { fr: `${without} lignes`, en: `${without} rows` },
              total,
            },
          })
      },
    }
  },
})

import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'indicators-optional',
  meta: {
    criterion: 'results',
    docs: {
      fr: 'Signale, à titre d’information seulement, les lignes sans indice de progression : la colonne est optionnelle et son absence n’est jamais une erreur.',
      en: 'Points out, for information only, rows with no progress indicator: the column is optional and its absence is never an error.',
    },
    serves: { fr: 'Tableau du plan : « Indices de progression / indicateurs (optionnel) ».', en: 'Plan table: "Progress indicators (optional)".' },
    messages: { none: { fr: 'Aucun indice de progression (optionnel).', en: 'No progress indicator (optional).' } },
    defaultSeverity: 'info',
    maxSeverity: 'info',
  },
  create({ profile, examine, report }) {
    if (profile.columns.indicators.presence === 'absent') return {}
    return {
      row({ row, pointer }) {
        examine(pointer)
        if ((row.indicators ?? []).every((indicator) => indicator.text.trim() === ''))
          report('none', { pointer, expected: `${pointer}/indicators` })
      },
    }
  },
})

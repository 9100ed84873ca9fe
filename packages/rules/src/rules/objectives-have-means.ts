import { levelWords, localize } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'objectives-have-means',
  meta: {
    criterion: 'plan-table',
    docs: {
      fr: 'Chaque objectif a au moins une ligne et chaque ligne nomme au moins un moyen (action, projet); une ligne sans moyen sous une ligne qui en a un, dans le même objectif, le prolonge (cellule fusionnée).',
      en: 'Each objective has at least one row and each row names at least one means (action, project); a row with no means under one that has a means, in the same objective, continues it (a merged cell).',
    },
    serves: { fr: 'Tableau du plan : colonne « Moyens / Actions / Projets ».', en: 'Plan table: "Means / Actions / Projects" column.' },
    messages: {
      'no-row': { fr: '{this} n’a aucune ligne au tableau.', en: '{this} has no row in the table.' },
      'no-means': { fr: 'Cette ligne ne nomme {none} ({level}).', en: 'This row names {none} ({level}).' },
    },
    defaultSeverity: 'error',
  },
  create({ plan, profile, examine, report }) {
    if (profile.levels.action.presence === 'absent') return {}
    const level = { fr: localize(profile.levels.action.label, 'fr'), en: localize(profile.levels.action.label, 'en') }
    const objectiveWords = levelWords(profile.levels.objective)
    const actionWords = levelWords(profile.levels.action)
    const noRow = (objective: { rows: unknown[] }, pointer: string) => {
      examine(pointer)
      if (objective.rows.length === 0) report('no-row', { pointer, expected: `${pointer}/rows`, data: { this: objectiveWords.this } })
    }
    for (const [a, axis] of plan.axes.entries()) for (const [o, objective] of axis.objectives.entries()) noRow(objective, `/axes/${a}/objectives/${o}`)
    for (const [o, objective] of (plan.objectives ?? []).entries()) noRow(objective, `/objectives/${o}`)
    let objectiveOfRow: object | undefined
    let meansAbove = false
    return {
      row({ row, pointer, objective }) {
        if (objective !== objectiveOfRow) [objectiveOfRow, meansAbove] = [objective, false]
        examine(pointer)
        if (row.actions.some((action) => action.text.trim() !== '')) meansAbove = true
        else if (!meansAbove) report('no-means', { pointer, expected: `${pointer}/actions`, data: { level, none: actionWords.none } })
      },
    }
  },
})

import { type ColumnKey, type Row } from '@demarche/domain'
import { defineRule, type Rule } from '../engine/rule.js'
import { columnLabel } from './kit.js'

interface CellRule {
  id: string
  column: ColumnKey
  criterion: string
  docs: { fr: string; en: string }
  serves: { fr: string; en: string }
}

/**
 * One rule per required cell of the plan table: the cell exists and says something. Empty lists (no result,
 * no schedule block) and blank text count as missing, except under a filled cell of the same objective: that
 * is a merged cell continuing the one above.
 */
export function cellPresentRule({ id, column, criterion, docs, serves }: CellRule): Rule<'missing'> {
  return defineRule({
    id,
    meta: {
      criterion,
      docs,
      serves,
      messages: {
        missing: { fr: 'La colonne « {column} » est vide.', en: 'The "{column}" column is empty.' },
      },
      defaultSeverity: 'error',
    },
    create({ profile, examine, report }) {
      if (profile.columns[column].presence !== 'required') return {}
      const label = columnLabel(profile, column)
      const isEmpty = (cell: Row[ColumnKey]) => cell === undefined || (Array.isArray(cell) ? cell.length === 0 : cell.raw.trim() === '')
      // An empty cell under a filled one of the same objective is read as the form shows it, a merged cell that
      // continues the one above (the 2021 plans share results and responsible organisations across an objective's rows).
      let objectiveOfRow: object | undefined
      let filledAbove = false
      return {
        row({ row, pointer, objective }) {
          if (objective !== objectiveOfRow) [objectiveOfRow, filledAbove] = [objective, false]
          examine(pointer)
          if (!isEmpty(row[column])) {
            filledAbove = true
            return
          }
          if (!filledAbove) report('missing', { pointer, expected: `${pointer}/${column}`, data: { column: label } })
        },
      }
    },
  })
}

export const rowHasResponsible = cellPresentRule({
  id: 'row-has-responsible',
  docs: { fr: 'Chaque ligne nomme au moins un organisme responsable (ou fiduciaire), quand le profil a cette colonne.', en: 'Each row names at least one responsible (or fiduciary) organisation, when the profile has that column.' },
  column: 'responsible',
  criterion: 'responsibility',
  serves: { fr: 'Tableau du plan : « Organisme(s) responsable(s) et fiduciaire(s) ».', en: 'Plan table: "Responsible and fiduciary organisation(s)".' },
})
export const rowHasPartners = cellPresentRule({
  id: 'row-has-partners',
  docs: { fr: 'Chaque ligne nomme ses partenaires, quand le profil a cette colonne.', en: 'Each row names its partners, when the profile has that column.' },
  column: 'partners',
  criterion: 'responsibility',
  serves: { fr: 'Tableau du plan : « Organisme(s) partenaire(s) ».', en: 'Plan table: "Partner organisation(s)".' },
})
export const rowHasResults = cellPresentRule({
  id: 'row-has-results',
  docs: { fr: 'Chaque ligne nomme au moins un résultat (changement souhaité).', en: 'Each row names at least one result (desired change).' },
  column: 'results',
  criterion: 'results',
  serves: { fr: 'Tableau du plan : au moins un résultat (changement souhaité) par ligne.', en: 'Plan table: at least one result (desired change) per row.' },
})
export const rowHasSchedule = cellPresentRule({
  id: 'row-has-schedule',
  docs: { fr: 'Chaque ligne a un échéancier.', en: 'Each row has a schedule.' },
  column: 'schedule',
  criterion: 'schedule',
  serves: { fr: 'Tableau du plan : un échéancier (années et étapes).', en: 'Plan table: a schedule (years and steps).' },
})
export const rowHasBudget = cellPresentRule({
  id: 'row-has-budget',
  docs: { fr: 'Chaque ligne a une cellule Budget remplie, quand le profil a cette colonne.', en: 'Each row has a filled Budget cell, when the profile has that column.' },
  column: 'budget',
  criterion: 'budget',
  serves: { fr: 'Tableau du plan 2026 : une cellule Budget par ligne.', en: '2026 plan table: a Budget cell on each row.' },
})

import { type ColumnKey, COLUMN_KEYS, labelAt, localize, type PlanDocument, type Profile, type TablePlace } from '@demarche/domain'
import type { Bilingual } from './rule.js'

/** Names any place of a plan for people: "Axe 2, objectif 1 — Budget", "Étape 14 de la préparation". */
export interface PlaceLabeller {
  labelOf(pointer: string): Bilingual
}

/**
 * Labels are remembered for the last place only: rules report a row's findings while visiting it, so
 * findings on the same place, row or action follow one another.
 */
export function placeLabeller(plan: PlanDocument, profile: Profile): PlaceLabeller {
  let placeKey: string | undefined
  let place: Bilingual | undefined
  let columns = new Map<string, Bilingual>()
  const placeLabel = (at: TablePlace): Bilingual | undefined => {
    const key = `${at.axis}/${at.objective}/${at.row}/${at.action}`
    if (key !== placeKey) {
      const found = labelAt(plan, profile, at)
      ;[placeKey, place, columns] = [key, found && { fr: found.fr, en: found.en ?? found.fr }, new Map()]
    }
    return place
  }
  /** "Axe 2, objectif 1 — Budget": one object for all the findings on a cell of the last place named. */
  const cellLabel = (column: ColumnKey): Bilingual => {
    let label = columns.get(column)
    if (!label) {
      const name = bilingual(profile.columns[column].label)
      columns.set(column, (label = { fr: `${place!.fr} — ${name.fr}`, en: `${place!.en} — ${name.en}` }))
    }
    return label
  }
  const section = (key: keyof Profile['sections']): Bilingual => bilingual(profile.sections[key].label)
  let lastPointer: string | undefined
  let lastLabel: Bilingual | undefined
  const labelOf = (pointer: string): Bilingual => {
    if (pointer !== lastPointer || !lastLabel) [lastPointer, lastLabel] = [pointer, computeLabel(pointer)]
    return lastLabel
  }
  return { labelOf }

  function computeLabel(pointer: string): Bilingual {
      // Most findings are in the table: named without splitting the pointer.
      if (pointer === '/axes' || pointer.startsWith('/axes/')) return tableLabel(pointer, profile, placeLabel, cellLabel)
      const segments = pointer.split('/').slice(1)
      const [top, index, sub] = segments
      const n = Number(index) + 1
      switch (top) {
        case undefined:
        case '':
          return { fr: 'Plan', en: 'Plan' }
        case 'metadata':
          return { fr: 'Renseignements sur le plan', en: 'Plan information' }
        case 'regionalPriority':
          return section('regionalPriority')
        case 'participants': {
          const name = index === 'entries' && sub !== undefined ? plan.participants.entries[Number(sub)]?.name : undefined
          if (index === 'entries' && sub !== undefined) return { fr: `${section('participants').fr} : ${name ?? `ligne ${Number(sub) + 1}`}`, en: `${section('participants').en}: ${name ?? `line ${Number(sub) + 1}`}` }
          return section('participants')
        }
        case 'preparation': {
          if (index !== 'steps' || sub === undefined) return section('preparation')
          const step = plan.preparation.steps[Number(sub)]
          const number = step?.number ?? Number(sub) + 1
          return { fr: `Étape ${number} de la préparation`, en: `Preparation step ${number}` }
        }
        case 'followUp':
          return index === undefined ? section('followUp') : { fr: `Mécanisme de suivi ${n}`, en: `Follow-up mechanism ${n}` }
        case 'complementarity':
          return sub === undefined ? section('complementarity') : { fr: `Complémentarité, point ${Number(sub) + 1}`, en: `Complementarity, point ${Number(sub) + 1}` }
        case 'priorityResponses': {
          if (index === undefined) return section('priorityResponses')
          const id = plan.priorityResponses[Number(index)]?.priorityId
          const priority = profile.transversalPriorities.find((entry) => entry.id === id)
          const name = priority ? localize(priority.label, 'fr') : id
          const nameEn = priority ? localize(priority.label, 'en') : id
          return { fr: `Priorité transversale « ${name} »`, en: `Transversal priority "${nameEn}"` }
        }
        case 'narrative':
          return section('narrative')
        case 'financialPlan':
          return { fr: 'Montage financier', en: 'Financial plan' }
        case 'axes':
          return tableLabel(pointer, profile, placeLabel, cellLabel)
        default:
          return { fr: top, en: top }
      }
  }
}

/** /axes/i[/objectives/j[/rows/k[/actions/n]]] and the key that follows the deepest index, in one match. */
const TABLE_POINTER = /^\/axes\/(\d+)(?:\/objectives\/(\d+)(?:\/rows\/(\d+)(?:\/actions\/(\d+))?)?)?(?:\/([^/]+))?/

/** "/axes/1/objectives/0/rows/0/budget" → "Axe 2, objectif 1 — Budget": the deepest table node, then the column. */
function tableLabel(
  pointer: string,
  profile: Profile,
  placeLabel: (place: TablePlace) => Bilingual | undefined,
  cellLabel: (column: ColumnKey) => Bilingual,
): Bilingual {
  const match = TABLE_POINTER.exec(pointer)
  if (!match) return bilingual(profile.levels.axis.label)
  const [, axis, objective, row, action, next] = match
  const place: TablePlace = { axis: Number(axis) }
  if (objective !== undefined) place.objective = Number(objective)
  if (row !== undefined) place.row = Number(row)
  if (action !== undefined) place.action = Number(action)
  const label = placeLabel(place)
  if (!label) return bilingual(profile.levels.axis.label)
  if (row !== undefined && action === undefined && next !== undefined && (COLUMN_KEYS as readonly string[]).includes(next)) return cellLabel(next as ColumnKey)
  return label
}

function bilingual(text: { fr: string; en?: string }): Bilingual {
  return { fr: text.fr, en: text.en ?? text.fr }
}

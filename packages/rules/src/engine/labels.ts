import { type ColumnKey, COLUMN_KEYS, labelAt, localize, type PlanDocument, type Profile, type TablePlace } from '@demarche/domain'
import type { Bilingual } from './rule.js'

/** Names any place of a plan for people: "Axe 2, objectif 1 — Budget", "Étape 14 de la préparation". */
export interface PlaceLabeller {
  labelOf(pointer: string): Bilingual
}

export function placeLabeller(plan: PlanDocument, profile: Profile): PlaceLabeller {
  const places = new Map<string, Bilingual | undefined>()
  const placeLabel = (place: TablePlace): Bilingual | undefined => {
    const key = `${place.axis}/${place.objective}/${place.row}/${place.action}`
    if (!places.has(key)) {
      const found = labelAt(plan, profile, place)
      places.set(key, found && { fr: found.fr, en: found.en ?? found.fr })
    }
    return places.get(key)
  }
  const section = (key: keyof Profile['sections']): Bilingual => {
    const label = profile.sections[key].label
    return { fr: label.fr, en: label.en ?? label.fr }
  }
  const cache = new Map<string, Bilingual>()
  const labelOf = (pointer: string): Bilingual => {
    let label = cache.get(pointer)
    if (!label) cache.set(pointer, (label = computeLabel(pointer)))
    return label
  }
  return { labelOf }

  function computeLabel(pointer: string): Bilingual {
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
          return tableLabel(segments, profile, placeLabel)
        default:
          return { fr: top, en: top }
      }
  }
}

/** "/axes/1/objectives/0/rows/0/budget" → "Axe 2, objectif 1 — Budget": the deepest table node, then the column. */
function tableLabel(segments: readonly string[], profile: Profile, placeLabel: (place: TablePlace) => Bilingual | undefined): Bilingual {
  const index = (position: number) => (segments[position - 1] === LEVEL_KEYS[position] && /^\d+$/.test(segments[position] ?? '') ? Number(segments[position]) : undefined)
  const place = { axis: index(1), objective: index(3), row: index(5), action: index(7) }
  const depth = place.axis === undefined ? 0 : place.objective === undefined ? 2 : place.row === undefined ? 4 : place.action === undefined ? 6 : 8
  const found =
    place.axis === undefined
      ? undefined
      : placeLabel({
          axis: place.axis,
          ...(place.objective !== undefined && { objective: place.objective }),
          ...(place.objective !== undefined && place.row !== undefined && { row: place.row }),
          ...(place.objective !== undefined && place.row !== undefined && place.action !== undefined && { action: place.action }),
        })
  if (!found) return bilingual(profile.levels.axis.label)
  const label = found
  const column = segments[depth] as ColumnKey | undefined
  if (depth === 6 && column && (COLUMN_KEYS as readonly string[]).includes(column)) {
    const name = bilingual(profile.columns[column].label)
    return { fr: `${label.fr} — ${name.fr}`, en: `${label.en} — ${name.en}` }
  }
  return label
}

/** The key expected before each index of a table pointer: /axes/i/objectives/j/rows/k/actions/n. */
const LEVEL_KEYS: Record<number, string> = { 1: 'axes', 3: 'objectives', 5: 'rows', 7: 'actions' }

function bilingual(text: { fr: string; en?: string }): Bilingual {
  return { fr: text.fr, en: text.en ?? text.fr }
}

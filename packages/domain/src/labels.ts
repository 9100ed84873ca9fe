import { COLUMN_KEYS, type ColumnKey, type Level, type Profile } from './profile/profile.js'
import type { PlanDocument } from './plan/plan-document.js'
import { planTerms } from './profile/terms.js'

/** A label in both languages, English filled from French when the profile gives no English. */
export interface PlaceLabel {
  fr: string
  en: string
}

/**
 * Indexes of a place in the plan table; each level is optional below the axis, and `axis` is undefined for
 * the objectives of a plan without an axis level (`/objectives/…`).
 */
export interface TablePlace {
  axis?: number
  objective?: number
  row?: number
  action?: number
}

/**
 * Names the places of one plan for people, in the profile's words: "Axe 2, objectif 1 — Budget",
 * "Étape 14 de la préparation", "Mécanisme de suivi 2", "Priorité transversale « … »". Every label a reader
 * sees is made here.
 */
export interface PlaceNames {
  /** The label of the place a JSON Pointer designates (a place still to fill is named by its container). */
  labelOf(pointer: string): PlaceLabel
  /** The label of a place of the table, or undefined when it does not exist. */
  tableLabel(place: TablePlace): PlaceLabel | undefined
  /**
   * The number a reader knows a node of the table by ("2" for "Axe 2"); undefined when the level has none
   * (numbered `none` and no number written, or no such node).
   */
  numberOf(level: 'axis' | 'objective', axis: number | undefined, objective?: number): number | undefined
}

/**
 * Labels are remembered for the last place and the last pointer only: the engine names a row's findings
 * while visiting it, so findings on the same place follow one another, and a large report keeps no table of
 * labels.
 */
type NamedPlan = Pick<PlanDocument, 'axes' | 'objectives' | 'participants' | 'preparation' | 'priorityResponses'>

export function placeNames(plan: NamedPlan, profile: Profile): PlaceNames {
  let placeKey: string | undefined
  let place: PlaceLabel | undefined
  let columns: Map<string, PlaceLabel> = new Map()
  let lastPointer: string | undefined
  let lastLabel: PlaceLabel | undefined
  // Objectives numbered across the plan need the count of those before each axis: made once, when first asked.
  let objectivesBefore: number[] | undefined
  // A row is named in the profile's word for it, in a sentence's lower case ("objectif 1, ligne 2").
  const rowWord = { fr: lowerFirst(planTerms(profile, 'fr').row), en: lowerFirst(planTerms(profile, 'en').row) }

  const numberOf = (levelKey: 'axis' | 'objective', a: number | undefined, o?: number): number | undefined => {
    const level = profile.levels[levelKey]
    if (levelKey === 'axis') {
      const axis = a === undefined ? undefined : plan.axes[a]
      if (!axis) return undefined
      return axis.number ?? (level.numbering === 'none' ? undefined : positional(a!))
    }
    const objective = objectivesUnder(plan, a)?.[o!]
    if (!objective) return undefined
    if (objective.number !== undefined) return objective.number
    if (level.numbering === 'none') return undefined
    if (level.numbering !== 'plan-wide' || a === undefined) return positional(o!)
    if (!objectivesBefore) {
      objectivesBefore = []
      let count = 0
      for (const each of plan.axes) {
        objectivesBefore.push(count)
        count += each.objectives.length
      }
    }
    return objectivesBefore[a]! + o! + 1
  }

  const tableLabel = (at: TablePlace): PlaceLabel | undefined => {
    const { axis: axisLevel, objective: objectiveLevel, action: actionLevel } = profile.levels
    const axis = at.axis === undefined ? undefined : plan.axes[at.axis]
    if (at.axis !== undefined && !axis) return undefined
    // A node of a level numbered `none` is named by its title, or by its level alone when it is the only one there.
    let label: PlaceLabel | undefined = axis && levelLabel(axisLevel, { number: numberOf('axis', at.axis), title: plan.axes.length > 1 ? axis.title : undefined }, true)
    if (at.objective === undefined) return label
    const siblings = objectivesUnder(plan, at.axis)
    const objective = siblings?.[at.objective]
    if (!objective) return undefined
    if (objectiveLevel.presence !== 'absent' || !label) {
      const title = siblings!.length > 1 ? objective.title : undefined
      const name = levelLabel(objectiveLevel, { number: numberOf('objective', at.axis, at.objective), title }, !label)
      label = label ? join(label, name) : name
    }
    if (at.row === undefined) return label
    const row = objective.rows[at.row]
    if (!row) return undefined
    if (objective.rows.length > 1) label = join(label, { fr: `${rowWord.fr} ${at.row + 1}`, en: `${rowWord.en} ${at.row + 1}` })
    if (at.action === undefined) return label
    const action = row.actions[at.action]
    if (!action) return undefined
    if (actionLevel.presence === 'absent') return label
    // Means carry the letter the chantier wrote ("A"); unlabelled ones are told apart, only when there are several,
    // by position, or by their first words when the level is numbered `none`.
    if (action.label === undefined && row.actions.length < 2) return label
    const name: LevelName =
      action.label !== undefined ? { number: action.label } : actionLevel.numbering === 'none' ? { title: action.text } : { number: at.action + 1 }
    return join(label, levelLabel(actionLevel, name, false))
  }

  const placeLabel = (at: TablePlace): PlaceLabel | undefined => {
    const key = `${at.axis}/${at.objective}/${at.row}/${at.action}`
    if (key !== placeKey) [placeKey, place, columns] = [key, tableLabel(at), new Map()]
    return place
  }

  /** "Axe 2, objectif 1 — Budget": one object for all the findings on a cell of the last place named. */
  const cellLabel = (column: ColumnKey): PlaceLabel => {
    let label = columns.get(column)
    if (!label) {
      const name = bilingual(profile.columns[column].label)
      columns.set(column, (label = { fr: `${place!.fr} — ${name.fr}`, en: `${place!.en} — ${name.en}` }))
    }
    return label
  }

  const section = (key: keyof Profile['sections']): PlaceLabel => bilingual(profile.sections[key].label)

  const labelInTable = (pointer: string): PlaceLabel => {
    const at = tablePlaceOf(pointer)
    const label = at && placeLabel(at.place)
    if (!label) return bilingual(profile.levels[pointer.startsWith('/objectives') ? 'objective' : 'axis'].label)
    if (at.column !== undefined) return cellLabel(at.column)
    return label
  }

  const computeLabel = (pointer: string): PlaceLabel => {
    // Most findings are in the table: named without splitting the pointer.
    if (pointer === '/axes' || pointer.startsWith('/axes/') || pointer === '/objectives' || pointer.startsWith('/objectives/')) return labelInTable(pointer)
    const [top, index, sub] = pointer.split('/').slice(1)
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
        if (index !== 'entries' || sub === undefined) return section('participants')
        const name = plan.participants?.entries[Number(sub)]?.name
        const heading = section('participants')
        return { fr: `${heading.fr} : ${name ?? `ligne ${Number(sub) + 1}`}`, en: `${heading.en}: ${name ?? `line ${Number(sub) + 1}`}` }
      }
      case 'preparation': {
        if (index !== 'steps' || sub === undefined) return section('preparation')
        const number = plan.preparation?.steps[Number(sub)]?.number ?? Number(sub) + 1
        return { fr: `Étape ${number} de la préparation`, en: `Preparation step ${number}` }
      }
      case 'followUp':
        return index === undefined ? section('followUp') : { fr: `Mécanisme de suivi ${n}`, en: `Follow-up mechanism ${n}` }
      case 'complementarity':
        return sub === undefined ? section('complementarity') : { fr: `Complémentarité, point ${Number(sub) + 1}`, en: `Complementarity, point ${Number(sub) + 1}` }
      case 'priorityResponses': {
        if (index === undefined) return section('priorityResponses')
        const id = plan.priorityResponses?.[Number(index)]?.priorityId
        const priority = profile.transversalPriorities.find((entry) => entry.id === id)
        const name = priority ? bilingual(priority.label) : { fr: String(id), en: String(id) }
        return { fr: `Priorité transversale « ${name.fr} »`, en: `Transversal priority "${name.en}"` }
      }
      case 'narrative':
        return section('narrative')
      case 'notes':
        return index === undefined ? { fr: 'Notes', en: 'Notes' } : { fr: `Note ${n}`, en: `Note ${n}` }
      case 'financialPlan':
        return { fr: 'Montage financier', en: 'Financial plan' }
      default:
        return { fr: top, en: top }
    }
  }

  return {
    labelOf(pointer) {
      if (pointer !== lastPointer || !lastLabel) [lastPointer, lastLabel] = [pointer, computeLabel(pointer)]
      return lastLabel
    },
    tableLabel,
    numberOf,
  }
}

/** The label of one place of the table ("Axe 2, objectif 1, action A"); undefined when the place does not exist. */
export function labelAt(plan: NamedPlan, profile: Profile, place: TablePlace): PlaceLabel | undefined {
  return placeNames(plan, profile).tableLabel(place)
}

/** True when the pointer designates a row of the plan table itself ("/axes/0/objectives/1/rows/2"). */
export function isRowPointer(pointer: string): boolean {
  if (!pointer.startsWith('/axes/') && !pointer.startsWith('/objectives/')) return false
  const place = tablePlaceOf(pointer)
  if (place?.place.row === undefined || place.place.action !== undefined) return false
  return /\/rows\/\d+$/.test(pointer)
}

/**
 * Reads "/axes/i[/objectives/j[/rows/k[/actions/n]]]" (or "/objectives/j[…]" in a plan without axes) and the
 * column named right after a row, in place: the engine names a finding per call.
 */
function tablePlaceOf(pointer: string): { place: TablePlace; column?: ColumnKey } | undefined {
  const place: TablePlace = {}
  let at = 0
  if (pointer.startsWith('/axes/')) {
    const axis = readIndex(pointer, 6)
    if (axis === undefined) return undefined
    place.axis = axis.value
    at = axis.end
  }
  const objective = childIndex(pointer, at, '/objectives/')
  if (!objective && place.axis === undefined) return undefined
  if (!objective) return { place }
  place.objective = objective.value
  const row = childIndex(pointer, objective.end, '/rows/')
  if (!row) return { place }
  place.row = row.value
  const action = childIndex(pointer, row.end, '/actions/')
  if (action) {
    place.action = action.value
    return { place }
  }
  if (pointer.charCodeAt(row.end) !== 47) return { place }
  const end = pointer.indexOf('/', row.end + 1)
  const next = pointer.slice(row.end + 1, end === -1 ? pointer.length : end)
  return (COLUMN_KEYS as readonly string[]).includes(next) ? { place, column: next as ColumnKey } : { place }
}

function childIndex(pointer: string, at: number, key: string): { value: number; end: number } | undefined {
  return pointer.startsWith(key, at) ? readIndex(pointer, at + key.length) : undefined
}

function readIndex(pointer: string, start: number): { value: number; end: number } | undefined {
  let end = start
  while (end < pointer.length) {
    const code = pointer.charCodeAt(end)
    if (code < 48 || code > 57) break
    end++
  }
  if (end === start || (end < pointer.length && pointer.charCodeAt(end) !== 47)) return undefined
  return { value: Number(pointer.slice(start, end)), end }
}

/** The number a node is known by when the plan writes none and its level is numbered: its position under its parent. */
function positional(index: number): number {
  return index + 1
}

/** The objectives under an axis, or directly under the plan when `axis` is undefined. */
function objectivesUnder(plan: NamedPlan, axis: number | undefined) {
  return axis === undefined ? plan.objectives : plan.axes[axis]?.objectives
}

/**
 * "Axe 2", "action A", or, for a node of a level numbered `none` (no number in the source, none made up), its
 * name by its title: "Volet « Mobilisation »", "stratégie « Donner le goût de lire… »".
 */
function levelLabel(level: Level, name: LevelName, capitalised: boolean): PlaceLabel {
  const short = bilingual(level.short)
  const [fr, en] =
    name.number !== undefined
      ? [`${short.fr} ${name.number}`, `${short.en} ${name.number}`]
      : name.title !== undefined
        ? [`${short.fr} « ${excerpt(name.title)} »`, `${short.en} "${excerpt(name.title)}"`]
        : [short.fr, short.en]
  return capitalised ? { fr: capitalise(fr), en: capitalise(en) } : { fr, en }
}

/** What a node of the table is called by: the number or letter it carries, else its title. */
interface LevelName {
  number?: number | string | undefined
  title?: string
}

/** The first words of a title, enough to recognise it in a place label. */
function excerpt(title: string): string {
  const words = title.replace(/\*\*?/g, '').trim().split(/\s+/)
  return words.length <= 6 ? words.join(' ') : `${words.slice(0, 6).join(' ')}…`
}

function join(parent: PlaceLabel, child: PlaceLabel): PlaceLabel {
  return { fr: `${parent.fr}, ${child.fr}`, en: `${parent.en}, ${child.en}` }
}

function bilingual(text: { fr: string; en?: string }): PlaceLabel {
  return { fr: text.fr, en: text.en ?? text.fr }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1)
}

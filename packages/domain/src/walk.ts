import type { LocalizedText } from './common.js'
import { pointerOf } from './pointer.js'
import type { PlanDocument } from './plan/plan-document.js'
import type { Action, Axis, Objective, Row } from './plan/table.js'
import type { Level, Profile } from './profile/profile.js'

interface Place {
  pointer: string
  /** Where the node is, for people: "Axe 2, objectif 1, action A". */
  label: LocalizedText
}
export interface AxisVisit extends Place { kind: 'axis'; node: Axis; axis: Axis; axisIndex: number }
export interface ObjectiveVisit extends Place { kind: 'objective'; node: Objective; axis: Axis; objective: Objective }
export interface RowVisit extends Place { kind: 'row'; node: Row; axis: Axis; objective: Objective; row: Row; rowIndex: number }
export interface ActionVisit extends Place { kind: 'action'; node: Action; axis: Axis; objective: Objective; row: Row; action: Action }
export type PlanVisit = AxisVisit | ObjectiveVisit | RowVisit | ActionVisit

/**
 * Yields every axis, objective, row and action in document order, with its JSON Pointer and its place
 * label. Numbers are the ones written in the plan; a node without one is named by its position.
 * For the rows alone, `rowsOf` is cheaper: it names nothing.
 */
export function* walkPlan(plan: Pick<PlanDocument, 'axes'>, profile: Profile): Generator<PlanVisit> {
  const { axis: axisLevel, objective: objectiveLevel, action: actionLevel } = profile.levels
  for (const [axisIndex, axis] of plan.axes.entries()) {
    const axisPointer = pointerOf('axes', axisIndex)
    const axisLabel = levelLabel(axisLevel, axis.number ?? axisIndex + 1, true)
    yield { kind: 'axis', node: axis, axis, axisIndex, pointer: axisPointer, label: axisLabel }
    for (const [objectiveIndex, objective] of axis.objectives.entries()) {
      const objectivePointer = `${axisPointer}/objectives/${objectiveIndex}`
      const objectiveLabel = join(axisLabel, levelLabel(objectiveLevel, objective.number ?? objectiveIndex + 1, false))
      yield { kind: 'objective', node: objective, axis, objective, pointer: objectivePointer, label: objectiveLabel }
      const manyRows = objective.rows.length > 1
      for (const [rowIndex, row] of objective.rows.entries()) {
        const rowPointer = `${objectivePointer}/rows/${rowIndex}`
        const rowLabel = manyRows ? join(objectiveLabel, { fr: `ligne ${rowIndex + 1}`, en: `row ${rowIndex + 1}` }) : objectiveLabel
        yield { kind: 'row', node: row, axis, objective, row, rowIndex, pointer: rowPointer, label: rowLabel }
        const manyActions = row.actions.length > 1
        for (const [actionIndex, action] of row.actions.entries()) {
          const actionName = action.label ?? (manyActions ? String(actionIndex + 1) : undefined)
          const label = actionName === undefined ? rowLabel : join(rowLabel, levelLabel(actionLevel, actionName, false))
          yield { kind: 'action', node: action, axis, objective, row, action, pointer: `${rowPointer}/actions/${actionIndex}`, label }
        }
      }
    }
  }
}

/** Every row of the plan table with its pointer and place; the label is computed only when read. */
export function* rowsOf(plan: Pick<PlanDocument, 'axes'>, profile: Profile): Generator<RowVisit> {
  for (const [a, axis] of plan.axes.entries())
    for (const o of axis.objectives.keys()) for (const r of axis.objectives[o]!.rows.keys()) yield rowVisit(plan, profile, a, o, r)
}

/** The visit of one existing row (axis `a`, objective `o`, row `r`); the label is computed only when read. */
export function rowVisit(plan: Pick<PlanDocument, 'axes'>, profile: Profile, a: number, o: number, r: number): RowVisit {
  const axis = plan.axes[a]!
  const objective = axis.objectives[o]!
  const row = objective.rows[r]!
  return {
    kind: 'row',
    node: row,
    axis,
    objective,
    row,
    rowIndex: r,
    pointer: `/axes/${a}/objectives/${o}/rows/${r}`,
    get label() {
      return labelAt(plan, profile, { axis: a, objective: o, row: r })!
    },
  }
}

/** Indexes of a place in the plan table; each level is optional below the axis. */
export interface TablePlace {
  axis: number
  objective?: number
  row?: number
  action?: number
}

/**
 * The label of one place of the table, as walkPlan names it ("Axe 2, objectif 1, action A"), computed
 * directly from the indexes; undefined when the place does not exist.
 */
export function labelAt(plan: Pick<PlanDocument, 'axes'>, profile: Profile, place: TablePlace): LocalizedText | undefined {
  const axis = plan.axes[place.axis]
  if (!axis) return undefined
  let label = levelLabel(profile.levels.axis, axis.number ?? place.axis + 1, true)
  if (place.objective === undefined) return label
  const objective = axis.objectives[place.objective]
  if (!objective) return undefined
  label = join(label, levelLabel(profile.levels.objective, objective.number ?? place.objective + 1, false))
  if (place.row === undefined) return label
  const row = objective.rows[place.row]
  if (!row) return undefined
  if (objective.rows.length > 1) label = join(label, { fr: `ligne ${place.row + 1}`, en: `row ${place.row + 1}` })
  if (place.action === undefined) return label
  const action = row.actions[place.action]
  if (!action) return undefined
  const name = action.label ?? (row.actions.length > 1 ? String(place.action + 1) : undefined)
  return name === undefined ? label : join(label, levelLabel(profile.levels.action, name, false))
}

function levelLabel(level: Level, name: number | string, capitalised: boolean): LocalizedText {
  const fr = `${level.short.fr} ${name}`
  const en = `${level.short.en ?? level.short.fr} ${name}`
  return capitalised ? { fr: capitalise(fr), en: capitalise(en) } : { fr, en }
}

function join(parent: LocalizedText, child: LocalizedText): LocalizedText {
  return { fr: `${parent.fr}, ${child.fr}`, en: `${parent.en ?? parent.fr}, ${child.en ?? child.fr}` }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

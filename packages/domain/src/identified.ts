import type { PlanDocument } from './plan/plan-document.js'

export interface IdentifiedNode {
  /** The object that carries the id (the id may still be missing in a draft). */
  node: { id?: string }
  /** Prefix of ids made for this kind of node: "ax", "ob", "rw", "ac"… */
  prefix: string
  pointer: string
}

/** Every node of a plan that carries a stable id, in document order. */
export function* identifiedNodes(plan: PlanDocument): Generator<IdentifiedNode> {
  for (const [i, node] of plan.participants.entries.entries()) yield { node, prefix: 'pa', pointer: `/participants/entries/${i}` }
  for (const [i, node] of plan.preparation.steps.entries()) yield { node, prefix: 'st', pointer: `/preparation/steps/${i}` }
  for (const [i, node] of plan.followUp.entries()) yield { node, prefix: 'fu', pointer: `/followUp/${i}` }
  for (const [i, node] of plan.complementarity.points.entries()) yield { node, prefix: 'co', pointer: `/complementarity/points/${i}` }
  for (const [i, node] of (plan.narrative ?? []).entries()) yield { node, prefix: 'na', pointer: `/narrative/${i}` }
  for (const [a, axis] of plan.axes.entries()) {
    yield { node: axis, prefix: 'ax', pointer: `/axes/${a}` }
    for (const [o, objective] of axis.objectives.entries()) {
      yield { node: objective, prefix: 'ob', pointer: `/axes/${a}/objectives/${o}` }
      for (const [r, row] of objective.rows.entries()) {
        yield { node: row, prefix: 'rw', pointer: `/axes/${a}/objectives/${o}/rows/${r}` }
        for (const [n, action] of row.actions.entries())
          yield { node: action, prefix: 'ac', pointer: `/axes/${a}/objectives/${o}/rows/${r}/actions/${n}` }
      }
    }
  }
}

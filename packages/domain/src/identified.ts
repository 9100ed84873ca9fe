import type { PlanDocument } from './plan/plan-document.js'
import type { Profile } from './profile/profile.js'
import { ID_PREFIXES, type NodeKind, visitPlan } from './walk.js'

export interface IdentifiedNode {
  /** The object that carries the id (the id may still be missing in a draft). */
  node: { id?: string }
  kind: NodeKind
  /** Prefix of ids made for this kind of node: "ax", "ob", "rw", "ac"… */
  prefix: string
  pointer: string
}

/** Every node of a plan that carries a stable id, in document order, as the walker visits them. */
export function identifiedNodes(plan: PlanDocument, profile: Profile): IdentifiedNode[] {
  const nodes: IdentifiedNode[] = []
  visitPlan(plan, profile, { node: ({ node, kind, pointer }) => void nodes.push({ node, kind, prefix: ID_PREFIXES[kind], pointer }) })
  return nodes
}

/** Calls `visit` with each node that carries a stable id, in document order, keeping none. */
export function forEachIdentifiedNode(plan: PlanDocument, profile: Profile, visit: (node: { id?: string }, pointer: string) => void): void {
  visitPlan(plan, profile, { node: (visited) => visit(visited.node, visited.pointer) })
}

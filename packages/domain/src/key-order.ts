import type { TSchema } from 'typebox'
import { PlanDocument } from './plan/plan-document.js'

/**
 * The order of keys in a plan, read from the `PlanDocument` schema: for each object, its properties in
 * declaration order, which is the order of the form. Keys are ranked per parent key (the nearest key above
 * them in a pointer, "" at the root), because one global order cannot hold: a participant writes `raw`
 * before `kind`, a budget part `kind` before `raw`. Objects under the same parent key ("steps" of the
 * preparation and of a schedule) are merged; they never order a pair of keys both ways.
 */
export const PLAN_KEY_ORDER: ReadonlyMap<string, ReadonlyMap<string, number>> = keyOrderOf(PlanDocument)

/** The rank of `key` among the keys of an object held under `parentKey`; undefined when the schema has no such key there. */
export function keyRank(parentKey: string, key: string): number | undefined {
  return PLAN_KEY_ORDER.get(parentKey)?.get(key)
}

function keyOrderOf(root: TSchema): Map<string, Map<string, number>> {
  const orders = new Map<string, string[][]>()
  // The same schema object (Text, a notation) sits under many keys: each pair is read once.
  const seen = new Map<object, Set<string>>()
  const visit = (schema: TSchema, parentKey: string): void => {
    const under = seen.get(schema) ?? new Set<string>()
    if (under.has(parentKey)) return
    seen.set(schema, under.add(parentKey))
    const node = schema as { properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[] }
    if (node.properties) {
      const lists = orders.get(parentKey) ?? []
      lists.push(Object.keys(node.properties))
      orders.set(parentKey, lists)
      for (const [key, child] of Object.entries(node.properties)) visit(child, key)
    }
    // An array's items and a union's branches sit under the same parent key as the array or the union.
    if (node.items) visit(node.items, parentKey)
    for (const branch of node.anyOf ?? []) visit(branch, parentKey)
  }
  visit(root, '')
  const ranks = new Map<string, Map<string, number>>()
  for (const [parentKey, lists] of orders) ranks.set(parentKey, mergeOrders(parentKey, lists))
  return ranks
}

/** One order consistent with every list (a topological sort, first-declared first); throws on a contradiction. */
function mergeOrders(parentKey: string, lists: readonly string[][]): Map<string, number> {
  const after = new Map<string, Set<string>>()
  const before = new Map<string, number>()
  const firstSeen: string[] = []
  for (const list of lists)
    list.forEach((key, index) => {
      if (!after.has(key)) {
        after.set(key, new Set())
        before.set(key, 0)
        firstSeen.push(key)
      }
      const previous = list[index - 1]
      if (previous !== undefined && !after.get(previous)!.has(key)) {
        after.get(previous)!.add(key)
        before.set(key, before.get(key)! + 1)
      }
    })
  const ranks = new Map<string, number>()
  while (ranks.size < firstSeen.length) {
    const next = firstSeen.find((key) => !ranks.has(key) && before.get(key) === 0)
    if (next === undefined) throw new Error(`The plan schema orders the keys under "${parentKey}" both ways`)
    ranks.set(next, ranks.size)
    for (const key of after.get(next)!) before.set(key, before.get(key)! - 1)
  }
  return ranks
}

import { Value } from 'typebox/value'
import type { NotationOf } from './common.js'
import { derivedId } from './ids.js'
import { identifiedNodes } from './identified.js'
import { buildNameIndex, matchStandardEffect, type NameIndex } from './names.js'
import { parseBudgetCell } from './notation/budget-cell.js'
import { parseDate } from './notation/french-date.js'
import { type ListedName, parseContacts, parseOrganisationList, type OrganisationList } from './notation/organisation-list.js'
import { parseYearSpec } from './notation/year-spec.js'
import type { PlanDocument } from './plan/plan-document.js'
import type { Row } from './plan/table.js'
import type { Profile, YearScheme } from './profile/profile.js'
import { type NotationVisit, visitPlan } from './walk.js'

/**
 * Brings a plan written by hand or by another tool to its stored form: every node that lacks an id gets
 * one (existing ids are never touched), and every notation's parsed value is recomputed from its raw text,
 * so the raw text is the single source of what the chantier wrote.
 * Input ids may be missing; everything else must already have the plan's shape.
 */
export function preparePlan(input: PlanDocument, profile: Profile): PlanDocument {
  const plan = structuredClone(input)
  const nodes = identifiedNodes(plan, profile)
  const used = new Set<string>()
  for (const { node } of nodes) if (node.id) used.add(node.id)
  const ids = new IdAssigner(plan.id, used)
  for (const { node, prefix, pointer } of nodes) node.id = ids.take(node.id, prefix, pointer)
  const names = buildNameIndex(plan.participants?.entries ?? [], profile.partnerGroups)
  const rows: Row[] = []
  visitPlan(plan, profile, {
    notation: (slot) => void ((slot.owner as Record<string, unknown>)[slot.key] = parseSlot(slot, names, profile.yearScheme)),
    row: (visit) => void rows.push(visit.row),
  })
  for (const row of rows)
    row.results?.forEach((result) => {
      const effect = result.effect ?? matchStandardEffect(result.text, profile.standardEffects)
      if (effect) result.effect = effect
    })
  return plan
}

/** One notation of a plan, as the walker visits it: where it is, what is stored, and the property that holds it. */
export type NotationSlot = Pick<NotationVisit, 'pointer' | 'kind' | 'stored' | 'owner' | 'key'>

/** What a slot's raw text parses to today. */
export function parseSlot(slot: NotationSlot, names: NameIndex, scheme: YearScheme): NotationOf<unknown> {
  const raw = slot.stored.raw
  switch (slot.kind) {
    case 'contacts':
      return parseContacts(raw)
    case 'date':
      return parseDate(raw)
    case 'organisations':
      return resolvedList(raw, names)
    case 'years':
      return parseYearSpec(raw, scheme)
    case 'budget':
      return parseBudgetCell(raw)
  }
}

function resolvedList(raw: string, names: NameIndex): OrganisationList {
  const list = parseOrganisationList(raw)
  if (!list.value) return list
  list.value.names = list.value.names.flatMap((name): ListedName[] => {
    if (name.placeholder) return [name]
    const ref = names.resolve(name.text)
    if (ref) return [{ ...name, ref }]
    return name.open ? [name] : (names.segment(name.text) ?? [name])
  })
  return list
}

/** True when every notation's parsed value is what its raw text parses to today. */
export function notationsAreCurrent(plan: PlanDocument, profile: Profile): boolean {
  // Whatever the order of keys: a plan written by another tool may order a notation's keys otherwise.
  return Value.Equal(preparePlan(plan, profile), plan)
}

class IdAssigner {
  constructor(private readonly planId: string, private readonly used: Set<string>) {}

  take(current: string | undefined, prefix: string, path: string): string {
    if (current) return current
    let attempt = 0
    let id = derivedId(prefix, `${this.planId}${path}`)
    while (this.used.has(id)) id = derivedId(prefix, `${this.planId}${path}#${++attempt}`)
    this.used.add(id)
    return id
  }
}

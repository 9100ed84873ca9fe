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
import type { Profile } from './profile/profile.js'

/**
 * Brings a plan written by hand or by another tool to its stored form: every node that lacks an id gets
 * one (existing ids are never touched), and every notation's parsed value is recomputed from its raw text,
 * so the raw text is the single source of what the chantier wrote.
 * Input ids may be missing; everything else must already have the plan's shape.
 */
export function preparePlan(input: PlanDocument, profile: Profile): PlanDocument {
  const plan = structuredClone(input)
  const used = new Set<string>()
  for (const { node } of identifiedNodes(plan)) if (node.id) used.add(node.id)
  const ids = new IdAssigner(plan.id, used)
  for (const { node, prefix, pointer } of identifiedNodes(plan)) node.id = ids.take(node.id, prefix, pointer)
  for (const entry of plan.participants.entries) if (entry.contacts) entry.contacts = parseContacts(entry.contacts.raw)
  for (const step of plan.preparation.steps) if (step.date) step.date = parseDate(step.date.raw)
  const names = buildNameIndex(plan.participants.entries, profile.partnerGroups)
  for (const axis of plan.axes) for (const objective of axis.objectives) for (const row of objective.rows) prepareRow(row, names, profile)
  return plan
}

function prepareRow(row: Row, names: NameIndex, profile: Profile): void {
  if (row.responsible) row.responsible = resolvedList(row.responsible.raw, names)
  if (row.partners) row.partners = resolvedList(row.partners.raw, names)
  row.schedule?.forEach((block) => (block.years = parseYearSpec(block.years.raw)))
  if (row.budget) row.budget = parseBudgetCell(row.budget.raw)
  row.results?.forEach((result) => {
    const effect = result.effect ?? matchStandardEffect(result.text, profile.standardEffects)
    if (effect) result.effect = effect
  })
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
  return JSON.stringify(preparePlan(plan, profile)) === JSON.stringify(plan)
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

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
  const names = buildNameIndex(plan.participants.entries, profile.partnerGroups)
  for (const slot of notationSlots(plan)) (slot.owner as Record<string, unknown>)[slot.key] = parseSlot(slot, names)
  for (const axis of plan.axes)
    for (const objective of axis.objectives)
      for (const row of objective.rows)
        row.results?.forEach((result) => {
          const effect = result.effect ?? matchStandardEffect(result.text, profile.standardEffects)
          if (effect) result.effect = effect
        })
  return plan
}

/** One notation of a plan: where it is, what is stored, and the property that holds it. */
export interface NotationSlot {
  pointer: string
  /** Same kind and same raw text give the same parsed value (within one plan). */
  kind: 'contacts' | 'date' | 'organisations' | 'years' | 'budget'
  stored: NotationOf<unknown>
  owner: object
  key: string
}

/** What a slot's raw text parses to today. */
export function parseSlot(slot: NotationSlot, names: NameIndex): NotationOf<unknown> {
  const raw = slot.stored.raw
  switch (slot.kind) {
    case 'contacts':
      return parseContacts(raw)
    case 'date':
      return parseDate(raw)
    case 'organisations':
      return resolvedList(raw, names)
    case 'years':
      return parseYearSpec(raw)
    case 'budget':
      return parseBudgetCell(raw)
  }
}

/** Every notation of a plan, in document order. */
export function notationSlots(plan: PlanDocument): NotationSlot[] {
  const slots: NotationSlot[] = []
  forEachNotationSlot(plan, (slot) => void slots.push(slot))
  return slots
}

/**
 * Calls `visit` with each notation of a plan, in document order. Plain records, not closures, and none kept:
 * validation goes through the tens of thousands of notations of a large plan on every evaluation.
 */
export function forEachNotationSlot(plan: PlanDocument, visit: (slot: NotationSlot) => void): void {
  plan.participants.entries.forEach((entry, i) => {
    if (entry.contacts) visit({ pointer: `/participants/entries/${i}/contacts`, kind: 'contacts', stored: entry.contacts, owner: entry, key: 'contacts' })
  })
  plan.preparation.steps.forEach((step, i) => {
    if (step.date) visit({ pointer: `/preparation/steps/${i}/date`, kind: 'date', stored: step.date, owner: step, key: 'date' })
  })
  plan.axes.forEach((axis, a) =>
    axis.objectives.forEach((objective, o) => objective.rows.forEach((row, r) => visitRowSlots(visit, row, `/axes/${a}/objectives/${o}/rows/${r}`))),
  )
}

function visitRowSlots(visit: (slot: NotationSlot) => void, row: Row, base: string): void {
  if (row.responsible) visit({ pointer: `${base}/responsible`, kind: 'organisations', stored: row.responsible, owner: row, key: 'responsible' })
  if (row.partners) visit({ pointer: `${base}/partners`, kind: 'organisations', stored: row.partners, owner: row, key: 'partners' })
  if (row.budget) visit({ pointer: `${base}/budget`, kind: 'budget', stored: row.budget, owner: row, key: 'budget' })
  row.schedule?.forEach((block, b) => visit({ pointer: `${base}/schedule/${b}/years`, kind: 'years', stored: block.years, owner: block, key: 'years' }))
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

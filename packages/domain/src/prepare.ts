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
  for (const slot of notationSlots(plan, buildNameIndex(plan.participants.entries, profile.partnerGroups))) slot.replace(slot.parse())
  for (const axis of plan.axes)
    for (const objective of axis.objectives)
      for (const row of objective.rows)
        row.results?.forEach((result) => {
          const effect = result.effect ?? matchStandardEffect(result.text, profile.standardEffects)
          if (effect) result.effect = effect
        })
  return plan
}

/** One notation of a plan: where it is, what is stored, and how to parse its raw text again. */
export interface NotationSlot {
  pointer: string
  /** Same kind and same raw text give the same parsed value (within one plan). */
  kind: 'contacts' | 'date' | 'organisations' | 'years' | 'budget'
  stored: NotationOf<unknown>
  parse(): NotationOf<unknown>
  replace(notation: NotationOf<unknown>): void
}

/** Every notation of a plan, in document order. Organisation lists resolve names against `names`. */
export function* notationSlots(plan: PlanDocument, names: NameIndex): Generator<NotationSlot> {
  for (const [i, entry] of plan.participants.entries.entries()) {
    const contacts = entry.contacts
    if (contacts)
      yield { pointer: `/participants/entries/${i}/contacts`, kind: 'contacts', stored: contacts, parse: () => parseContacts(contacts.raw), replace: (n) => (entry.contacts = n as typeof contacts) }
  }
  for (const [i, step] of plan.preparation.steps.entries()) {
    const date = step.date
    if (date) yield { pointer: `/preparation/steps/${i}/date`, kind: 'date', stored: date, parse: () => parseDate(date.raw), replace: (n) => (step.date = n as typeof date) }
  }
  for (const [a, axis] of plan.axes.entries())
    for (const [o, objective] of axis.objectives.entries())
      for (const [r, row] of objective.rows.entries()) yield* rowSlots(row, `/axes/${a}/objectives/${o}/rows/${r}`, names)
}

function* rowSlots(row: Row, base: string, names: NameIndex): Generator<NotationSlot> {
  for (const column of ['responsible', 'partners'] as const) {
    const list = row[column]
    if (list) yield { pointer: `${base}/${column}`, kind: 'organisations', stored: list, parse: () => resolvedList(list.raw, names), replace: (n) => (row[column] = n as OrganisationList) }
  }
  if (row.budget) {
    const budget = row.budget
    yield { pointer: `${base}/budget`, kind: 'budget', stored: budget, parse: () => parseBudgetCell(budget.raw), replace: (n) => (row.budget = n as typeof budget) }
  }
  for (const [b, block] of (row.schedule ?? []).entries()) {
    const years = block.years
    yield { pointer: `${base}/schedule/${b}/years`, kind: 'years', stored: years, parse: () => parseYearSpec(years.raw), replace: (n) => (block.years = n as typeof years) }
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

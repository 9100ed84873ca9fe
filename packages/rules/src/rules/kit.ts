import type { Block, PlanDocument, Presence, Profile, Row } from '@demarche/domain'
import type { Bilingual } from '../engine/rule.js'

/** A piece of free text of the plan and where it is. */
export interface TextField {
  pointer: string
  text: string
  /**
   * What the text is: content the chantier must write (`content`: titles, means, results, steps, list
   * items, names), a table cell written as a notation (`cell`), or contacts (`contacts`, optional).
   */
  kind: 'content' | 'cell' | 'contacts'
}

/** Every text the chantier wrote (not ids, codes or parsed values), in document order. */
export function* textFields(plan: PlanDocument): Generator<TextField> {
  if (plan.regionalPriority !== undefined) yield { pointer: '/regionalPriority', text: plan.regionalPriority, kind: 'content' }
  for (const [i, entry] of plan.participants.entries.entries()) {
    yield { pointer: `/participants/entries/${i}/name`, text: entry.name, kind: 'content' }
    if (entry.contacts) yield { pointer: `/participants/entries/${i}/contacts/raw`, text: entry.contacts.raw, kind: 'contacts' }
  }
  for (const [i, step] of plan.preparation.steps.entries()) {
    if (step.title !== undefined) yield { pointer: `/preparation/steps/${i}/title`, text: step.title, kind: 'content' }
    yield { pointer: `/preparation/steps/${i}/text`, text: step.text, kind: 'content' }
  }
  for (const [i, item] of plan.followUp.entries()) yield { pointer: `/followUp/${i}/text`, text: item.text, kind: 'content' }
  for (const [i, item] of plan.complementarity.points.entries()) yield { pointer: `/complementarity/points/${i}/text`, text: item.text, kind: 'content' }
  for (const [i, response] of plan.priorityResponses.entries()) yield* blockTexts(response.blocks, `/priorityResponses/${i}/blocks`)
  for (const [i, section] of (plan.narrative ?? []).entries()) yield* blockTexts(section.blocks, `/narrative/${i}/blocks`)
  for (const [a, axis] of plan.axes.entries()) {
    const axisPointer = `/axes/${a}`
    if (axis.heading !== undefined) yield { pointer: `${axisPointer}/heading`, text: axis.heading, kind: 'content' }
    yield { pointer: `${axisPointer}/title`, text: axis.title, kind: 'content' }
    yield* blockTexts(axis.description ?? [], `${axisPointer}/description`)
    for (const [o, objective] of axis.objectives.entries()) {
      const objectivePointer = `${axisPointer}/objectives/${o}`
      yield { pointer: `${objectivePointer}/title`, text: objective.title, kind: 'content' }
      yield* blockTexts(objective.details ?? [], `${objectivePointer}/details`)
      for (const [r, row] of objective.rows.entries()) yield* rowTexts(row, `${objectivePointer}/rows/${r}`)
    }
  }
}

function* rowTexts(row: Row, base: string): Generator<TextField> {
  for (const [n, action] of row.actions.entries()) {
    yield { pointer: `${base}/actions/${n}/text`, text: action.text, kind: 'content' }
    yield* blockTexts(action.content ?? [], `${base}/actions/${n}/content`)
  }
  if (row.responsible) yield { pointer: `${base}/responsible/raw`, text: row.responsible.raw, kind: 'cell' }
  if (row.partners) yield { pointer: `${base}/partners/raw`, text: row.partners.raw, kind: 'cell' }
  for (const [n, result] of (row.results ?? []).entries()) yield { pointer: `${base}/results/${n}/text`, text: result.text, kind: 'content' }
  for (const [n, indicator] of (row.indicators ?? []).entries()) yield { pointer: `${base}/indicators/${n}/text`, text: indicator.text, kind: 'content' }
  for (const [b, block] of (row.schedule ?? []).entries()) {
    yield { pointer: `${base}/schedule/${b}/years/raw`, text: block.years.raw, kind: 'cell' }
    for (const [s, step] of block.steps.entries()) {
      yield { pointer: `${base}/schedule/${b}/steps/${s}/text`, text: step.text, kind: 'content' }
      for (const [k, item] of (step.items ?? []).entries()) yield { pointer: `${base}/schedule/${b}/steps/${s}/items/${k}`, text: item, kind: 'content' }
    }
  }
  if (row.budget) yield { pointer: `${base}/budget/raw`, text: row.budget.raw, kind: 'cell' }
}

function* blockTexts(blocks: readonly Block[], base: string): Generator<TextField> {
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'paragraph') yield { pointer: `${base}/${i}/text`, text: block.text, kind: 'content' }
    else
      for (const [k, item] of block.items.entries()) {
        yield { pointer: `${base}/${i}/items/${k}/text`, text: item.text, kind: 'content' }
        for (const [m, sub] of (item.items ?? []).entries()) yield { pointer: `${base}/${i}/items/${k}/items/${m}`, text: sub, kind: 'content' }
      }
  }
}

export function isRequired(presence: Presence): boolean {
  return presence === 'required'
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === ''
}

/** Words of a text, at least `min` letters long, folded to lower case. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length
}

export function columnLabel(profile: Profile, key: keyof Profile['columns']): Bilingual {
  const label = profile.columns[key].label
  return { fr: label.fr, en: label.en ?? label.fr }
}

export function bilingual(text: { fr: string; en?: string }): Bilingual {
  return { fr: text.fr, en: text.en ?? text.fr }
}

export function listFr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`
}

export function listEn(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

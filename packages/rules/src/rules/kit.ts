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

/** Every text the chantier wrote (not ids, codes or parsed values), in document order, as one array. */
export function textFields(plan: PlanDocument): TextField[] {
  const out: TextField[] = []
  walkTexts(plan, (field) => void out.push(field))
  return out
}

/** Where a row of the plan table is: indexes of its axis, objective and row. */
export type RowPlace = (axisIndex: number, objectiveIndex: number, rowIndex: number) => void

/**
 * Walks the texts of a plan in document order, calling `onRow` at each row of the table before that
 * row's texts: one walk serves every rule, so a large plan is read from memory once and not once per rule.
 * Callbacks, not generators: nested generators cost more than the rules that read the texts.
 */
export function walkTexts(plan: PlanDocument, onText: ((field: TextField) => void) | undefined, onRow?: RowPlace): void {
  const add = onText ? (pointer: string, text: string, kind: TextField['kind'] = 'content') => onText({ pointer, text, kind }) : undefined
  if (add) {
    if (plan.regionalPriority !== undefined) add('/regionalPriority', plan.regionalPriority)
    plan.participants.entries.forEach((entry, i) => {
      add(`/participants/entries/${i}/name`, entry.name)
      if (entry.contacts) add(`/participants/entries/${i}/contacts/raw`, entry.contacts.raw, 'contacts')
    })
    plan.preparation.steps.forEach((step, i) => {
      if (step.title !== undefined) add(`/preparation/steps/${i}/title`, step.title)
      add(`/preparation/steps/${i}/text`, step.text)
    })
    plan.followUp.forEach((item, i) => add(`/followUp/${i}/text`, item.text))
    plan.complementarity.points.forEach((item, i) => add(`/complementarity/points/${i}/text`, item.text))
    plan.priorityResponses.forEach((response, i) => addBlocks(add, response.blocks, `/priorityResponses/${i}/blocks`))
    plan.narrative?.forEach((section, i) => addBlocks(add, section.blocks, `/narrative/${i}/blocks`))
  }
  plan.axes.forEach((axis, a) => {
    const axisPointer = `/axes/${a}`
    if (add) {
      if (axis.heading !== undefined) add(`${axisPointer}/heading`, axis.heading)
      add(`${axisPointer}/title`, axis.title)
      if (axis.description) addBlocks(add, axis.description, `${axisPointer}/description`)
    }
    axis.objectives.forEach((objective, o) => {
      const objectivePointer = `${axisPointer}/objectives/${o}`
      if (add) {
        add(`${objectivePointer}/title`, objective.title)
        if (objective.details) addBlocks(add, objective.details, `${objectivePointer}/details`)
      }
      objective.rows.forEach((row, r) => {
        onRow?.(a, o, r)
        if (add) addRow(add, row, `${objectivePointer}/rows/${r}`)
      })
    })
  })
}

type AddText = (pointer: string, text: string, kind?: TextField['kind']) => void

function addRow(add: AddText, row: Row, base: string): void {
  row.actions.forEach((action, n) => {
    add(`${base}/actions/${n}/text`, action.text)
    if (action.content) addBlocks(add, action.content, `${base}/actions/${n}/content`)
  })
  if (row.responsible) add(`${base}/responsible/raw`, row.responsible.raw, 'cell')
  if (row.partners) add(`${base}/partners/raw`, row.partners.raw, 'cell')
  row.results?.forEach((result, n) => add(`${base}/results/${n}/text`, result.text))
  row.indicators?.forEach((indicator, n) => add(`${base}/indicators/${n}/text`, indicator.text))
  row.schedule?.forEach((block, b) => {
    add(`${base}/schedule/${b}/years/raw`, block.years.raw, 'cell')
    block.steps.forEach((step, s) => {
      add(`${base}/schedule/${b}/steps/${s}/text`, step.text)
      step.items?.forEach((item, k) => add(`${base}/schedule/${b}/steps/${s}/items/${k}`, item))
    })
  })
  if (row.budget) add(`${base}/budget/raw`, row.budget.raw, 'cell')
}

function addBlocks(add: AddText, blocks: readonly Block[], base: string): void {
  blocks.forEach((block, i) => {
    if (block.type === 'paragraph') add(`${base}/${i}/text`, block.text)
    else
      block.items.forEach((item, k) => {
        add(`${base}/${i}/items/${k}/text`, item.text)
        item.items?.forEach((sub, m) => add(`${base}/${i}/items/${k}/items/${m}`, sub))
      })
  })
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

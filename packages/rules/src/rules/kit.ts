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

/**
 * Every text the chantier wrote (not ids, codes or parsed values), in document order. Built into one
 * array by plain pushes: nested generators cost more than the rules that read the texts.
 */
export function textFields(plan: PlanDocument): TextField[] {
  const out: TextField[] = []
  const add = (pointer: string, text: string, kind: TextField['kind'] = 'content') => void out.push({ pointer, text, kind })
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
  plan.priorityResponses.forEach((response, i) => addBlocks(out, response.blocks, `/priorityResponses/${i}/blocks`))
  plan.narrative?.forEach((section, i) => addBlocks(out, section.blocks, `/narrative/${i}/blocks`))
  plan.axes.forEach((axis, a) => {
    const axisPointer = `/axes/${a}`
    if (axis.heading !== undefined) add(`${axisPointer}/heading`, axis.heading)
    add(`${axisPointer}/title`, axis.title)
    if (axis.description) addBlocks(out, axis.description, `${axisPointer}/description`)
    axis.objectives.forEach((objective, o) => {
      const objectivePointer = `${axisPointer}/objectives/${o}`
      add(`${objectivePointer}/title`, objective.title)
      if (objective.details) addBlocks(out, objective.details, `${objectivePointer}/details`)
      objective.rows.forEach((row, r) => addRow(out, row, `${objectivePointer}/rows/${r}`))
    })
  })
  return out
}

function addRow(out: TextField[], row: Row, base: string): void {
  row.actions.forEach((action, n) => {
    out.push({ pointer: `${base}/actions/${n}/text`, text: action.text, kind: 'content' })
    if (action.content) addBlocks(out, action.content, `${base}/actions/${n}/content`)
  })
  if (row.responsible) out.push({ pointer: `${base}/responsible/raw`, text: row.responsible.raw, kind: 'cell' })
  if (row.partners) out.push({ pointer: `${base}/partners/raw`, text: row.partners.raw, kind: 'cell' })
  row.results?.forEach((result, n) => out.push({ pointer: `${base}/results/${n}/text`, text: result.text, kind: 'content' }))
  row.indicators?.forEach((indicator, n) => out.push({ pointer: `${base}/indicators/${n}/text`, text: indicator.text, kind: 'content' }))
  row.schedule?.forEach((block, b) => {
    out.push({ pointer: `${base}/schedule/${b}/years/raw`, text: block.years.raw, kind: 'cell' })
    block.steps.forEach((step, s) => {
      out.push({ pointer: `${base}/schedule/${b}/steps/${s}/text`, text: step.text, kind: 'content' })
      step.items?.forEach((item, k) => out.push({ pointer: `${base}/schedule/${b}/steps/${s}/items/${k}`, text: item, kind: 'content' }))
    })
  })
  if (row.budget) out.push({ pointer: `${base}/budget/raw`, text: row.budget.raw, kind: 'cell' })
}

function addBlocks(out: TextField[], blocks: readonly Block[], base: string): void {
  blocks.forEach((block, i) => {
    if (block.type === 'paragraph') out.push({ pointer: `${base}/${i}/text`, text: block.text, kind: 'content' })
    else
      block.items.forEach((item, k) => {
        out.push({ pointer: `${base}/${i}/items/${k}/text`, text: item.text, kind: 'content' })
        item.items?.forEach((sub, m) => out.push({ pointer: `${base}/${i}/items/${k}/items/${m}`, text: sub, kind: 'content' }))
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

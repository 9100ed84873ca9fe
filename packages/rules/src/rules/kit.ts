import { findProfile, generic, type PlanDocument, pointerResolves, type Presence, type Profile, textsOf } from '@demarche/domain'
import type { Bilingual, TextField } from '../engine/rule.js'

/**
 * Every text the chantier wrote (not ids, codes or parsed values), in document order, as one array: the
 * domain walker's texts. The plan's own profile names them unless another is given.
 */
export function textFields(plan: PlanDocument, profile?: Profile): TextField[] {
  return textsOf(plan, profile ?? findProfile(plan.profile.id, plan.profile.version) ?? generic)
}

export function isRequired(presence: Presence): boolean {
  return presence === 'required'
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === ''
}

/** How many words of a text contain at least one letter (numbers and dashes alone do not count). */
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

/**
 * Where a finding about missing content points: `expected` is where the content should go (an empty list,
 * or a section the document leaves out), and `pointer` the place the finding is about (`at`), or its nearest
 * ancestor that exists in the plan, so that neither names a node that is not there.
 */
export function missingAt(plan: PlanDocument, at: string, expected: string): { pointer: string; expected: string } {
  let pointer = at
  while (pointer !== '' && !pointerResolves(plan, pointer)) pointer = pointer.slice(0, pointer.lastIndexOf('/'))
  return { pointer, expected }
}

import type { NameReference } from './notation/organisation-list.js'
import { foldText } from './notation/text.js'
import type { Participation } from './plan/participants.js'
import type { VocabularyEntry } from './profile/profile.js'

/** The keys a participant answers to: its name, its acronym, and the name without the acronym in brackets. */
export function participantKeys(participant: Pick<Participation, 'name' | 'acronym' | 'raw'>): string[] {
  const keys = new Set<string>()
  const add = (text: string | undefined) => {
    const folded = text === undefined ? '' : foldText(text).replace(/[.,;:]+$/, '')
    if (folded !== '') keys.add(folded)
  }
  add(participant.name)
  add(participant.acronym)
  const bracketed = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(participant.name)
  if (bracketed) {
    add(bracketed[1])
    add(bracketed[2])
  }
  return [...keys]
}

/** Splits "Comité régional pour la valorisation de l'éducation (CREVALE)" into name and acronym. */
export function splitAcronym(text: string): { name: string; acronym?: string } {
  const match = /^(.*\S)\s*\(([A-ZÀ-Ý0-9][A-ZÀ-Ý0-9&.\s-]{1,15})\)$/.exec(text.trim())
  if (match?.[1] && match[2]) return { name: match[1], acronym: match[2].trim() }
  return { name: text.trim() }
}

export interface NameIndex {
  resolve(text: string): NameReference | undefined
  /**
   * Splits text that runs several known names together ("Membres du Chantier Comités ponctuels", a cell
   * whose line breaks were lost) into those names; undefined unless every word belongs to a known name.
   */
  segment(text: string): Array<{ text: string; ref: NameReference }> | undefined
}

/**
 * Resolves names written in responsible and partner cells to the roster or the profile's partner groups,
 * ignoring case, accents and the difference between a name and its acronym.
 */
export function buildNameIndex(participants: readonly Participation[], partnerGroups: readonly VocabularyEntry[]): NameIndex {
  const index = new Map<string, NameReference>()
  for (const group of partnerGroups)
    for (const label of [group.label.fr, group.label.en, ...(group.aliases ?? [])])
      if (label) index.set(foldText(label), { partnerGroup: group.id })
  for (const participant of participants)
    for (const key of participantKeys(participant)) if (!index.has(key)) index.set(key, { participant: participant.id })
  const resolve = (text: string) => index.get(foldText(text).replace(/[.,;:]+$/, ''))
  return { resolve, segment: (text) => segment(text, resolve) }
}

function segment(text: string, resolve: (text: string) => NameReference | undefined) {
  type Piece = { text: string; ref: NameReference }
  const words = text.trim().split(/\s+/)
  // best[i]: the segmentation of words[0, i) into the fewest known names.
  const best: Array<Piece[] | undefined> = [[]]
  for (let end = 1; end <= words.length; end++) {
    for (let start = 0; start < end; start++) {
      const before = best[start]
      if (!before) continue
      const candidate = words.slice(start, end).join(' ')
      const ref = resolve(candidate)
      if (ref && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, { text: candidate, ref }]
    }
  }
  const found = best[words.length]
  return found && found.length > 1 ? found : undefined
}

/**
 * The standard effect a result restates, if any: most of the effect's significant words appear in the
 * result (plans quote the effects with small variations).
 */
export function matchStandardEffect(text: string, effects: readonly VocabularyEntry[], threshold = 0.6): string | undefined {
  const words = significantWords(text)
  let best: { id: string; score: number } | undefined
  for (const { id, wanted } of effectWords(effects)) {
    if (wanted.size === 0) continue
    let found = 0
    for (const word of wanted) if (words.has(word)) found++
    const score = found / wanted.size
    if (score >= threshold && (!best || score > best.score)) best = { id, score }
  }
  return best?.id
}

const effectWordCache = new WeakMap<readonly VocabularyEntry[], Array<{ id: string; wanted: Set<string> }>>()

/** The significant words of each effect's label and aliases, computed once per vocabulary. */
function effectWords(effects: readonly VocabularyEntry[]) {
  let words = effectWordCache.get(effects)
  if (!words) {
    words = effects.flatMap((effect) => [effect.label.fr, ...(effect.aliases ?? [])].map((label) => ({ id: effect.id, wanted: significantWords(label) })))
    effectWordCache.set(effects, words)
  }
  return words
}

const STOP_WORDS = new Set(['les', 'des', 'une', 'aux', 'par', 'pour', 'dans', 'chez', 'avec', 'sur', 'que', 'qui', 'leur', 'leurs', 'ses', 'plus', 'comme', 'lien', 'entre'])

function significantWords(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/s$/, '')),
  )
}

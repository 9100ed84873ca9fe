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
  /**
   * The participants and partner groups a name that resolves to none may mean, closest first: those whose
   * name it abbreviates ("CSS des Samares"), then those that share most of its significant words. For the
   * findings of an importer, which name the candidates to the person who wrote the cell.
   */
  candidates(text: string): NameCandidate[]
}

export interface NameCandidate {
  ref: NameReference
  name: string
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
  const named: Array<NameCandidate & { words: string[] }> = [
    ...participants.map((participant) => ({ ref: { participant: participant.id }, name: participant.name, words: nameWords(splitAcronym(participant.name).name) })),
    ...partnerGroups.map((group) => ({ ref: { partnerGroup: group.id }, name: group.label.fr, words: nameWords(group.label.fr) })),
  ]
  const exact = (text: string) => index.get(foldText(text).replace(/[.,;:]+$/, ''))
  const candidates = (text: string) => nameCandidates(text, named)
  // A short form that abbreviates exactly one name ("CSS des Samares") is that name; two or more stay unresolved.
  const resolve = (text: string) => {
    const found = exact(text)
    if (found || !/\p{Lu}{2}/u.test(text)) return found
    const abbreviated = named.filter((entry) => abbreviates(text, entry.words))
    return abbreviated.length === 1 ? abbreviated[0]!.ref : undefined
  }
  return { resolve, segment: (text) => segment(text, resolve), candidates }
}

const NAME_STOP_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'pour', 'aux', 'au', 'of', 'the', 'and', 'for'])

/** The folded words of a name, apostrophes split ("l'éducation" gives "l", "education"). */
function nameWords(text: string): string[] {
  return foldText(text).split(/[^a-z0-9]+/).filter(Boolean)
}

/**
 * True when `text` is the name's words, each upper-case token standing for a run of the name's words by
 * their initials (stop words may be skipped on either side): "CSS des Samares" for "Centre de services
 * scolaire des Samares".
 */
function abbreviates(text: string, words: readonly string[]): boolean {
  const tokens = text.split(/[\s'’]+/).filter(Boolean)
  const match = (token: number, word: number): boolean => {
    if (token === tokens.length) return words.slice(word).every((rest) => NAME_STOP_WORDS.has(rest))
    const raw = tokens[token]!
    const folded = foldText(raw).replace(/[^a-z0-9]/g, '')
    if (folded === '') return match(token + 1, word)
    if (NAME_STOP_WORDS.has(folded) && match(token + 1, word)) return true
    if (word < words.length && NAME_STOP_WORDS.has(words[word]!) && match(token, word + 1)) return true
    if (word < words.length && words[word] === folded && match(token + 1, word + 1)) return true
    if (/^\p{Lu}{2,}$/u.test(raw)) {
      // Each letter of the acronym starts one significant word, in order.
      let at = word
      for (const letter of folded) {
        while (at < words.length && NAME_STOP_WORDS.has(words[at]!)) at++
        if (at >= words.length || !words[at]!.startsWith(letter)) return false
        at++
      }
      return match(token + 1, at)
    }
    return false
  }
  return tokens.length > 0 && match(0, 0)
}

function nameCandidates(text: string, named: ReadonlyArray<NameCandidate & { words: string[] }>): NameCandidate[] {
  const wanted = new Set(nameWords(text).filter((word) => !NAME_STOP_WORDS.has(word) && word.length > 1))
  const scored = named
    .map((entry) => {
      if (abbreviates(text, entry.words)) return { entry, score: 2 }
      const significant = new Set(entry.words.filter((word) => !NAME_STOP_WORDS.has(word) && word.length > 1))
      let shared = 0
      for (const word of wanted) if (significant.has(word)) shared++
      return { entry, score: wanted.size === 0 ? 0 : shared / Math.max(wanted.size, significant.size) }
    })
    .filter((candidate) => candidate.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name, 'fr'))
  return scored.slice(0, 5).map(({ entry }) => ({ ref: entry.ref, name: entry.name }))
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

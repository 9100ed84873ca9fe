import type { PlanDocument, Profile } from '@demarche/domain'
import { distance } from 'fastest-levenshtein'

/** A word of a text, as the spelling rule reads it. */
export interface WordToken {
  /** The word, without an elided article or pronoun before it ("arrimages" in "l’arrimages"). */
  word: string
  /** The elided word before it, when there is one ("l", "d", "qu"). */
  elision?: string
  /** The apostrophe as written (’ or '). */
  apostrophe?: string
  /** What separates it from the previous word. */
  gap: string
  /** False for what a dictionary cannot judge: acronyms, single letters, ordinals ("3ème"), parts of addresses. */
  checkable: boolean
}

/** Words that elide before a vowel; another word before an apostrophe belongs to the word ("aujourd’hui", "quelqu’un"). */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu'])
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu
/** Web and mail addresses: their parts are not words. */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b[\w.-]+\.(?:com|org|net|ca|quebec)\b\S*/giu

/** The words of a text in order, each with what precedes it. */
export function splitWords(text: string): WordToken[] {
  const addresses = [...text.matchAll(ADDRESS)].map((match) => [match.index, match.index + match[0].length] as const)
  const tokens: WordToken[] = []
  let previousEnd = 0
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    const gap = text.slice(previousEnd, start)
    previousEnd = start + match[0].length
    let word = match[0]
    let elision: string | undefined
    let apostrophe: string | undefined
    const elided = /^(\p{L}+)(['’])(\p{L}.*)$/u.exec(word)
    if (elided && ELISIONS.has(elided[1]!.toLowerCase())) {
      elision = elided[1]!
      apostrophe = elided[2]!
      word = elided[3]!
    }
    const checkable =
      word.replace(/['’-]/g, '').length >= 2 &&
      (word.match(/\p{Lu}/gu)?.length ?? 0) < 2 &&
      !/\d$/.test(text.slice(0, start)) &&
      !addresses.some(([from, to]) => start >= from && start < to)
    tokens.push({ word, gap, checkable, ...(elision && { elision, apostrophe }) })
  }
  return tokens
}

/**
 * Words the plan and its profile make known, lower case: the participants' names and contacts (organisations,
 * people), the plan's information (programme, chantier), every label and term of the profile, and the rule
 * set's own list.
 */
export function knownWordsOf(plan: PlanDocument, profile: Profile, extra: readonly string[]): Set<string> {
  const known = new Set<string>()
  const add = (text: string) => {
    for (const token of splitWords(text)) {
      known.add(token.word.toLowerCase())
      for (const part of token.word.split('-')) known.add(part.toLowerCase())
    }
  }
  for (const value of [plan.metadata, plan.participants, profile, extra]) forEachString(value, add)
  return known
}

function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value)
  else if (Array.isArray(value)) for (const item of value) forEachString(item, visit)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) forEachString(item, visit)
}

/**
 * The plan's or profile's word nearest a word the dictionary lacks: one letter away for short words, two
 * for longer ones (accents count as letters); the most frequent on a tie. Capitalised like the word.
 */
export function nearestPlanWord(word: string, planWords: ReadonlyMap<string, number>): string | undefined {
  const lower = word.toLowerCase()
  const most = lower.length <= 5 ? 1 : 2
  let best: { word: string; distance: number; count: number } | undefined
  for (const [candidate, count] of planWords) {
    if (Math.abs(candidate.length - lower.length) > most || candidate === lower) continue
    const apart = distance(candidate, lower)
    if (apart > most) continue
    if (!best || apart < best.distance || (apart === best.distance && (count > best.count || (count === best.count && candidate < best.word))))
      best = { word: candidate, distance: apart, count }
  }
  if (!best) return undefined
  return /^\p{Lu}/u.test(word) ? best.word.charAt(0).toUpperCase() + best.word.slice(1) : best.word
}

import { foldText } from '@demarche/domain'

/**
 * A heading as people vary it, reduced to what identifies it: case, accents, line breaks, punctuation,
 * a leading number ("1.", "2)") and "(optionnel)"/"(optional)" do not count.
 */
export function headingKey(text: string): string {
  const known = keys.get(text)
  if (known !== undefined) return known
  const key = foldText(text.replace(/\*+/g, ''))
    .replace(/\((optionnel|optionelle|optionnelle|optional|facultatif)\)/g, ' ')
    .replace(/^\s*\d+\s*[.)-]?\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
  // The form's labels are compared with every paragraph and header cell: each is reduced once (bounded cache).
  if (keys.size >= 4096) keys.clear()
  keys.set(text, key)
  return key
}

const keys = new Map<string, string>()

/**
 * Similarity of two heading keys in [0, 1]: 1 − edit distance / longer length. With a `floor`, a similarity
 * below it may come back as 0 (the distance stops once it cannot reach the floor); at or above, it is exact.
 */
export function similarity(a: string, b: string, floor = 0): number {
  if (a === b) return 1
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  // Lengths too far apart cannot reach any useful similarity: skip the quadratic distance.
  if (Math.abs(a.length - b.length) / longer > 0.4) return 0
  const most = floor > 0 ? Math.floor((1 - floor) * longer + 1e-9) : longer
  if (Math.abs(a.length - b.length) > most) return 0
  const distance = editDistance(a, b, most)
  return distance > most ? 0 : 1 - distance / longer
}

/** Typos, a dropped letter or a plural: a heading this close to the form's is the form's. */
export const SAME_HEADING = 0.8

let row = new Int32Array(64)

/** The edit distance of two texts, or a number over `most` as soon as the distance is known to exceed it. */
function editDistance(a: string, b: string, most: number): number {
  // One row of the table, reused: the distance is computed for every heading against every label.
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1)
  for (let j = 0; j <= b.length; j++) row[j] = j
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1)
    let diagonal = row[0]!
    let least = (row[0] = i)
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      const value = Math.min(above + 1, row[j - 1]! + 1, diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1))
      row[j] = value
      if (value < least) least = value
      diagonal = above
    }
    // A row's least value never decreases further down: past the bound, the distance is too.
    if (least > most) return most + 1
  }
  return row[b.length]!
}

/** The candidate whose keys come closest to the text, when at least `threshold` close. */
export function bestMatch<T>(text: string, candidates: ReadonlyArray<{ value: T; keys: readonly string[] }>, threshold = SAME_HEADING): { value: T; score: number } | undefined {
  const key = headingKey(text)
  let best: { value: T; score: number } | undefined
  for (const candidate of candidates)
    for (const other of candidate.keys) {
      const otherKey = headingKey(other)
      const score = Math.max(similarity(key, otherKey, threshold), shortened(key, otherKey))
      if (score >= threshold && (!best || score > best.score)) best = { value: candidate.value, score }
    }
  return best
}

/**
 * A heading cut short ("Résultats" for "Résultats (changements souhaités)", "Indicateurs" for "Indices de
 * progression / indicateurs"): every word of the shorter, one of them a real word, is in the longer.
 */
function shortened(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  const words = wordsOf(short)
  const longWords = wordsOf(long)
  return words.size > 0 && [...words].some((word) => word.length >= 5) && [...words].every((word) => longWords.has(word)) ? SAME_HEADING : 0
}

const wordSets = new Map<string, Set<string>>()

function wordsOf(key: string): Set<string> {
  let words = wordSets.get(key)
  if (!words) {
    if (wordSets.size >= 4096) wordSets.clear()
    words = new Set(key.split(' ').filter(Boolean))
    wordSets.set(key, words)
  }
  return words
}

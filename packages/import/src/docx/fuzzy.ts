import { foldText } from '@demarche/domain'

/**
 * A heading as people vary it, reduced to what identifies it: case, accents, line breaks, punctuation,
 * a leading number ("1.", "2)") and "(optionnel)"/"(optional)" do not count.
 */
export function headingKey(text: string): string {
  return foldText(text.replace(/\*+/g, ''))
    .replace(/\((optionnel|optionelle|optionnelle|optional|facultatif)\)/g, ' ')
    .replace(/^\s*\d+\s*[.)-]?\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Similarity of two heading keys in [0, 1]: 1 − edit distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  // Lengths too far apart cannot reach any useful similarity: skip the quadratic distance.
  if (Math.abs(a.length - b.length) / longer > 0.4) return 0
  return 1 - editDistance(a, b) / longer
}

/** Typos, a dropped letter or a plural: a heading this close to the form's is the form's. */
export const SAME_HEADING = 0.8

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

/** The candidate whose keys come closest to the text, when at least `threshold` close. */
export function bestMatch<T>(text: string, candidates: ReadonlyArray<{ value: T; keys: readonly string[] }>, threshold = SAME_HEADING): { value: T; score: number } | undefined {
  const key = headingKey(text)
  let best: { value: T; score: number } | undefined
  for (const candidate of candidates)
    for (const other of candidate.keys) {
      const score = Math.max(similarity(key, headingKey(other)), shortened(key, headingKey(other)))
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
  const words = short.split(' ').filter(Boolean)
  const longWords = new Set(long.split(' '))
  return words.length > 0 && words.some((word) => word.length >= 5) && words.every((word) => longWords.has(word)) ? SAME_HEADING : 0
}

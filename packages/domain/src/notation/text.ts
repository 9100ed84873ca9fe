const folded = new Map<string, string>()
const FOLD_CACHE_SIZE = 20_000

/** Folds case, accents, apostrophes, dashes and spacing so that names compare as a reader would. */
export function foldText(text: string): string {
  const cached = folded.get(text)
  if (cached !== undefined) return cached
  const result = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
  // Plans repeat the same names and labels many times; a bounded cache keeps folding off the hot path.
  if (folded.size >= FOLD_CACHE_SIZE) folded.clear()
  folded.set(text, result)
  return result
}

/** Collapses every run of white space (including non-breaking) into one space and trims. */
export function squashSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

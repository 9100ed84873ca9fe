/** Folds case, accents, apostrophes, dashes and spacing so that names compare as a reader would. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Collapses every run of white space (including non-breaking) into one space and trims. */
export function squashSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

import { keyRank } from '@demarche/domain'

/**
 * Compares JSON Pointers in document order: array indexes by value, keys in the order the plan schema declares
 * them under their parent key, other keys after them by text, a pointer before the places inside it. Reads the two strings in place, without splitting them
 * (sorting a large report's findings made a dozen strings per finding that lived until the sort ended).
 */
export function comparePointers(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0 || b.length === 0) return a.length - b.length
  let i = 1
  let j = 1
  for (;;) {
    const endA = segmentEnd(a, i)
    const endB = segmentEnd(b, j)
    if (!sameSegment(a, i, endA, b, j, endB)) {
      const order = compareSegments(a, i, a.slice(i, endA), b.slice(j, endB))
      if (order !== 0) return order
    }
    const lastA = endA === a.length
    const lastB = endB === b.length
    if (lastA || lastB) return lastA === lastB ? 0 : lastA ? -1 : 1
    i = endA + 1
    j = endB + 1
  }
}

function segmentEnd(pointer: string, start: number): number {
  const end = pointer.indexOf('/', start)
  return end === -1 ? pointer.length : end
}

function sameSegment(a: string, i: number, endA: number, b: string, j: number, endB: number): boolean {
  if (endA - i !== endB - j) return false
  for (; i < endA; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false
  return true
}

/**
 * Two different segments that start at `start` in `pointer` (after a prefix both pointers share): indexes
 * first, by value ("01" is 1); then keys by their rank under their parent key, then by text.
 */
function compareSegments(pointer: string, start: number, x: string, y: string): number {
  const indexX = isIndex(x)
  const indexY = isIndex(y)
  if (indexX && indexY) return Number(x) - Number(y)
  if (indexX || indexY) return indexX ? -1 : 1
  const parent = parentKeyAt(pointer, start)
  const rankX = keyRank(parent, x) ?? Number.MAX_SAFE_INTEGER
  const rankY = keyRank(parent, y) ?? Number.MAX_SAFE_INTEGER
  return rankX - rankY || (x < y ? -1 : 1)
}

/** The nearest key before the segment at `start` that is not an array index ("" at the root). */
function parentKeyAt(pointer: string, start: number): string {
  let end = start - 1
  while (end > 0) {
    const begin = pointer.lastIndexOf('/', end - 1) + 1
    const segment = pointer.slice(begin, end)
    if (!isIndex(segment)) return segment
    end = begin - 1
  }
  return ''
}

function isIndex(segment: string): boolean {
  if (segment.length === 0) return false
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

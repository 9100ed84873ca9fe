/** Keys in the order they appear in a plan, so findings sort as a reader meets them. */
const KEY_ORDER = [
  'schemaVersion', 'id', 'profile', 'metadata', 'regionalPriority', 'participants', 'raw', 'entries', 'preparation', 'intro', 'steps',
  'followUp', 'complementarity', 'points', 'priorityResponses', 'narrative', 'axes', 'number', 'heading', 'title', 'description',
  'objectives', 'details', 'rows', 'actions', 'label', 'text', 'content', 'responsible', 'partners', 'results', 'indicators',
  'schedule', 'years', 'budget', 'financialPlan',
]
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]))

/**
 * Compares JSON Pointers in document order: array indexes by value, known keys in plan order, other keys
 * by text, a pointer before the places inside it. Reads the two strings in place, without splitting them
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
      const order = compareSegments(a.slice(i, endA), b.slice(j, endB))
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

/** Two different segments: indexes first, by value ("01" is 1); then keys by their rank in a plan, then by text. */
function compareSegments(x: string, y: string): number {
  const indexX = isIndex(x)
  const indexY = isIndex(y)
  if (indexX && indexY) return Number(x) - Number(y)
  if (indexX || indexY) return indexX ? -1 : 1
  const rankX = RANK.get(x) ?? KEY_ORDER.length
  const rankY = RANK.get(y) ?? KEY_ORDER.length
  return rankX - rankY || (x < y ? -1 : 1)
}

function isIndex(segment: string): boolean {
  if (segment.length === 0) return false
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** Keys in the order they appear in a plan, so findings sort as a reader meets them. */
const KEY_ORDER = [
  'schemaVersion', 'id', 'profile', 'metadata', 'regionalPriority', 'participants', 'raw', 'entries', 'preparation', 'intro', 'steps',
  'followUp', 'complementarity', 'points', 'priorityResponses', 'narrative', 'axes', 'number', 'heading', 'title', 'description',
  'objectives', 'details', 'rows', 'actions', 'label', 'text', 'content', 'responsible', 'partners', 'results', 'indicators',
  'schedule', 'years', 'budget', 'financialPlan',
]
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]))

/** A pointer as segments ready to compare: numbers by value, known keys by their rank in a plan. */
export type PointerKey = ReadonlyArray<number | string>

export function pointerSortKey(pointer: string): PointerKey {
  const segments: Array<number | string> = pointer.split('/')
  segments.shift()
  for (let i = 0; i < segments.length; i++) if (isIndex(segments[i] as string)) segments[i] = Number(segments[i])
  return segments
}

function isIndex(segment: string): boolean {
  if (segment.length === 0) return false
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** Compares pointer keys in document order: numeric segments by value, known keys by plan order. */
export function comparePointerKeys(left: PointerKey, right: PointerKey): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!
    const y = right[i]!
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    const rx = typeof x === 'number' ? -1 : (RANK.get(x) ?? KEY_ORDER.length)
    const ry = typeof y === 'number' ? -1 : (RANK.get(y) ?? KEY_ORDER.length)
    if (rx !== ry) return rx - ry
    return String(x) < String(y) ? -1 : 1
  }
  return left.length - right.length
}

/** Compares JSON Pointers in document order. */
export function comparePointers(a: string, b: string): number {
  return comparePointerKeys(pointerSortKey(a), pointerSortKey(b))
}

import { formatInteger } from '@demarche/domain'
import { AppError } from './errors.js'

/**
 * The bounds of what the service accepts, besides the body size (`BODY_LIMIT_BYTES`): why each one is what
 * it is is in docs/security.md, "Limits", beside the sizes of the real and generated plans they leave room for.
 */
export const LIMITS = {
  /** Containers (objects and arrays) nested in one another, the outermost counted. */
  depth: 64,
  /** Values (containers, strings, numbers, booleans, nulls) in one document. */
  nodes: 2_000_000,
  /** UTF-16 code units in one string, object keys included. */
  stringLength: 100_000,
  /** Operations in one JSON Patch (its schema's `maxItems`). */
  patchOperations: 1000,
  /**
   * A profile or rule set: the body that registers it, and the definition once its `extends` is applied
   * (bytes of JSON). Bounds its values too (a value is at least two bytes of JSON).
   */
  definitionBytes: 256 * 1024,
} as const

/** Where a JSON value came from, as problem issues say it (`document`: the plan a patch would make). */
export type Place = 'body' | 'querystring' | 'params' | 'document'

interface Issue {
  in: Place
  pointer: string
  code: string
  message: { fr: string; en: string }
}

/** A position in the walk: the parent chain, so that a pointer is built only for an issue. */
interface Step {
  value: unknown
  depth: number
  key: string | undefined
  parent: Step | undefined
}

function pointerOf(step: Step | undefined, key?: string): string {
  const keys: string[] = key === undefined ? [] : [key]
  for (let at = step; at !== undefined && at.key !== undefined; at = at.parent) keys.push(at.key)
  return keys
    .reverse()
    .map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('')
}

const CHARACTERS_TITLE = {
  fr: 'Un texte contient un caractère nul (U+0000) ou une moitié de paire de substitution UTF-16 isolée : ni l’un ni l’autre n’est du texte que le service conserve.',
  en: 'A text holds a NUL character (U+0000) or a lone UTF-16 surrogate: neither is text the service keeps.',
}

/** The issue of a string (a value or a key), if it has one: NUL, lone surrogate. Length is a limit, thrown. */
function textIssue(text: string, place: Place, pointer: () => string): Issue | undefined {
  if (text.includes('\u0000')) return { in: place, pointer: pointer(), code: 'nul-character', message: { fr: 'Caractère nul (U+0000) interdit.', en: 'NUL character (U+0000) not allowed.' } }
  if (!isWellFormed(text)) return { in: place, pointer: pointer(), code: 'lone-surrogate', message: { fr: 'Moitié de paire de substitution isolée (texte UTF-16 mal formé).', en: 'Lone surrogate (ill-formed UTF-16 text).' } }
  return undefined
}

function tooLong(place: Place, pointer: string): AppError {
  return new AppError(
    'string-too-long',
    { fr: `Un texte dépasse ${formatInteger(LIMITS.stringLength, 'fr')} caractères.`, en: `A text is longer than ${formatInteger(LIMITS.stringLength, 'en')} characters.` },
    { errors: [{ in: place, pointer, code: 'string-too-long', message: { fr: `Au plus ${LIMITS.stringLength} caractères.`, en: `At most ${LIMITS.stringLength} characters.` } }] },
  )
}

/**
 * One iterative pass over a parsed JSON value (no recursion, so no stack to overflow however deep it is):
 * throws `too-deep`, `too-many-nodes` or `string-too-long` (413) at the first bound passed,
 * `invalid-request` (400) for numbers JSON.parse made infinite (1e309), and
 * `invalid-characters` (400) listing the strings and keys that hold a NUL or a lone surrogate — text
 * PostgreSQL refuses (NUL) or cannot store as sent (surrogates), refused the same on PGlite and PostgreSQL.
 */
export function checkJson(value: unknown, place: Place): void {
  // The common case, a clean document, in a lean loop (no objects per value); the walk that locates what
  // is wrong runs only when something is.
  if (!withinBounds(value)) locate(value, place)
}

const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed()
const cleanText = (text: string) => text.length <= LIMITS.stringLength && !text.includes('\u0000') && isWellFormed(text)

/** Whether the value is within every bound and holds no refused text or number. */
function withinBounds(value: unknown): boolean {
  const values: unknown[] = [value]
  const depths: number[] = [0]
  let nodes = 0
  while (values.length > 0) {
    const current = values.pop()
    const parentDepth = depths.pop()!
    if (++nodes > LIMITS.nodes) return false
    if (typeof current === 'string') {
      if (!cleanText(current)) return false
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return false
    } else if (current !== null && typeof current === 'object') {
      const depth = parentDepth + 1
      if (depth > LIMITS.depth) return false
      if (Array.isArray(current)) {
        for (let index = 0; index < current.length; index++) {
          values.push(current[index])
          depths.push(depth)
        }
      } else
        for (const key in current) {
          if (!Object.hasOwn(current, key)) continue
          if (!cleanText(key)) return false
          values.push((current as Record<string, unknown>)[key])
          depths.push(depth)
        }
    }
  }
  return true
}

/** The walk that finds and throws what `withinBounds` refused, with JSON Pointers. */
function locate(value: unknown, place: Place): void {
  const issues: Issue[] = []
  const numbers: Issue[] = []
  let nodes = 0
  const stack: Step[] = [{ value, depth: 0, key: undefined, parent: undefined }]
  while (stack.length > 0) {
    const step = stack.pop()!
    if (++nodes > LIMITS.nodes)
      throw new AppError(
        'too-many-nodes',
        { fr: `Le document compte plus de ${formatInteger(LIMITS.nodes, 'fr')} valeurs.`, en: `The document holds more than ${formatInteger(LIMITS.nodes, 'en')} values.` },
        { errors: [{ in: place, pointer: '', code: 'too-many-nodes', message: { fr: `Au plus ${LIMITS.nodes} valeurs.`, en: `At most ${LIMITS.nodes} values.` } }] },
      )
    const current = step.value
    if (typeof current === 'string') {
      if (current.length > LIMITS.stringLength) throw tooLong(place, pointerOf(step))
      if (issues.length < 20) {
        const issue = textIssue(current, place, () => pointerOf(step))
        if (issue) issues.push(issue)
      }
      continue
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current) && numbers.length < 20) numbers.push(notFinite(place, pointerOf(step)))
      continue
    }
    if (current === null || typeof current !== 'object') continue
    const depth = step.depth + 1
    if (depth > LIMITS.depth)
      throw new AppError(
        'too-deep',
        { fr: `Le document imbrique plus de ${LIMITS.depth} niveaux d’objets ou de listes.`, en: `The document nests objects or arrays more than ${LIMITS.depth} levels deep.` },
        { errors: [{ in: place, pointer: pointerOf(step), code: 'too-deep', message: { fr: `Au plus ${LIMITS.depth} niveaux.`, en: `At most ${LIMITS.depth} levels.` } }] },
      )
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], depth, key: String(index), parent: step })
      continue
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue
      if (key.length > LIMITS.stringLength) throw tooLong(place, pointerOf(step, key))
      if (issues.length < 20) {
        const issue = textIssue(key, place, () => pointerOf(step, key))
        if (issue) issues.push(issue)
      }
      stack.push({ value: (current as Record<string, unknown>)[key], depth, key, parent: step })
    }
  }
  if (issues.length > 0) throw new AppError('invalid-characters', CHARACTERS_TITLE, { errors: issues })
  if (numbers.length > 0) throw notFiniteError(numbers)
}

function notFinite(place: Place, pointer: string): Issue {
  return { in: place, pointer, code: 'not-finite', message: { fr: 'Nombre hors de l’étendue des nombres finis (Infinity, NaN, 1e309…).', en: 'Number out of the finite range (Infinity, NaN, 1e309…).' } }
}

function notFiniteError(errors: Issue[]): AppError {
  return new AppError('invalid-request', { fr: 'Un nombre de la requête n’est pas un nombre fini.', en: 'A number of the request is not a finite number.' }, { errors })
}

/**
 * After validation: numbers of the path and query string that the schema's coercion made infinite
 * (Ajv coerces "Infinity" or "1e309" to Infinity and lets it through its `maximum`), refused with
 * `invalid-request` before any SQL sees them.
 */
export function checkFiniteParameters(values: unknown, place: 'querystring' | 'params'): void {
  if (values === null || typeof values !== 'object') return
  const errors: Issue[] = []
  for (const [key, value] of Object.entries(values))
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'number' && !Number.isFinite(item)) errors.push(notFinite(place, `/${key}`))
  if (errors.length > 0) throw notFiniteError(errors)
}

/**
 * The size of a value written as JSON, in characters (approximately: numbers count 8), counted up to
 * `budget` only: a value past the budget answers `Infinity` after reading `budget` characters' worth of it.
 */
export function jsonSizeWithin(value: unknown, budget: number): number {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (typeof current === 'string') size += current.length + 3
    else if (current === null || typeof current !== 'object') size += 8
    else if (Array.isArray(current)) {
      size += 2 + current.length
      for (const item of current) stack.push(item)
    } else {
      size += 2
      for (const key in current)
        if (Object.hasOwn(current, key)) {
          size += key.length + 4
          stack.push((current as Record<string, unknown>)[key])
        }
    }
    if (size > budget) return Number.POSITIVE_INFINITY
  }
  return size
}

import { hash } from 'node:crypto'

/**
 * JSON with object keys sorted, so that equal values give equal text (RFC 8785 in spirit). Objects whose
 * keys are already in order are passed through untouched, which keeps this close to JSON.stringify's speed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null'
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  let ordered = true
  for (let i = 1; i < keys.length && ordered; i++) ordered = keys[i - 1]! < keys[i]!
  if (ordered) return value
  const sorted: Record<string, unknown> = {}
  for (const key of keys.sort()) sorted[key] = (value as Record<string, unknown>)[key]
  return sorted
}

/**
 * "sha256:…" of a value's JSON as given. Key order counts: the same document (the same JSON text, or the
 * same stored JSONB) gives the same hash; canonicalising keys first doubled the cost of an evaluation.
 */
export function contentHash(value: unknown): string {
  return `sha256:${hash('sha256', JSON.stringify(value) ?? 'undefined')}`
}

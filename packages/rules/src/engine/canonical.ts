import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { jsonMayHoldForbidden } from '@demarche/domain'

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
 *
 * The digest is always that of `JSON.stringify(value)`. A large document is fed to the hash in pieces of
 * about CHUNK characters, so that it never exists as one string (30 MB for a 15 MB plan).
 */
export function contentHash(value: unknown): string {
  return contentHashWith(value, platformSha256)
}

/**
 * contentHash, and whether the JSON text hashed may hold a character XML forbids (`jsonMayHoldForbidden`):
 * scanning the text while it is hashed spares validation a walk of every string.
 */
export function scannedContentHash(value: unknown): { hash: string; mayHoldForbidden: boolean } {
  const scan = { found: false }
  return { hash: contentHashWith(value, platformSha256, scan), mayHoldForbidden: scan.found }
}

interface Scan {
  found: boolean
}

/** An incremental SHA-256 over the UTF-8 encoding of the texts given, digested as lowercase hex. */
export interface Sha256 {
  update(text: string): void
  digest(): string
}

/** The portable SHA-256 (any JavaScript platform, browsers included). */
export function portableSha256(): Sha256 {
  const hash = sha256.create()
  // TextEncoder writes a lone surrogate as U+FFFD, as Node's hash does with a string.
  const encoder = new TextEncoder()
  return {
    update(text) {
      hash.update(encoder.encode(text))
    },
    digest: () => bytesToHex(hash.digest()),
  }
}

type NodeCrypto = typeof import('node:crypto')
/**
 * Node's built-in crypto when the platform has it, reached without an import so that a browser bundle does
 * not need it: native SHA-256 is about ten times faster than the portable one on a large plan.
 */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

/** Node's native SHA-256, when there is one (same digests as the portable one). */
export const nativeSha256: (() => Sha256) | undefined = nodeCrypto
  ? () => {
      const hash = nodeCrypto.createHash('sha256')
      return {
        update(text) {
          hash.update(text)
        },
        digest: () => hash.digest('hex'),
      }
    }
  : undefined

const platformSha256: () => Sha256 = nativeSha256 ?? portableSha256

/** contentHash with a given SHA-256 (exported for its tests, not from the package). */
export function contentHashWith(value: unknown, createSha256: () => Sha256, scan?: Scan): string {
  // A small document is hashed in one piece: writing member by member costs more than it saves.
  if (!exceeds(value, SMALL_DOCUMENT_NODES)) {
    const hash = createSha256()
    const text = JSON.stringify(value) ?? 'undefined'
    if (scan && jsonMayHoldForbidden(text)) scan.found = true
    hash.update(text)
    return `sha256:${hash.digest()}`
  }
  return chunkedContentHash(value, createSha256, scan)
}

/** contentHash's path for large documents, whatever their size (exported for its tests, not from the package). */
export function chunkedContentHash(value: unknown, createSha256: () => Sha256 = platformSha256, scan?: Scan): string {
  const hasher = new ChunkedHasher(createSha256(), scan)
  const text = pieceOf(value, '', 0)
  if (text === undefined) hasher.push('undefined')
  else if (text !== DESCEND) hasher.push(text)
  else writeContainer(hasher, value as object, 0)
  return `sha256:${hasher.digest()}`
}

const CHUNK = 1 << 16
/** About 100 kB of plan JSON: below this many values, a document is hashed from one JSON.stringify. */
const SMALL_DOCUMENT_NODES = 5_000

/** Whether a value holds more than `budget` values (itself included): stops counting once it knows. */
function exceeds(value: unknown, budget: number): boolean {
  const pending: unknown[] = [value]
  let count = 0
  while (pending.length > 0) {
    const next = pending.pop()
    if (++count > budget) return true
    if (next !== null && typeof next === 'object') for (const member of Object.values(next)) pending.push(member)
  }
  return false
}
/**
 * Containers above this depth are written member by member, deeper ones whole: in a plan, a row of the
 * table (/axes/i/objectives/j/rows/k) is one piece of a few kilobytes.
 */
const WHOLE_BELOW_DEPTH = 6
const DESCEND = Symbol('descend')

class ChunkedHasher {
  private pending = ''

  constructor(
    private readonly hash: Sha256,
    private readonly scan: Scan | undefined,
  ) {}

  push(text: string): void {
    this.pending += text
    if (this.pending.length >= CHUNK) this.flush()
  }

  digest(): string {
    this.flush()
    return this.hash.digest()
  }

  // Pieces are whole JSON values, keys or punctuation, so an escape never straddles two chunks.
  private flush(): void {
    if (this.scan && !this.scan.found && jsonMayHoldForbidden(this.pending)) this.scan.found = true
    if (this.pending.length > 0) this.hash.update(this.pending)
    this.pending = ''
  }
}

/**
 * JSON text of a member, undefined where JSON.stringify leaves it out, or DESCEND for an array or a plain
 * object near the root, whose members are then written one by one with exactly JSON.stringify's text.
 */
function pieceOf(value: unknown, key: string, depth: number): string | undefined | typeof DESCEND {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // toJSON receives the member's key, as JSON.stringify gives it.
    const wrapped = JSON.stringify({ [key]: value })
    return wrapped === '{}' ? undefined : wrapped.slice(JSON.stringify(key).length + 2, -1)
  }
  const prototype = Object.getPrototypeOf(value)
  const plain = Array.isArray(value) || prototype === Object.prototype || prototype === null
  return plain && depth < WHOLE_BELOW_DEPTH ? DESCEND : JSON.stringify(value)
}

function writeContainer(hasher: ChunkedHasher, value: object, depth: number): void {
  if (Array.isArray(value)) {
    hasher.push('[')
    for (let index = 0; index < value.length; index++) {
      if (index > 0) hasher.push(',')
      const member: unknown = value[index]
      const text = pieceOf(member, String(index), depth + 1)
      if (text === DESCEND) writeContainer(hasher, member as object, depth + 1)
      else hasher.push(text ?? 'null')
    }
    hasher.push(']')
    return
  }
  hasher.push('{')
  let first = true
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key]
    const text = pieceOf(member, key, depth + 1)
    if (text === undefined) continue
    hasher.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`)
    first = false
    if (text === DESCEND) writeContainer(hasher, member as object, depth + 1)
    else hasher.push(text)
  }
  hasher.push('}')
}

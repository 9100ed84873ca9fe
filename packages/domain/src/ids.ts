const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** A fresh random id such as "ob-7f3k2q9d". */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return `${prefix}-${[...bytes].map((byte) => ALPHABET[byte % 32]).join('')}`
}

/**
 * A reproducible id derived from a seed text (FNV-1a, 40 bits), for tools that must assign the same ids
 * on every run, such as the encoder of the seed documents. Once written, an id is never recomputed.
 */
export function derivedId(prefix: string, seed: string): string {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(seed)) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  hash = finalMix(hash)
  let out = ''
  for (let i = 0; i < 8; i++) {
    out += ALPHABET[Number(hash & 31n)]
    hash >>= 5n
  }
  return `${prefix}-${out}`
}

/** MurmurHash3's 64-bit finaliser: spreads every input bit over the output so that near seeds differ. */
function finalMix(value: bigint): bigint {
  const MASK = 0xffffffffffffffffn
  let h = value
  h ^= h >> 33n
  h = (h * 0xff51afd7ed558ccdn) & MASK
  h ^= h >> 33n
  h = (h * 0xc4ceb9fe1a85ec53n) & MASK
  h ^= h >> 33n
  return h
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** A fresh random id such as "ob-7f3k2q9d". */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return `${prefix}-${[...bytes].map((byte) => ALPHABET[byte % 32]).join('')}`
}

/**
 * A reproducible id derived from a seed text (two 32-bit FNV-1a lanes with a murmur finaliser, 40 bits
 * used), for tools that must assign the same ids on every run. Once written, an id is never recomputed.
 */
export function derivedId(prefix: string, seed: string): string {
  let a = 0x811c9dc5
  let b = 0x050c5d1f
  for (let i = 0; i < seed.length; i++) {
    const code = seed.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x01000193) ^ (a >>> 13)
  }
  a = finalMix(a ^ b)
  b = finalMix(b + a)
  let out = ''
  for (let i = 0; i < 4; i++) out += ALPHABET[(a >>> (i * 5)) & 31]
  for (let i = 0; i < 4; i++) out += ALPHABET[(b >>> (i * 5)) & 31]
  return `${prefix}-${out}`
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output so that near seeds differ. */
function finalMix(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

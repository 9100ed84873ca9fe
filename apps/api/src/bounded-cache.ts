/** Keeps the most recently stored values up to a total size in bytes; the oldest go first. */
export class BoundedCache {
  private readonly entries = new Map<string, string | Buffer>()
  private size = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): string | Buffer | undefined {
    return this.entries.get(key)
  }

  set(key: string, value: string | Buffer): void {
    const bytes = sizeOf(value)
    if (bytes > this.maxBytes) return
    // Two requests that missed together store the same key: count it once.
    this.delete(key)
    this.entries.set(key, value)
    this.size += bytes
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  private delete(key: string): void {
    const stored = this.entries.get(key)
    if (stored === undefined) return
    this.entries.delete(key)
    this.size -= sizeOf(stored)
  }
}

function sizeOf(value: string | Buffer): number {
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length
}

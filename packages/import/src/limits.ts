/** Bounds that keep a hostile file from costing unbounded memory or time. */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number
  /** Most entries an archive may list. */
  maxEntries: number
  /** Largest uncompressed size of one entry the reader inflates, in bytes. */
  maxEntryBytes: number
  /** Largest uncompressed size of all the entries together, in bytes. */
  maxTotalBytes: number
  /** Highest uncompressed/compressed ratio for an entry big enough for the ratio to mean something. */
  maxRatio: number
}

const MIB = 1024 * 1024

/** An Office plan is a few hundred kilobytes; these leave room for images and long plans. */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * MIB,
  maxEntries: 1000,
  maxEntryBytes: 50 * MIB,
  maxTotalBytes: 200 * MIB,
  maxRatio: 200,
}

/** Below this size an entry's ratio is not checked: small XML parts compress very well and are harmless. */
export const RATIO_FLOOR_BYTES = MIB

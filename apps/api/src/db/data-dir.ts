import { linkSync, readFileSync, unlinkSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The one rule for `DATA_DIR`: an absolute path is taken as is; a relative one is resolved against the
 * repository root (the folder holding `pnpm-workspace.yaml` above this package), wherever the command
 * was started from — `pnpm start` at the root and `pnpm --filter @demarche/api keys` (run in apps/api)
 * therefore open the same folder. Outside a checkout (no workspace file above), the current folder.
 */
export function resolveDataDir(dataDir: string, from = dirname(fileURLToPath(import.meta.url)), cwd = process.cwd()): string {
  if (isAbsolute(dataDir)) return dataDir
  return resolve(workspaceRoot(from) ?? cwd, dataDir)
}

function workspaceRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** Who holds a data directory: written whole into its lock file. */
export interface Owner {
  pid: number
  host: string
  startedAt: string
  command: string
}

/** The lock sits beside the data directory, not in it: PGlite initialises only an empty folder. */
export const lockPathOf = (dataDir: string) => `${dataDir.replace(/[\\/]+$/, '')}.lock`

/** The data directory is held by a live process: bilingual, with what an operator needs to act. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner | undefined,
  ) {
    const who = owner ? `${owner.command} (pid ${owner.pid}, ${owner.host}, ${owner.startedAt})` : '?'
    super(
      [
        `Le dossier de données « ${dataDir} » est déjà utilisé par ${who} : une seule instance peut l’ouvrir. Arrêtez-la d’abord, ou utilisez PostgreSQL (DATABASE_URL) pour plusieurs instances.`,
        `The data directory "${dataDir}" is in use by ${who}: only one process may open it. Stop it first, or use PostgreSQL (DATABASE_URL) for several instances.`,
        owner && owner.host !== hostname() ? `Si ce processus n’existe plus, supprimez ${lockPathOf(dataDir)}. / If that process is gone, delete ${lockPathOf(dataDir)}.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    this.name = 'DataDirInUse'
  }
}

export interface DataDirLock {
  readonly path: string
  release(): void
}

/**
 * Makes this process the one owner of `dataDir`, or throws DataDirInUse. The lock file is written whole
 * to a private name and then hard-linked to `<dataDir>.lock` — link() fails if the name exists, atomically,
 * so a reader never sees a half-written owner. A lock whose process is gone (same host, no such pid, or
 * our own pid: a container restarted with the same pid) is stale and taken over at once: a SIGKILLed
 * server does not block its restart. A lock from another host is never taken over (its pid means nothing
 * here).
 */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = lockPathOf(dataDir)
  const owner: Owner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command }
  const text = `${JSON.stringify(owner)}\n`
  const mine = `${path}.${process.pid}.${Date.now()}`
  writeFileSync(mine, text, { flag: 'wx' })
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path)
        return {
          path,
          release() {
            // Only our own lock is removed: never one a later owner took over.
            if (readText(path) === text) unlinkSync(path)
          },
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const held = readText(path)
      if (held === undefined) continue
      const current = parseOwner(held)
      if (current && !isStale(current)) throw new DataDirInUse(dataDir, current)
      if (!current && held.length > 0) throw new DataDirInUse(dataDir, undefined)
      // Stale: removed only if it is still the very file judged stale.
      if (readText(path) === held) unlinkSync(path)
    }
    throw new DataDirInUse(dataDir, parseOwner(readText(path) ?? ''))
  } finally {
    unlinkSync(mine)
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Owner
    return Number.isInteger(value.pid) && typeof value.host === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

function isStale(owner: Owner): boolean {
  if (owner.host !== hostname()) return false
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

import { readFile, writeFile } from 'node:fs/promises'
import { CliFailure, messages } from './messages.js'

/** Where a command writes: injected so that tests capture output without spawning a process. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  readFile(path: string): Promise<string>
  /** Reads a binary file (an Office document to import). */
  readBytes(path: string): Promise<Uint8Array>
  writeFile(path: string, text: string): Promise<void>
  /** Writes a file that must not exist yet: one that does is never replaced (a CliFailure, EEXIST). */
  createFile(path: string, text: string): Promise<void>
  /** Writes binary output; "-" is standard output. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>
  isTty: boolean
  /** The folder demarche.config.json is looked for from; the process's by default. */
  cwd?: string
}

/**
 * The process's own streams and files. A file that cannot be written becomes a `CliFailure` naming the
 * path and the reason in both languages (exit code 2), never a stack trace; reads keep Node's error,
 * whose `code` each command turns into a per-file message.
 */
export function nodeIo(stream: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process): Io {
  const written = async (path: string, write: () => Promise<void>) => {
    try {
      await write()
    } catch (error) {
      throw new CliFailure('io', messages.cannotWrite(path, (error as NodeJS.ErrnoException).code))
    }
  }
  return {
    stdout: (text) => stream.stdout.write(text),
    stderr: (text) => stream.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, text) => written(path, () => writeFile(path, text, 'utf8')),
    createFile: (path, text) => written(path, () => writeFile(path, text, { encoding: 'utf8', flag: 'wx' })),
    writeBytes: (path, bytes) =>
      written(path, async () => {
        if (path === '-') await new Promise<void>((resolve, reject) => stream.stdout.write(bytes, (error) => (error ? reject(error) : resolve())))
        else await writeFile(path, bytes)
      }),
    isTty: stream.stdout.isTTY === true,
  }
}

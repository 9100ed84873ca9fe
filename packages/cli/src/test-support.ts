// Helpers for this package's tests.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Io } from './io.js'
import { CliFailure, messages } from './messages.js'

/** An Io that reads real files and keeps what a command writes: standard output and error as text, files by path. */
export function memoryIo(isTty = false) {
  const out: string[] = []
  const err: string[] = []
  const files: Record<string, string | Uint8Array> = {}
  const io: Io = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path, text) => {
      files[path] = text
    },
    createFile: async (path, text) => {
      if (path in files || existsSync(path)) throw new CliFailure('io', messages.cannotWrite(path, 'EEXIST'))
      files[path] = text
    },
    writeBytes: async (path, bytes) => {
      files[path] = bytes
    },
    isTty,
  }
  return { io, out: () => out.join(''), err: () => err.join(''), files }
}

/** Where a command writes: injected so that tests capture output without spawning a process. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  readFile(path: string): Promise<string>
  writeFile(path: string, text: string): Promise<void>
  /** Writes binary output; "-" is standard output. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>
  isTty: boolean
}

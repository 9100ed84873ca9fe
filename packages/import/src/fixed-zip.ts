import { unzipSync, zipSync, type Zippable } from 'fflate'

/**
 * Re-zips a file the library just wrote, every entry dated `date`: spreadsheet libraries stamp entries with
 * the current time, and a blank form must be the same bytes for the same profile and clock.
 */
export function withFixedDates(bytes: Uint8Array, date: Date, edit: (path: string, data: Uint8Array) => Uint8Array = (_, data) => data): Uint8Array {
  // DOS dates start on 1 January 1980 and are local times: shift by the time zone so the bytes are the same everywhere.
  const utc = Math.max(date.getTime(), Date.UTC(1980, 0, 1))
  const mtime = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000)
  const out: Zippable = {}
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = [edit(path, data), { mtime, level: 6 }]
  return zipSync(out)
}

import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

/**
 * Rewrites an Office file (a zip): `edit` may change any part's text, and every entry gets the same date,
 * so that the same input and clock give the same bytes (zip libraries stamp entries with the current time).
 */
export function rewriteZip(bytes: Uint8Array, date: Date, edit: (path: string, text: string) => string = (_, text) => text): Uint8Array {
  return zipParts(Object.entries(unzipSync(bytes)), date, edit)
}

/** Zips an Office file's parts once, every entry dated `date`, after `edit` has changed the XML parts it wants. */
export function zipParts(parts: Iterable<[string, Uint8Array | string]>, date: Date, edit: (path: string, text: string) => string = (_, text) => text): Uint8Array {
  const out: Zippable = {}
  // DOS dates start on 1 January 1980 and are local times: shift by the time zone so the bytes are the same everywhere.
  const utc = Math.max(date.getTime(), Date.UTC(1980, 0, 1))
  const mtime = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000)
  for (const [path, data] of parts) {
    const textual = /\.(xml|rels)$/.test(path)
    const content = textual ? strToU8(edit(path, typeof data === 'string' ? data : strFromU8(data))) : typeof data === 'string' ? strToU8(data) : data
    out[path] = [content, { mtime, level: 6 }]
  }
  return zipSync(out)
}

/** `docProps/core.xml` with its created and modified dates set to `date`. */
export function setCoreDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`)
}

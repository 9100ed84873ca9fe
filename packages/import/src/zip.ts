import { crc32 } from 'node:zlib'
import { unzipSync, type UnzipFileInfo } from 'fflate'
import { sizeText } from './format-bytes.js'
import { DEFAULT_LIMITS, RATIO_FLOOR_BYTES, type ImportLimits } from './limits.js'
import { issue, type ImportIssue } from './report.js'

export type OpenedZip = { ok: true; parts: Map<string, Uint8Array>; names: string[] } | { ok: false; issues: ImportIssue[] }

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

/**
 * Opens an Office file (a zip) without trusting it: the size, the entry count and every entry's declared
 * sizes and ratio are checked from the central directory BEFORE anything is inflated, and only the parts
 * `wanted` asks for are inflated, each into a buffer of its declared (checked) size, so a lying header
 * cannot make the output grow. Never throws: a refused or broken archive comes back as located issues.
 */
export function openZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ImportLimits = DEFAULT_LIMITS): OpenedZip {
  if (bytes.length > limits.maxFileBytes)
    return refuse(
      issue('file-too-large', {}, `Le fichier pèse ${sizeText(bytes.length, 'fr')}, plus que la limite de ${sizeText(limits.maxFileBytes, 'fr')}.`, `The file is ${sizeText(bytes.length, 'en')}, over the ${sizeText(limits.maxFileBytes, 'en')} limit.`),
    )
  if (bytes.length < ZIP_SIGNATURE.length || ZIP_SIGNATURE.some((byte, index) => bytes[index] !== byte))
    return refuse(
      issue('not-an-office-file', {}, 'Le fichier n’est pas un document Word (.docx) ni un classeur Excel (.xlsx) : il ne commence pas comme une archive ZIP.', 'The file is not a Word document (.docx) nor an Excel workbook (.xlsx): it does not start as a ZIP archive.'),
    )
  const entries: UnzipFileInfo[] = []
  try {
    // A filter that keeps nothing lists the central directory without inflating a byte.
    unzipSync(bytes, { filter: (entry) => (entries.push(entry), false) })
  } catch {
    return refuse(corrupted())
  }
  const problems = checkEntries(entries, limits)
  if (problems.length > 0) return refuse(...problems)
  let inflated: Record<string, Uint8Array>
  try {
    inflated = unzipSync(bytes, { filter: (entry) => wanted(entry.name) })
  } catch {
    return refuse(corrupted())
  }
  // fflate does not check the CRC-32s: a damaged entry could otherwise inflate to plausible garbage.
  const crcs = centralDirectoryCrcs(bytes)
  for (const [index, entry] of entries.entries()) {
    const data = inflated[entry.name]
    const expected = crcs[index]
    if (data !== undefined && expected !== undefined && crc32(data) >>> 0 !== expected)
      return refuse({ ...corrupted(), place: { part: shownName(entry.name) } })
  }
  return { ok: true, parts: new Map(Object.entries(inflated)), names: entries.map((entry) => entry.name) }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_HEADER = 0x02014b50

/**
 * The CRC-32 of each central directory record, in the directory's order (the order fflate lists entries
 * in). Only called once fflate has read the same directory, so the offsets are known to be in range; a
 * record that does not look right ends the list and the entries after it go unchecked.
 */
function centralDirectoryCrcs(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = bytes.length - 22
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--
  if (end < 0) return []
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const crcs: number[] = []
  for (let index = 0; index < count && offset + 46 <= bytes.length; index++) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) break
    crcs.push(view.getUint32(offset + 16, true))
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return crcs
}

function checkEntries(entries: readonly UnzipFileInfo[], limits: ImportLimits): ImportIssue[] {
  if (entries.length > limits.maxEntries)
    return [
      issue('too-many-entries', {}, `L’archive compte ${entries.length} éléments, plus que la limite de ${limits.maxEntries}.`, `The archive holds ${entries.length} entries, over the limit of ${limits.maxEntries}.`),
    ]
  const problems: ImportIssue[] = []
  let total = 0
  for (const entry of entries) {
    const part = shownName(entry.name)
    total += entry.originalSize
    if (entry.compression !== 0 && entry.compression !== 8)
      problems.push(issue('unsupported-compression', { part }, `L’élément « ${part} » utilise une compression inconnue (méthode ${entry.compression}).`, `Entry “${part}” uses an unknown compression (method ${entry.compression}).`))
    else if (entry.originalSize > limits.maxEntryBytes)
      problems.push(
        issue('entry-too-large', { part }, `L’élément « ${part} » décompressé pèserait ${sizeText(entry.originalSize, 'fr')}, plus que la limite de ${sizeText(limits.maxEntryBytes, 'fr')}.`, `Entry “${part}” would be ${sizeText(entry.originalSize, 'en')} uncompressed, over the ${sizeText(limits.maxEntryBytes, 'en')} limit.`),
      )
    else if (entry.originalSize > RATIO_FLOOR_BYTES && entry.originalSize > limits.maxRatio * Math.max(1, entry.size))
      problems.push(
        issue('zip-bomb', { part }, `L’élément « ${part} » se décompresse ${Math.round(entry.originalSize / Math.max(1, entry.size))} fois plus gros qu’il n’est stocké (limite : ${limits.maxRatio}) : bombe de décompression refusée.`, `Entry “${part}” inflates ${Math.round(entry.originalSize / Math.max(1, entry.size))} times its stored size (limit: ${limits.maxRatio}): decompression bomb refused.`),
      )
  }
  if (total > limits.maxTotalBytes)
    problems.push(
      issue('zip-bomb', {}, `L’archive décompressée pèserait ${sizeText(total, 'fr')}, plus que la limite de ${sizeText(limits.maxTotalBytes, 'fr')} : bombe de décompression refusée.`, `The archive would be ${sizeText(total, 'en')} uncompressed, over the ${sizeText(limits.maxTotalBytes, 'en')} limit: decompression bomb refused.`),
    )
  return problems
}

/**
 * An entry name fit for a message: a hostile or damaged archive can name entries with control characters,
 * typography or megabytes of text, so anything outside the characters Office uses becomes "?" and the rest is cut.
 */
export function shownName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._/[\]-]/g, '?')
  return safe.length > 120 ? `${safe.slice(0, 119)}…` : safe
}

function corrupted(): ImportIssue {
  // The library's own words ("invalid zip data") tell the person nothing more; they stay out of the message.
  return issue('corrupted-archive', {}, 'L’archive est endommagée ou tronquée ; enregistrez de nouveau le document et réessayez.', 'The archive is damaged or truncated; save the document again and retry.')
}

function refuse(...issues: ImportIssue[]): OpenedZip {
  return { ok: false, issues }
}

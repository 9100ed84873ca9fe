import type { ImportLimits } from './limits.js'
import type { ImportIssue } from './report.js'
import { doctypeIssue } from './xml.js'
import { openZip } from './zip.js'

const decoder = new TextDecoder('utf-8')
const XML_PART = /\.(xml|rels|vml)$/i

/**
 * The DTDs and entity declarations of every XML part of an archive, each located: for readers that hand
 * the archive to a library which would parse them (exceljs), so that a workbook is refused as a Word
 * document is (`parseXml`), whether its entities are used or not.
 */
export function doctypeIssues(bytes: Uint8Array, limits: ImportLimits): ImportIssue[] {
  const opened = openZip(bytes, (name) => XML_PART.test(name), limits)
  if (!opened.ok) return opened.issues
  const issues: ImportIssue[] = []
  for (const [part, data] of opened.parts) {
    const found = doctypeIssue(decoder.decode(data), part)
    if (found) issues.push(found)
  }
  return issues
}

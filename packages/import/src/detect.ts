import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { issue, type ImportIssue, type SourceFormat } from './report.js'
import { parseXml } from './xml.js'
import { openZip } from './zip.js'

const CONTENT_TYPES = '[Content_Types].xml'
const MAIN_TYPES: ReadonlyArray<[SourceFormat, RegExp]> = [
  ['docx', /wordprocessingml\.document\.main\+xml/],
  ['xlsx', /spreadsheetml\.sheet\.main\+xml/],
]

export type Detected = { format: SourceFormat; issues: ImportIssue[] }

/** Which Office format the bytes are, from the archive's declared content types, after the hostile-file guards. */
export function detectFormat(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS): Detected {
  const opened = openZip(bytes, (name) => name === CONTENT_TYPES, limits)
  if (!opened.ok) return { format: 'unknown', issues: opened.issues }
  const types = opened.parts.get(CONTENT_TYPES)
  if (!types) return unknown(issue('not-an-office-file', {}, `L’archive n’a pas d’élément « ${CONTENT_TYPES} » : ce n’est pas un document Office.`, `The archive has no “${CONTENT_TYPES}” entry: it is not an Office document.`))
  const parsed = parseXml(types, CONTENT_TYPES)
  if (!parsed.ok) return unknown(parsed.issue)
  const text = new TextDecoder().decode(types)
  const found = MAIN_TYPES.find(([, pattern]) => pattern.test(text))
  if (!found)
    return unknown(issue('unsupported-office-format', { part: CONTENT_TYPES }, 'Le fichier est un document Office, mais ni un document Word (.docx) ni un classeur Excel (.xlsx).', 'The file is an Office document, but neither a Word document (.docx) nor an Excel workbook (.xlsx).'))
  return { format: found[0], issues: [] }
}

function unknown(problem: ImportIssue): Detected {
  return { format: 'unknown', issues: [problem] }
}

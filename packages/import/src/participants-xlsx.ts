import { generic, parseContacts, type Participants, type Profile, SHEET_NAMES } from '@demarche/domain'
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { type ImportReport, issue } from './report.js'
import { readParticipants } from './xlsx/read-sheets.js'
import { formLanguage, sheetGrid } from './xlsx/read-plan.js'
import { loadWorkbook } from './xlsx/workbook.js'

export interface ParticipantsOptions {
  /** The form's profile: its words name the contacts and fiduciary columns (`terms`). The toolkit's neutral words when left out. */
  profile?: Profile
  limits?: ImportLimits
}

export interface ParticipantsRead {
  participants?: Participants
  report: ImportReport
}

/**
 * Reads the Participants sheet of a filled blank form (French or English): one participant per row with a
 * name, the contacts as written (parsed as `prepare` parses them) and the fiduciary yes/no. Never throws;
 * every doubt is a located issue (`Participants!C7`) with the JSON Pointer where the value went.
 */
export async function readFormParticipants(bytes: Uint8Array, options: ParticipantsOptions = {}): Promise<ParticipantsRead> {
  const { workbook, report } = await loadWorkbook(bytes, options.limits ?? DEFAULT_LIMITS)
  if (!workbook) return { report }
  const language = formLanguage(workbook)
  // The same columns in every profile, headed in its words (a heading in other words is read by its place, with a warning).
  const context = { profile: options.profile ?? generic, language, report, places: new Map(), ids: new Set<string>() }
  const grid = sheetGrid(workbook, 'participants', context)
  if (!grid) {
    const sheetName = SHEET_NAMES[language].participants
    report.issues.push(issue('missing-sheet', { sheet: sheetName }, `La feuille « ${sheetName} » est absente du classeur.`, `The workbook has no “${sheetName}” sheet.`))
    return { report: { ...report, failed: true } }
  }
  const entries = readParticipants(grid, context)
  for (const entry of entries) if (entry.contacts) entry.contacts = parseContacts(entry.contacts.raw)
  return { participants: { entries }, report }
}

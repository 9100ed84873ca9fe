import { generic, parseContacts, type Participants, SHEET_NAMES } from '@demarche/domain'
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { type ImportReport, issue } from './report.js'
import { readParticipants } from './xlsx/read-sheets.js'
import { formLanguage, sheetGrid } from './xlsx/read-plan.js'
import { loadWorkbook } from './xlsx/workbook.js'

export interface ParticipantsRead {
  participants?: Participants
  report: ImportReport
}

/**
 * Reads the Participants sheet of a filled blank form (French or English): one participant per row with a
 * name, the contacts as written (parsed as `prepare` parses them) and the fiduciary yes/no. Never throws;
 * every doubt is a located issue (`Participants!C7`) with the JSON Pointer where the value went.
 */
export async function readFormParticipants(bytes: Uint8Array, limits: ImportLimits = DEFAULT_LIMITS): Promise<ParticipantsRead> {
  const { workbook, report } = await loadWorkbook(bytes, limits)
  if (!workbook) return { report }
  const language = formLanguage(workbook)
  // The Participants sheet's columns are the same in every profile.
  const context = { profile: generic, language, report, places: new Map(), ids: new Set<string>() }
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

import { derivedId, parseContacts, type Participants, type Participation } from '@demarche/domain'
import ExcelJS from 'exceljs'
import { detectFormat } from './detect.js'
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { type ImportIssue, type ImportReport, issue, type UnplacedText } from './report.js'
import { FORM_WORDS, SHEET_NAMES } from './template-xlsx.js'

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
  const detected = detectFormat(bytes, limits)
  const report: ImportReport = { format: detected.format, failed: false, issues: [...detected.issues], unplaced: [] }
  if (detected.format !== 'xlsx') {
    if (detected.issues.length === 0)
      report.issues.push(issue('not-a-workbook', {}, 'Le fichier n’est pas un classeur Excel (.xlsx).', 'The file is not an Excel workbook (.xlsx).'))
    return { report: { ...report, failed: true } }
  }
  const workbook = new ExcelJS.Workbook()
  try {
    // The archive passed the size, count and ratio guards above, so exceljs inflates a bounded amount.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    report.issues.push(issue('unreadable-workbook', {}, 'Le classeur n’a pas pu être lu ; enregistrez-le de nouveau depuis Excel ou LibreOffice.', 'The workbook could not be read; save it again from Excel or LibreOffice.'))
    return { report: { ...report, failed: true } }
  }
  const language = workbook.getWorksheet(SHEET_NAMES.fr.participants) ? 'fr' : 'en'
  const sheetName = SHEET_NAMES[language].participants
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) {
    report.issues.push(issue('missing-sheet', { sheet: sheetName }, `La feuille « ${sheetName} » est absente du classeur.`, `The workbook has no “${sheetName}” sheet.`))
    return { report: { ...report, failed: true } }
  }
  const words = { fr: FORM_WORDS.fr, en: FORM_WORDS.en }
  const expected = [[words.fr.organisation, words.en.organisation], [words.fr.contacts, words.en.contacts], [words.fr.fiduciary, words.en.fiduciary]]
  expected.forEach((headings, index) => {
    const cell = sheet.getCell(1, index + 1)
    if (!headings.some((heading) => comparable(heading) === comparable(cellText(cell))))
      report.issues.push(
        issue('unexpected-heading', { sheet: sheetName, cell: cell.address }, `L’en-tête « ${cellText(cell)} » était attendu comme « ${headings[0]} ».`, `Heading “${cellText(cell)}” was expected to be “${headings[1]}”.`, 'warning'),
      )
  })
  const entries: Participation[] = []
  const seen = new Map<string, string>()
  for (let row = 2; row <= sheet.rowCount; row++) {
    const [name, contacts, fiduciary] = [1, 2, 3].map((column) => cellText(sheet.getCell(row, column)).trim())
    if (!name) {
      const stray = [contacts, fiduciary].map((text, index) => ({ text: text ?? '', cell: sheet.getCell(row, index + 2).address })).filter((item) => item.text)
      for (const item of stray) report.unplaced.push({ place: { sheet: sheetName, cell: item.cell }, text: item.text } satisfies UnplacedText)
      if (stray.length > 0)
        report.issues.push(issue('participant-without-name', { sheet: sheetName, cell: sheet.getCell(row, 1).address }, `La ligne ${row} n’a pas de nom d’organisme : son contenu n’est pas importé.`, `Row ${row} has no organisation name: its content is not imported.`, 'warning'))
      continue
    }
    const pointer = `/participants/entries/${entries.length}`
    const entry: Participation = { id: derivedId('pa', name), name: name!, kind: 'organisation', fiduciary: false }
    if (contacts) entry.contacts = parseContacts(contacts)
    const yes = [words.fr.yes, words.en.yes].map(comparable)
    const no = [words.fr.no, words.en.no, ''].map(comparable)
    if (yes.includes(comparable(fiduciary!))) entry.fiduciary = true
    else if (!no.includes(comparable(fiduciary!)))
      report.issues.push(located('fiduciary-not-yes-no', sheetName, sheet.getCell(row, 3).address, `${pointer}/fiduciary`, `« ${fiduciary} » n’est ni « Oui » ni « Non » : l’organisme est importé comme non fiduciaire.`, `“${fiduciary}” is neither “Yes” nor “No”: the organisation is imported as not fiduciary.`))
    const key = comparable(name!)
    const first = seen.get(key)
    if (first)
      report.issues.push(located('duplicate-participant', sheetName, sheet.getCell(row, 1).address, `${pointer}/name`, `« ${name} » figure déjà à la cellule ${first}.`, `“${name}” is already listed at cell ${first}.`))
    else seen.set(key, sheet.getCell(row, 1).address)
    entries.push(entry)
  }
  return { participants: { entries }, report }
}

function located(code: string, sheet: string, cell: string, pointer: string, fr: string, en: string): ImportIssue {
  return { ...issue(code, { sheet, cell }, fr, en, 'warning'), pointer }
}

/** A cell's text whatever exceljs made of it (rich text, hyperlinks, formulas with results, numbers). */
function cellText(cell: ExcelJS.Cell): string {
  return cell.value === null || cell.value === undefined ? '' : cell.text
}

/** Case, accents and spacing do not make two names or headings different. */
function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

import { PlanDocument, type Profile } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { detectFormat } from './detect.js'
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { ImportReport, issue } from './report.js'
import { readPlanXlsx } from './xlsx/read-plan.js'
import { importDocx } from './docx/index.js'

/** What every plan reader (XLSX here, DOCX beside it) is given. */
export interface PlanImportOptions {
  /** The form edition the file follows: its levels, columns and vocabularies place the cells. */
  profile: Profile
  /** Bounds for hostile files; the defaults apply to what is not given. */
  limits?: Partial<ImportLimits>
}

/** What a reader gives back: the plan it could read (none when the file could not be read at all) and the report. */
export const PlanImport = Type.Object(
  { plan: Type.Optional(PlanDocument), report: ImportReport },
  { additionalProperties: false, $id: 'PlanImport' },
)
export type PlanImport = Static<typeof PlanImport>

export function importLimits(options: PlanImportOptions): ImportLimits {
  return { ...DEFAULT_LIMITS, ...options.limits }
}

/**
 * Reads a plan from an Office file, whichever it is: the format comes from the archive's declared content
 * types (after the hostile-file guards), not from a file name. Never throws.
 */
export async function importPlan(bytes: Uint8Array, options: PlanImportOptions): Promise<PlanImport> {
  const limits = importLimits(options)
  const detected = detectFormat(bytes, limits)
  if (detected.format === 'xlsx') return readPlanXlsx(bytes, options)
  if (detected.format === 'docx') {
    const read = importDocx(bytes, options)
    return read.plan === undefined ? { report: read.report } : { plan: read.plan, report: read.report }
  }
  const report: ImportReport = { format: detected.format, failed: true, issues: [...detected.issues], unplaced: [] }
  if (detected.issues.length === 0)
    report.issues.push(issue('not-an-office-file', {}, 'Le fichier n’est ni un document Word (.docx) ni un classeur Excel (.xlsx).', 'The file is neither a Word document (.docx) nor an Excel workbook (.xlsx).'))
  return { plan: undefined, report }
}

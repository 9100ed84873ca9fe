import { generic, PlanDocument, type Profile } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { detectFormat } from './detect.js'
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js'
import { ImportReport, issue } from './report.js'
import { readPlanXlsx } from './xlsx/read-plan.js'
import { importDocx, readDocx } from './docx/index.js'
import { storedPlan } from './docx/own-docx.js'
import { declaredProfile } from './xlsx/read-plan.js'

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

/** What a file says before it is read as a plan: refused by the guards (with the report), or its format and the profile it names. */
export type SourceProfile =
  | { ok: false; report: ImportReport }
  | { ok: true; format: 'docx' | 'xlsx'; profile?: { id: string; version?: number } }

/**
 * Opens a file through the hostile-file guards and finds the profile it names, before any profile is asked
 * for: the workbook's « Profil » field, or the plan the toolkit's own DOCX stores (its customXml part). A
 * zip bomb, an entity expansion or a corrupted archive is refused here, with its located report. Never throws.
 */
export async function sourceProfile(bytes: Uint8Array, limits: Partial<ImportLimits> = {}): Promise<SourceProfile> {
  const bounds = { ...DEFAULT_LIMITS, ...limits }
  const detected = detectFormat(bytes, bounds)
  if (detected.format === 'docx') {
    const read = readDocx(bytes, bounds)
    if (!read.ok) return { ok: false, report: { format: 'docx', failed: true, issues: read.issues, unplaced: [] } }
    const stored = storedPlan(read.content.customXml)
    return { ok: true, format: 'docx', ...(stored && { profile: { id: stored.profile.id, version: stored.profile.version } }) }
  }
  if (detected.format === 'xlsx') {
    const declared = await declaredProfile(bytes, bounds)
    if (declared) return { ok: true, format: 'xlsx', profile: declared }
    // No profile named: the workbook is read once with the generic profile, so a hostile one is refused now.
    const read = await readPlanXlsx(bytes, { profile: generic, limits: bounds })
    return read.report.failed ? { ok: false, report: read.report } : { ok: true, format: 'xlsx' }
  }
  return { ok: false, report: (await importPlan(bytes, { profile: generic, limits: bounds })).report }
}

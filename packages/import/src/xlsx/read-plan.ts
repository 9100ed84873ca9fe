import type { PlanImport, PlanImportOptions } from '../plan-import.js'
import { issue } from '../report.js'

/** Reads a filled XLSX form (or the toolkit's own XLSX) into a plan of the profile. */
export async function readPlanXlsx(_bytes: Uint8Array, _options: PlanImportOptions): Promise<PlanImport> {
  return { plan: undefined, report: { format: 'xlsx', failed: true, issues: [issue('not-implemented', {}, 'La lecture des classeurs arrive bientôt.', 'Reading workbooks is coming.')], unplaced: [] } }
}

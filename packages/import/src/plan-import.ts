import type { PlanDocument, Profile } from '@demarche/domain'
import type { ImportLimits } from './limits.js'
import type { ImportReport } from './report.js'

/** What every importer takes: the profile whose form the file follows, and bounds for hostile files. */
export interface PlanImportOptions {
  profile: Profile
  limits?: Partial<ImportLimits>
}

/** What every importer returns: the plan it could read (undefined when nothing could be), and the report. */
export interface PlanImport {
  plan: PlanDocument | undefined
  report: ImportReport
}

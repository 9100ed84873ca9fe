import type { AssessmentRecord } from '../../services/assessments.js'

/** An assessment as the API gives it: the stored one, the findings it decided on, the follow-up of a resubmission. */
export function assessmentOf(record: Pick<AssessmentRecord, 'row' | 'report' | 'findings' | 'followUp'>) {
  const { row } = record
  return {
    planId: row.planId,
    version: row.version,
    revision: row.revision,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    content: row.content,
    criteria: record.report.criteria,
    findings: record.findings,
    followUp: record.followUp,
  }
}

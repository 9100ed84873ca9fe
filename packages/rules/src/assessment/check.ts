import { resolvePointer } from '@demarche/domain'
import type { Bilingual, Report } from '../engine/report.js'
import { fingerprinter } from './fingerprint.js'
import type { AssessmentContent } from './schema.js'

/** A problem of an assessment, located by a JSON Pointer into it. */
export interface AssessmentIssue {
  pointer: string
  code: 'unknown-criterion' | 'duplicate-criterion' | 'unknown-finding' | 'duplicate-finding' | 'reason-required' | 'unknown-place' | 'duplicate-request'
  message: Bilingual
}

/**
 * What the schema cannot say about an assessment of `plan`: criteria are those of the report's grid, once
 * each; decisions name findings the report has, once each, and a dismissal says why; requests have distinct
 * ids and point to places the plan has.
 */
export function checkAssessment(content: AssessmentContent, plan: unknown, report: Report): AssessmentIssue[] {
  const issues: AssessmentIssue[] = []
  const criteria = new Set(report.criteria.map((criterion) => criterion.id))
  const known = [...criteria].join(', ')
  const seenCriteria = new Set<string>()
  content.criteria.forEach((entry, index) => {
    const pointer = `/criteria/${index}/criterion`
    if (!criteria.has(entry.criterion))
      issues.push({ pointer, code: 'unknown-criterion', message: { fr: `Le critère « ${entry.criterion} » n’est pas dans la grille (critères : ${known}).`, en: `Criterion "${entry.criterion}" is not in the grid (criteria: ${known}).` } })
    else if (seenCriteria.has(entry.criterion))
      issues.push({ pointer, code: 'duplicate-criterion', message: { fr: `Le critère « ${entry.criterion} » est jugé deux fois.`, en: `Criterion "${entry.criterion}" is judged twice.` } })
    seenCriteria.add(entry.criterion)
  })
  const fingerprintOf = fingerprinter(plan)
  const fingerprints = new Set(report.findings.map(fingerprintOf))
  const seenFindings = new Set<string>()
  content.findings.forEach((decision, index) => {
    const pointer = `/findings/${index}`
    if (!fingerprints.has(decision.fingerprint))
      issues.push({ pointer: `${pointer}/fingerprint`, code: 'unknown-finding', message: { fr: `Aucun constat de cette version du plan n’a l’empreinte « ${decision.fingerprint} ».`, en: `No finding of this version of the plan has fingerprint "${decision.fingerprint}".` } })
    else if (seenFindings.has(decision.fingerprint))
      issues.push({ pointer: `${pointer}/fingerprint`, code: 'duplicate-finding', message: { fr: `Le constat « ${decision.fingerprint} » est décidé deux fois.`, en: `Finding "${decision.fingerprint}" is decided twice.` } })
    seenFindings.add(decision.fingerprint)
    if (decision.decision === 'dismiss' && !decision.reason?.trim())
      issues.push({ pointer: `${pointer}/reason`, code: 'reason-required', message: { fr: 'Écarter un constat demande une raison.', en: 'Dismissing a finding needs a reason.' } })
  })
  const seenRequests = new Set<string>()
  content.requests.forEach((request, index) => {
    const pointer = `/requests/${index}`
    if (seenRequests.has(request.id))
      issues.push({ pointer: `${pointer}/id`, code: 'duplicate-request', message: { fr: `Deux demandes portent l’identifiant « ${request.id} ».`, en: `Two requests have id "${request.id}".` } })
    seenRequests.add(request.id)
    if (resolvePointer(plan, request.pointer) === undefined)
      issues.push({ pointer: `${pointer}/pointer`, code: 'unknown-place', message: { fr: `Le plan n’a pas d’élément à « ${request.pointer} ».`, en: `The plan has no element at "${request.pointer}".` } })
    if (request.criterion !== undefined && !criteria.has(request.criterion))
      issues.push({ pointer: `${pointer}/criterion`, code: 'unknown-criterion', message: { fr: `Le critère « ${request.criterion} » n’est pas dans la grille (critères : ${known}).`, en: `Criterion "${request.criterion}" is not in the grid (criteria: ${known}).` } })
  })
  return issues
}

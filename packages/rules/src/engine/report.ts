import type { Bilingual } from './rule.js'
import type { FindingSeverity, Stage } from './severity.js'

export type CriterionStatus = 'complete' | 'partial' | 'missing' | 'not_applicable'

export interface Finding {
  /** Stable across runs: derived from rule, message, place and data. */
  id: string
  ruleId: string
  messageId: string
  criterion: string
  severity: FindingSeverity
  message: Bilingual
  pointer: string
  expected?: string
  /** The subject the finding counts against (a row, a step), when it is not `pointer`. */
  subject?: string
  label: Bilingual
  suggestion?: Bilingual
}

export interface CriterionResult {
  id: string
  label: Bilingual
  question?: Bilingual
  weight: number
  status: CriterionStatus
  /** Subjects examined by the criterion's rules (a row, a step…), counted once per rule. */
  applicable: number
  /** Of those, the ones with no warning or error. */
  passed: number
  /** Points this criterion adds to the score (out of its share of 100). */
  contribution: number
  /** Its share of 100: what it would add if complete. */
  share: number
}

export interface Report {
  reportVersion: 1
  engine: { name: string; version: string }
  ruleSet: { id: string; version: number }
  profile: { id: string; version: number } | null
  stage: Stage
  plan: { id: string | null; hash: string }
  /** False when the document is not a plan of its profile: only the document criterion was evaluated. */
  valid: boolean
  /** 0–100, one decimal: see `docs/rules.md` for the formula. */
  score: number
  summary: { errors: number; warnings: number; infos: number }
  criteria: CriterionResult[]
  findings: Finding[]
}

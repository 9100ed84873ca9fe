import { type Issue, type LocatedIssue, locatedIn, readSourceText } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { fileShapeChecker } from '../engine/file-shape.js'
import type { Report } from '../engine/report.js'
import { checkAssessment } from './check.js'
import { AssessmentContent } from './schema.js'

/**
 * An assessment as a file, for a reviewer who writes the letter without the service (`demarche letter`): the
 * service's `AssessmentContent` with what the service would otherwise know — who assessed, which version,
 * when — and an optional `$schema` for editors.
 */
export const AssessmentFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    author: Type.String({ minLength: 1, maxLength: 200, description: 'Who assessed the plan, as the letter names them.' }),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'The version of the plan assessed (1 by default).' })),
    assessedAt: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$', description: 'The date of the assessment (ISO 8601), the letter’s date; today by default.' }),
    ),
    ...AssessmentContent.properties,
  },
  {
    additionalProperties: false,
    $id: 'https://demarche.example/schemas/assessment.schema.json',
    title: 'Évaluation de l’analyste Démarche / Démarche reviewer’s assessment',
  },
)
export type AssessmentFile = Static<typeof AssessmentFile>

export type AssessmentFileLoad = { ok: true; assessment: AssessmentFile } | { ok: false; issues: LocatedIssue[] }

const shapeIssues = fileShapeChecker(AssessmentFile, 'invalid-assessment')

/**
 * Reads an assessment file's text (JSON or YAML) and checks its shape, then, against the plan and its
 * submission-stage report, what a schema cannot say (criteria of the grid, fingerprints of the report's
 * findings, places of the plan): every problem located in the file (JSON Pointer, line and column).
 */
export function loadAssessmentText(text: string, file: string, plan: unknown, report: Report): AssessmentFileLoad {
  const read = readSourceText(text, file)
  if (!read.ok) return read
  const located = (issues: readonly Issue[]): LocatedIssue[] => locatedIn(read, file, issues)
  const shape = shapeIssues(read.value)
  if (shape.length > 0) return { ok: false, issues: located(shape) }
  const assessment = read.value as AssessmentFile
  if (assessment.assessedAt !== undefined && !isRealDate(assessment.assessedAt))
    return { ok: false, issues: located([{ code: 'invalid-assessment', pointer: '/assessedAt', message: { fr: `Date impossible : « ${assessment.assessedAt} ».`, en: `Impossible date: "${assessment.assessedAt}".` } }]) }
  const issues = checkAssessment(assessment, plan, report)
  if (issues.length > 0) return { ok: false, issues: located(issues) }
  return { ok: true, assessment }
}

/** A date that exists: Date.parse rolls 31 February over into March, so the day must read back the same. */
function isRealDate(text: string): boolean {
  const day = text.slice(0, 10)
  const parsed = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day && !Number.isNaN(Date.parse(text))
}

/** The published JSON Schema of assessment files, for editors. */
export function assessmentFileJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...AssessmentFile })) as Record<string, unknown>
}

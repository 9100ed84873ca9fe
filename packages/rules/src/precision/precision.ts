import Type, { type Static } from 'typebox'
import type { Finding } from '../engine/report.js'

// Precision as a measured property: every finding the rule sets make on the real plans is judged by a
// reader as a reviewer of the Table would (act on, debatable, noise), and the judgements are kept as data.

export const Verdict = Type.Union([Type.Literal('act-on'), Type.Literal('debatable'), Type.Literal('noise')], {
  description: 'act-on: a reviewer would ask for it; debatable: worth a look, not a request; noise: not worth a reviewer’s time.',
})
export type Verdict = Static<typeof Verdict>

export const Annotation = Type.Object(
  {
    ruleId: Type.String(),
    messageId: Type.String(),
    pointer: Type.String(),
    /** Tells two findings of one rule at one place apart (the quoted word or amount), when needed. */
    quote: Type.Optional(Type.String()),
    verdict: Verdict,
    why: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
export type Annotation = Static<typeof Annotation>

export const PlanAnnotations = Type.Object(
  { file: Type.String(), ruleSet: Type.String(), findings: Type.Array(Annotation) },
  { additionalProperties: false },
)
export type PlanAnnotations = Static<typeof PlanAnnotations>

export const Annotations = Type.Record(Type.String(), PlanAnnotations)
export type Annotations = Static<typeof Annotations>

/** Whether an annotation is about a finding: same rule, message and place, and the quote in its French text. */
export function annotates(annotation: Annotation, finding: Finding): boolean {
  return (
    annotation.ruleId === finding.ruleId &&
    annotation.messageId === finding.messageId &&
    annotation.pointer === finding.pointer &&
    (annotation.quote === undefined || finding.message.fr.includes(annotation.quote))
  )
}

export interface PlanPrecision {
  plan: string
  findings: number
  actOn: number
  debatable: number
  noise: number
  /** act on / all, 1 when there is no finding (no reviewer time is wasted). */
  precision: number
  /** Findings no annotation judges yet. */
  unjudged: Finding[]
  /** Act-on annotations no finding answers any more: a defect no longer caught. */
  lost: Annotation[]
}

export function measurePrecision(plan: string, annotations: readonly Annotation[], findings: readonly Finding[]): PlanPrecision {
  const counts = { 'act-on': 0, debatable: 0, noise: 0 }
  const unjudged: Finding[] = []
  for (const finding of findings) {
    const annotation = annotations.find((candidate) => annotates(candidate, finding))
    if (annotation) counts[annotation.verdict]++
    else unjudged.push(finding)
  }
  const lost = annotations.filter((annotation) => annotation.verdict === 'act-on' && !findings.some((finding) => annotates(annotation, finding)))
  return {
    plan,
    findings: findings.length,
    actOn: counts['act-on'],
    debatable: counts.debatable,
    noise: counts.noise,
    precision: findings.length === 0 ? 1 : counts['act-on'] / findings.length,
    unjudged,
    lost,
  }
}

export const PRECISION_BEGIN = '<!-- precision:begin -->'
export const PRECISION_END = '<!-- precision:end -->'

/** The section of docs/rules.md that reports precision per real plan. */
export function precisionSection(rows: ReadonlyArray<PlanPrecision & { file: string; ruleSet: string }>): string {
  const percent = (value: number) => `${(Math.round(value * 1000) / 10).toFixed(1)} %`
  const lines = [
    PRECISION_BEGIN,
    '## Precision on the real plans / Précision sur les plans réels',
    '',
    'Every finding the default rule set makes on each real plan (`packages/domain/examples/`, stage *submission*,',
    'with the French spelling checker) is judged as a reviewer of the Table would: *act on*, *debatable* or *noise*',
    '(`packages/rules/src/precision/annotations.json`). Precision is act on / all; the target is at least 90 % on every',
    'plan, and `precision.test.ts` fails if a noise finding comes back, an act-on finding disappears, a finding is not',
    'judged, or this table is stale (`pnpm --filter @demarche/rules docs` writes it).',
    '',
    '| Plan | Rule set | Findings | Act on | Debatable | Noise | Precision |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| \`${row.file}\` | \`${row.ruleSet}\` | ${row.findings} | ${row.actOn} | ${row.debatable} | ${row.noise} | ${row.findings === 0 ? '— (no finding)' : percent(row.precision)} |`,
    ),
    PRECISION_END,
    '',
  ]
  return lines.join('\n')
}

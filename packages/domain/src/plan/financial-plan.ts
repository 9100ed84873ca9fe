import Type, { type Static } from 'typebox'
import { Cents, FiscalYear } from '../common.js'

export const YearAmount = Type.Object({ fiscalYear: FiscalYear, cents: Cents }, { additionalProperties: false })
export type YearAmount = Static<typeof YearAmount>

/** A line of the montage financier's Budget sheet (e.g. 12 "déploiement d'actions"). */
export const FinancialLine = Type.Object(
  { line: Type.Integer({ minimum: 1 }), label: Type.String(), amounts: Type.Array(YearAmount) },
  { additionalProperties: false },
)
export type FinancialLine = Static<typeof FinancialLine>

export const FundingSource = Type.Object(
  { name: Type.String({ minLength: 1 }), kind: Type.Optional(Type.String()), amounts: Type.Array(YearAmount) },
  { additionalProperties: false },
)
export type FundingSource = Static<typeof FundingSource>

/** A contribution in services or time, valued in money. */
export const InKindContribution = Type.Object(
  { organisation: Type.String({ minLength: 1 }), description: Type.Optional(Type.String()), amounts: Type.Array(YearAmount) },
  { additionalProperties: false },
)
export type InKindContribution = Static<typeof InKindContribution>

/** Montage financier: budget lines × fiscal years, with the sources that fund them. */
export const FinancialPlan = Type.Object(
  {
    fiscalYears: Type.Array(FiscalYear),
    lines: Type.Array(FinancialLine),
    sources: Type.Array(FundingSource),
    inKind: Type.Array(InKindContribution),
  },
  { additionalProperties: false },
)
export type FinancialPlan = Static<typeof FinancialPlan>

import Type, { type Static } from 'typebox'
import { Notation, type NotationOf } from '../common.js'
import { AmountValue, parseAmount } from './amount.js'

/** A reference to a line of the montage financier ("Voir onglet Budget ligne 12 - déploiement d'actions"). */
export const BudgetLineRef = Type.Object(
  { kind: Type.Literal('line-ref'), raw: Type.String(), sheet: Type.String(), line: Type.Integer({ minimum: 1 }), label: Type.Optional(Type.String()) },
  { additionalProperties: false },
)
export const BudgetAmount = Type.Object(
  { kind: Type.Literal('amount'), raw: Type.String(), amount: AmountValue },
  { additionalProperties: false },
)
export const BudgetText = Type.Object(
  { kind: Type.Literal('text'), raw: Type.String() },
  { additionalProperties: false },
)
export const BudgetPart = Type.Union([BudgetLineRef, BudgetAmount, BudgetText])
export type BudgetPart = Static<typeof BudgetPart>

export const BudgetCellValue = Type.Object({ parts: Type.Array(BudgetPart) }, { additionalProperties: false })
export type BudgetCellValue = Static<typeof BudgetCellValue>
export const BudgetCell = Notation(BudgetCellValue, 'A budget cell as written: line references and amounts, one per line')
export type BudgetCell = NotationOf<BudgetCellValue>

const LINE_REF = /^(?:voir\s+)?(?:l['’])?onglet\s+(.+?)\s+ligne\s+(\d{1,4})(?:\s*[-–:]\s*(.+))?$/i

/**
 * Reads a budget cell line by line. Lines that are neither a line reference nor an amount stay as text parts;
 * the cell is `unparsed` only when no line could be read.
 */
export function parseBudgetCell(raw: string): BudgetCell {
  // A lost line break before "Total" is common in cells pasted from Word: split there too.
  const lines = raw.split(/\n|\s+(?=Total\b)/i).map((line) => line.trim()).filter(Boolean)
  if (lines.length === 0) return { raw }
  const parts: BudgetPart[] = lines.map(budgetPart)
  if (parts.every((part) => part.kind === 'text')) return { raw, unparsed: true }
  return { raw, value: { parts } }
}

function budgetPart(line: string): BudgetPart {
  const ref = LINE_REF.exec(line)
  if (ref?.[1] && ref[2]) {
    const part: BudgetPart = { kind: 'line-ref', raw: line, sheet: ref[1], line: Number(ref[2]) }
    if (ref[3]) part.label = ref[3].trim()
    return part
  }
  const amount = parseAmount(line)
  if (amount.value) return { kind: 'amount', raw: line, amount: amount.value }
  return { kind: 'text', raw: line }
}

/** An amount a budget cell writes, with the montage line it counts against when the cell names exactly one. */
export interface BudgetCellAmount {
  /** The montage line, when the cell names exactly one; a cell naming several lines does not say which gets what. */
  line?: number
  fiscalYear?: string
  /** The amount's total in cents (the sum of its terms). */
  cents: number
  hasCurrency: boolean
}

/**
 * The amounts of a budget cell, in the order written. An amount counts against a line of the montage only
 * when the cell names exactly one line: that is the one reading of a cell that both the budget sheet and the
 * reconciliation with the montage may rely on.
 */
export function budgetCellAmounts(cell: BudgetCell | undefined): BudgetCellAmount[] {
  const parts = cell?.value?.parts
  if (!parts) return []
  let line: number | undefined
  let lines = 0
  for (const part of parts)
    if (part.kind === 'line-ref') {
      line = part.line
      lines++
    }
  const amounts: BudgetCellAmount[] = []
  for (const part of parts) {
    if (part.kind !== 'amount') continue
    const amount: BudgetCellAmount = { cents: part.amount.total, hasCurrency: part.amount.hasCurrency }
    if (lines === 1) amount.line = line
    if (part.amount.fiscalYear) amount.fiscalYear = part.amount.fiscalYear
    amounts.push(amount)
  }
  return amounts
}

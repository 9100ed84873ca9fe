import { type FinancialPlan, FORM_WORDS, parseMoney, type YearAmount } from '@demarche/domain'
import { located, type SheetContext } from './read-sheets.js'
import { comparable, type GridRow, type SheetGrid } from './workbook.js'

type Element = keyof (typeof FORM_WORDS)['fr']['montageElements']

/** What a row of the montage sheet is, by its « Élément » cell in either language or the element's key. */
function elementOf(text: string): Element | undefined {
  const key = comparable(text)
  for (const element of Object.keys(FORM_WORDS.fr.montageElements) as Element[])
    if ([FORM_WORDS.fr.montageElements[element], FORM_WORDS.en.montageElements[element], element].some((label) => comparable(label) === key)) return element
  return undefined
}

/** "2026-2027", or as people shorten it: "2026-27", "26-27". */
function fiscalYearOf(text: string): string | undefined {
  const match = /^(\d{2}|\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(text.trim())
  if (!match) return undefined
  const start = match[1]!.length === 2 ? 2000 + Number(match[1]) : Number(match[1])
  const end = match[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(match[2]) : Number(match[2])
  return end === start + 1 ? `${start}-${end}` : undefined
}

type Entry = { element: Exclude<Element, 'year'>; key: string; amounts: YearAmount[] }

/**
 * Reads the montage financier sheet: fiscal-year rows, then one row per element and fiscal year (a row whose
 * « Élément » cell is blank continues the element above). Amounts are read as typed (« 5 000,50 $ », "$5,000.50")
 * or as the number Excel holds. A row that cannot be read is listed with its cell and a finding; undefined when
 * the sheet is empty.
 */
export function readFinancialPlan(grid: SheetGrid, context: SheetContext): FinancialPlan | undefined {
  const montage: FinancialPlan = { fiscalYears: [], lines: [], sources: [], inKind: [] }
  let current: Entry | undefined
  let read = false
  const leave = (row: GridRow, key: string, code: string, fr: string, en: string) => {
    context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address(key) }, text: rowText(row) })
    context.report.issues.push(located(code, grid, row, key, undefined, fr, en))
  }
  for (const row of grid.rows) {
    if (row.blank) continue
    const elementText = row.text('element').trim()
    const element = elementText ? elementOf(elementText) : current?.element
    if (!element) {
      leave(row, 'element', 'unknown-montage-element', `« ${elementText} » n’est pas un élément du montage financier (exercice, ligne budgétaire, source de financement, contribution en nature) : la ligne n’est pas importée.`, `“${elementText}” is not an element of the financial plan (fiscal year, budget line, funding source, in-kind contribution): the row is not imported.`)
      continue
    }
    read = true
    const yearText = row.text('fiscalYear').trim()
    const fiscalYear = yearText ? fiscalYearOf(yearText) : undefined
    if (yearText && !fiscalYear) {
      leave(row, 'fiscalYear', 'not-a-fiscal-year', `« ${yearText} » n’est pas un exercice financier (AAAA-AAAA) : la ligne n’est pas importée.`, `“${yearText}” is not a fiscal year (YYYY-YYYY): the row is not imported.`)
      continue
    }
    if (fiscalYear && !montage.fiscalYears.includes(fiscalYear)) montage.fiscalYears.push(fiscalYear)
    if (element === 'year') continue
    const amountText = row.text('amount').trim()
    const cents = amountText ? parseMoney(amountText) : undefined
    if (amountText && (cents === undefined || cents < 0)) {
      leave(row, 'amount', 'not-an-amount', `« ${amountText} » n’est pas un montant : la ligne n’est pas importée.`, `“${amountText}” is not an amount: the row is not imported.`)
      continue
    }
    if (cents !== undefined && !fiscalYear) {
      leave(row, 'fiscalYear', 'amount-without-fiscal-year', `Le montant « ${amountText} » n’a pas d’exercice financier : il n’est pas importé.`, `Amount “${amountText}” has no fiscal year: it is not imported.`)
      continue
    }
    const name = row.text('name').trim()
    const detail = row.text('detail').trim()
    const lineText = row.text('line').trim()
    const key = `${lineText}\u0000${name}\u0000${detail}`
    // A blank « Élément » with blank cells continues the element above; the same cells repeated do too.
    const continues = current !== undefined && current.element === element && (key === current.key || (!elementText && !name && !lineText && !detail))
    if (!continues) {
      const entry = startEntry(element, name, detail, lineText, montage, () => leave(row, element === 'line' ? 'line' : 'name', element === 'line' ? 'not-a-number' : 'montage-entry-without-name', element === 'line' ? `La ligne budgétaire n’a pas de numéro (« ${lineText} ») : elle n’est pas importée.` : 'Cet élément du montage n’a pas de nom : il n’est pas importé.', element === 'line' ? `The budget line has no number (“${lineText}”): it is not imported.` : 'This element of the financial plan has no name: it is not imported.'))
      if (!entry) {
        current = undefined
        continue
      }
      current = { element, key, amounts: entry }
      context.places.set(pointerOf(element, montage), { sheet: grid.name, cell: row.address('name') })
    }
    if (fiscalYear && cents !== undefined) current!.amounts.push({ fiscalYear, cents })
  }
  return read ? montage : undefined
}

/** Adds the element to the montage; its amounts array, or undefined (after `refuse`) when it lacks its number or name. */
function startEntry(element: Exclude<Element, 'year'>, name: string, detail: string, lineText: string, montage: FinancialPlan, refuse: () => void): YearAmount[] | undefined {
  const amounts: YearAmount[] = []
  if (element === 'line') {
    if (!/^\d{1,6}$/.test(lineText) || Number(lineText) < 1) return void refuse()
    montage.lines.push({ line: Number(lineText), label: name, amounts })
  } else if (!name) return void refuse()
  else if (element === 'source') montage.sources.push({ name, ...(detail && { kind: detail }), amounts })
  else montage.inKind.push({ organisation: name, ...(detail && { description: detail }), amounts })
  return amounts
}

function pointerOf(element: Exclude<Element, 'year'>, montage: FinancialPlan): string {
  const list = element === 'line' ? 'lines' : element === 'source' ? 'sources' : 'inKind'
  return `/financialPlan/${list}/${montage[list].length - 1}`
}

function rowText(row: GridRow): string {
  return ['element', 'line', 'name', 'detail', 'fiscalYear', 'amount'].map((key) => row.text(key).trim()).filter(Boolean).join(' | ')
}

import {
  type Action, type Axis, COLUMN_KEYS, type ExpectedResult, type Objective, parseBlocksCell, parseBudgetCell, parseNumberedCell, parseScheduleCell, parseTextListCell, type Row,
} from '@demarche/domain'
import { located, type SheetContext, takeId, vocabularyId, withoutEmptyId } from './read-sheets.js'
import type { GridRow, SheetGrid } from './workbook.js'

/** The cells of a row (written on its first line): a sub-heading opens a row of its own, as these cells do. */
const ROW_KEYS = ['heading', ...COLUMN_KEYS, 'effect', 'budgetLine'] as const

/**
 * The Plan sheet: one line per action, the axis and the objective repeated (or left blank under the first
 * line). Lines are grouped by the hidden ids when the file has them (the toolkit's own workbook), otherwise
 * by the axis and objective texts; a row's cells are read on its first line. A profile without an axis level
 * (`levels.axis.presence: "absent"`) has its objectives directly under the plan (`objectives`): its lines
 * need no axis, and an axis cell is not read.
 */
export function readTable(grid: SheetGrid, context: SheetContext): { axes: Axis[]; objectives?: Objective[] } {
  const axes: Axis[] = []
  const flat = context.profile.levels.axis.presence === 'absent'
  // The plan itself holds the objectives of a form without axes: a container never added to `axes`.
  const root: Axis | undefined = flat ? { id: '', title: '', objectives: [] } : undefined
  const axisBy = new Map<string, Axis>()
  const objectiveBy = new Map<string, Objective>()
  const rowBy = new Map<string, Row>()
  let axis: Axis | undefined = root
  let objective: Objective | undefined
  let lastRow: { objective: Objective; row: Row } | undefined
  const levels = context.profile.levels
  for (const line of grid.rows) {
    if (line.blank) continue
    const axisText = line.text('axis')
    const axisKey = flat ? '' : line.text('axisId').trim() || `text:${axisText}`
    if (!flat && (axisText.trim() !== '' || line.text('axisId').trim() !== '')) {
      const found = axisBy.get(axisKey)
      if (found) axis = found
      else {
        const pointer = `/axes/${axes.length}`
        const { number, title } = parseNumberedCell(axisText)
        const created: Axis = { id: takeId(context, grid, line, 'axisId', `${pointer}/id`) ?? '', title, objectives: [] }
        if (number !== undefined) created.number = number
        const heading = line.text('axisHeading')
        if (heading !== '') created.heading = heading
        // Key order as the schema's, so that a plan written back is laid out as one written by hand.
        axis = withoutEmptyId(reorder(created, ['id', 'number', 'heading', 'title', 'description', 'objectives']))
        for (const at of [pointer, `${pointer}/title`]) context.places.set(at, { sheet: grid.name, cell: line.address('axis') })
        placeCell(context, grid, line, 'axisDescription', `${pointer}/description`)
        axes.push(axis)
        axisBy.set(axisKey, axis)
        objective = undefined
      }
    }
    if (!axis) {
      strayLine(grid, line, context, 'line-without-axis', `La ligne ${line.number} n’a pas d’${levels.axis.label.fr.toLowerCase()} : son contenu n’est pas importé.`, `Row ${line.number} has no ${(levels.axis.label.en ?? levels.axis.label.fr).toLowerCase()}: its content is not imported.`)
      continue
    }
    const axisPointer = flat ? '' : `/axes/${axes.indexOf(axis)}`
    const description = line.text('axisDescription')
    if (description.trim() !== '' && axis.description === undefined) axis.description = parseBlocksCell(description)

    const objectiveText = line.text('objective')
    const objectiveKey = `${axisKey}/${line.text('objectiveId').trim() || `text:${objectiveText}`}`
    if (objectiveText.trim() !== '' || line.text('objectiveId').trim() !== '') {
      const found = objectiveBy.get(objectiveKey)
      if (found) objective = found
      else {
        const pointer = `${axisPointer}/objectives/${axis.objectives.length}`
        const { number, title } = parseNumberedCell(objectiveText)
        const created: Objective = { id: takeId(context, grid, line, 'objectiveId', `${pointer}/id`) ?? '', title, rows: [] }
        if (number !== undefined) created.number = number
        objective = withoutEmptyId(reorder(created, ['id', 'number', 'title', 'details', 'rows']))
        for (const at of [pointer, `${pointer}/title`]) context.places.set(at, { sheet: grid.name, cell: line.address('objective') })
        placeCell(context, grid, line, 'objectiveDetails', `${pointer}/details`)
        axis.objectives.push(objective)
        objectiveBy.set(objectiveKey, objective)
      }
    } else if (objective && !axis.objectives.includes(objective)) objective = undefined
    const details = line.text('objectiveDetails')
    const hasRowContent = ['action', 'actionId', 'actionLabel', 'actionContent', 'rowId', ...ROW_KEYS].some((key) => line.text(key).trim() !== '')
    if (!objective) {
      if (hasRowContent || details.trim() !== '')
        strayLine(grid, line, context, 'line-without-objective', `La ligne ${line.number} n’a pas d’${levels.objective.label.fr.toLowerCase()} : son contenu n’est pas importé.`, `Row ${line.number} has no ${(levels.objective.label.en ?? levels.objective.label.fr).toLowerCase()}: its content is not imported.`)
      continue
    }
    if (details.trim() !== '' && objective.details === undefined) objective.details = parseBlocksCell(details)
    const objectivePointer = `${axisPointer}/objectives/${axis.objectives.indexOf(objective)}`
    if (!hasRowContent) continue

    const rowId = line.text('rowId').trim()
    let row = rowId ? rowBy.get(`${objectiveKey}/${rowId}`) : undefined
    // An action whose row cells are all empty shares the cells of the row above, as under a merged cell.
    if (!row && !rowId && ROW_KEYS.every((key) => line.text(key).trim() === '') && lastRow?.objective === objective) row = lastRow.row
    const rowPointer = `${objectivePointer}/rows/${row ? objective.rows.indexOf(row) : objective.rows.length}`
    if (row) {
      const repeated = ROW_KEYS.filter((key) => line.text(key).trim() !== '')
      for (const key of repeated) context.report.unplaced.push({ place: { sheet: grid.name, cell: line.address(key) }, text: line.text(key) })
      if (repeated.length > 0)
        context.report.issues.push(located('row-cells-repeated', grid, line, repeated[0]!, rowPointer, `La ligne ${line.number} reprend une rangée déjà lue : ses cellules de rangée ne sont pas importées (seules celles de la première ligne le sont).`, `Row ${line.number} continues a row already read: its row cells are not imported (only those of the first line are).`))
    } else {
      row = { id: takeId(context, grid, line, 'rowId', `${rowPointer}/id`) ?? '', actions: [] }
      readRowCells(row, grid, line, context, rowPointer)
      objective.rows.push(withoutEmptyId(row))
      if (rowId) rowBy.set(`${objectiveKey}/${rowId}`, row)
    }
    lastRow = { objective, row }
    const actionText = line.text('action')
    if (['action', 'actionId', 'actionLabel', 'actionContent'].some((key) => line.text(key).trim() !== '')) {
      const pointer = `${rowPointer}/actions/${row.actions.length}`
      const action: Action = { id: takeId(context, grid, line, 'actionId', `${pointer}/id`) ?? '', text: actionText }
      const label = line.text('actionLabel').trim()
      if (label) action.label = label
      const content = line.text('actionContent')
      if (content.trim() !== '') action.content = parseBlocksCell(content)
      for (const at of [pointer, `${pointer}/text`]) context.places.set(at, { sheet: grid.name, cell: line.address('action') })
      placeCell(context, grid, line, 'actionLabel', `${pointer}/label`)
      placeCell(context, grid, line, 'actionContent', `${pointer}/content`)
      row.actions.push(withoutEmptyId(reorder(action, ['id', 'label', 'text', 'content'])))
    }
  }
  return root ? { axes, objectives: root.objectives } : { axes }
}

/** The cells of the profile's columns, as notations (raw text only: preparePlan parses them) and lists. */
function readRowCells(row: Row, grid: SheetGrid, line: GridRow, context: SheetContext, pointer: string): void {
  const present = (key: (typeof COLUMN_KEYS)[number]) => context.profile.columns[key].presence !== 'absent' || line.text(key).trim() !== ''
  const place = (key: string) => placeCell(context, grid, line, key, `${pointer}/${key}`)
  const heading = line.text('heading')
  if (heading.trim() !== '') row.heading = heading
  placeCell(context, grid, line, 'heading', `${pointer}/heading`)
  for (const key of ['responsible', 'partners'] as const)
    if (present(key)) {
      row[key] = { raw: line.text(key) }
      place(key)
    }
  if (present('results')) {
    const effects = line.text('effect').split('\n')
    row.results = parseTextListCell(line.text('results')).map((text, index): ExpectedResult => {
      const result: ExpectedResult = { text }
      const label = effects[index]?.trim() ?? ''
      if (label === '') return result
      const effect = vocabularyId(context.profile.standardEffects, label)
      if (effect) result.effect = effect
      else {
        context.report.unplaced.push({ place: { sheet: grid.name, cell: line.address('effect') }, text: label })
        context.report.issues.push(located('unknown-effect', grid, line, 'effect', `${pointer}/results/${index}`, `« ${label} » n’est pas un effet visé du profil.`, `“${label}” is not an intended effect of the profile.`))
      }
      return result
    })
    const extra = effects.slice(row.results.length).filter((label) => label.trim() !== '')
    if (extra.length > 0) {
      context.report.unplaced.push({ place: { sheet: grid.name, cell: line.address('effect') }, text: extra.join('\n') })
      context.report.issues.push(located('effect-without-result', grid, line, 'effect', `${pointer}/results`, 'La cellule des effets visés a plus de lignes que de résultats : les effets en trop ne sont pas importés.', 'The intended effects cell has more lines than there are results: the extra effects are not imported.'))
    }
    place('results')
  }
  if (present('indicators')) {
    row.indicators = parseTextListCell(line.text('indicators')).map((text) => ({ text }))
    placeCell(context, grid, line, 'indicators', `${pointer}/indicators`)
  }
  if (present('schedule')) {
    row.schedule = parseScheduleCell(line.text('schedule')).map((block) => ({ years: { raw: block.yearsRaw }, steps: block.steps }))
    place('schedule')
  }
  if (present('budget')) {
    let raw = line.text('budget')
    const chosen = line.text('budgetLine').trim()
    const number = /^(\d+)/.exec(chosen)?.[1]
    if (number !== undefined) {
      const refers = parseBudgetCell(raw).value?.parts.some((part) => part.kind === 'line-ref' && part.line === Number(number))
      if (!refers) {
        const label = context.profile.budgetLines.find((entry) => entry.line === Number(number))?.label.fr
        raw = [`Voir onglet Budget ligne ${number}${label ? ` - ${label}` : ''}`, raw].filter((text) => text.trim() !== '').join('\n')
        context.report.issues.push(located('budget-line-added', grid, line, 'budgetLine', `${pointer}/budget`, `La ligne ${number} du montage financier est ajoutée au texte de la cellule Budget.`, `Financial plan line ${number} is added to the text of the Budget cell.`, 'info'))
      }
    }
    row.budget = { raw }
    place('budget')
  }
}

/** Where a pointer's text stands, when the sheet has the column that holds it (an older workbook may lack one). */
function placeCell(context: SheetContext, grid: SheetGrid, line: GridRow, key: string, pointer: string): void {
  if (grid.has(key)) context.places.set(pointer, { sheet: grid.name, cell: line.address(key) })
}

function strayLine(grid: SheetGrid, line: GridRow, context: SheetContext, code: string, fr: string, en: string): void {
  const keys = ['axis', 'objective', 'action', 'objectiveDetails', 'actionLabel', 'actionContent', ...ROW_KEYS].filter((key) => line.text(key).trim() !== '')
  for (const key of keys) context.report.unplaced.push({ place: { sheet: grid.name, cell: line.address(key) }, text: line.text(key) })
  context.report.issues.push(located(code, grid, line, keys[0] ?? 'axis', undefined, fr, en))
}

/** The same object with its keys in the given order (the schema's), the others after. */
function reorder<T extends object>(value: T, order: readonly string[]): T {
  const entries = Object.entries(value)
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length)
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T
}

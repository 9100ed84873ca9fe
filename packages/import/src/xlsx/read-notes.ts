import { mostPrecise, type Note } from '@demarche/domain'
import { located, type SheetContext, takeId, withoutEmptyId } from './read-sheets.js'
import { comparable, type GridRow, type SheetGrid } from './workbook.js'

/** "Plan!C3", "'Autres textes'!$B$2", "=Plan!C3": a cell named as a spreadsheet's formulas name it. */
const CELL_REFERENCE = /^=?\s*(?:'((?:[^']|'')+)'|([^!'\s][^!]*))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/

/**
 * The Notes sheet: one note a row, its marker, the cell it refers to and its text. What a note refers to is
 * read from the visible « Se rapporte à » cell: a cell of the workbook ("Plan!C3") stands for the text that
 * cell holds, a JSON Pointer ("/metadata/title") is taken as written, an empty cell makes the note a closing
 * remark. The hidden pointer written by the toolkit refines a cell reference (a note on one result of a cell)
 * as long as it still lies in the referenced cell. Read after every other sheet, whose cells it refers to.
 */
export function readNotes(grid: SheetGrid, context: SheetContext): Note[] {
  const cells = pointersByCell(context)
  const notes: Note[] = []
  for (const row of grid.rows) {
    if (row.blank) continue
    const text = row.text('text')
    const place = row.text('place').trim()
    if (text.trim() === '') {
      if (place !== '' || row.text('marker').trim() !== '') {
        context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address('place') }, text: [row.text('marker').trim(), place].filter(Boolean).join(' | ') })
        context.report.issues.push(located('note-without-text', grid, row, 'text', undefined, `La note de la ligne ${row.number} n’a pas de texte : elle n’est pas importée.`, `The note on row ${row.number} has no text: it is not imported.`))
      }
      continue
    }
    const pointer = `/notes/${notes.length}`
    const note: Note = { id: takeId(context, grid, row, 'id', `${pointer}/id`) ?? '', text }
    const at = noteTarget(grid, row, place, cells, context, pointer)
    if (at !== undefined) note.at = at
    const marker = row.text('marker').trim()
    if (marker !== '') note.marker = marker
    context.places.set(pointer, { sheet: grid.name, cell: row.address('text') })
    notes.push(withoutEmptyId(reorder(note)))
  }
  return notes
}

/** What the note of a row refers to, from its « Se rapporte à » cell; undefined for a closing remark or a reference that names no text. */
function noteTarget(grid: SheetGrid, row: GridRow, place: string, cells: Map<string, string[]>, context: SheetContext, pointer: string): string | undefined {
  if (place === '') return undefined
  if (place.startsWith('/')) return place
  const hidden = row.text('at').trim()
  const match = CELL_REFERENCE.exec(place)
  if (match) {
    const sheet = match[1]?.replace(/''/g, "'") ?? match[2]!.trim()
    const key = cellKey(sheet, `${match[3]!.toUpperCase()}${match[4]}`)
    const candidates = cells.get(key)
    if (candidates) {
      // The hidden pointer is more precise than the cell (one result of a cell) while it still lies in that cell.
      const within = hidden.startsWith('/') ? nearestCell(context, hidden) : undefined
      return within === key ? hidden : candidates[0]
    }
  }
  context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address('place') }, text: place })
  context.report.issues.push(
    located('note-place-unknown', grid, row, 'place', pointer, `« ${place} » ne désigne aucune cellule du plan (p. ex. Plan!C3) : la note est importée en fin de document.`, `“${place}” names no cell of the plan (e.g. Plan!C3): the note is imported at the end of the document.`),
  )
  return undefined
}

/** The pointer each cell stands for: the most precise it holds ("/objectives/1/title" rather than "/objectives/1"), as the workbook's writer reads it. */
function pointersByCell(context: SheetContext): Map<string, string[]> {
  const cells = new Map<string, string[]>()
  for (const [pointer, place] of context.places) {
    const key = cellKey(place.sheet, place.cell)
    cells.set(key, [...(cells.get(key) ?? []), pointer])
  }
  for (const [key, list] of cells) cells.set(key, [mostPrecise(list)!])
  return cells
}

function nearestCell(context: SheetContext, pointer: string): string | undefined {
  for (let at = pointer; at.includes('/'); at = at.slice(0, at.lastIndexOf('/'))) {
    const place = context.places.get(at)
    if (place) return cellKey(place.sheet, place.cell)
  }
  return undefined
}

function cellKey(sheet: string, cell: string): string {
  return `${comparable(sheet)}!${cell.toUpperCase()}`
}

/** Keys in the schema's order, as a note written by hand has them. */
function reorder(note: Note): Note {
  return { id: note.id, ...(note.at !== undefined && { at: note.at }), ...(note.marker !== undefined && { marker: note.marker }), text: note.text }
}

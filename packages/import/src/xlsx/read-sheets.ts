import {
  type Block, DOCUMENT_FIELD_POINTERS, DOCUMENT_FIELDS, documentFieldLabels, type DocumentField, derivedId, FORM_WORDS, type FormLanguage, Id, type NumberedText, parseBlocksCell,
  type Participation, type PreparationStep, type PriorityResponse, type Profile, type VocabularyEntry,
} from '@demarche/domain'
import { Value } from 'typebox/value'
import { type ImportIssue, type ImportReport, issue } from '../report.js'
import { comparable, type SheetGrid, type GridRow } from './workbook.js'

/** Where each value went: the JSON Pointer of the plan and the cell it came from, for later findings. */
const PARTICIPANT_KINDS = ['organisation', 'elected-official', 'citizen'] as const

export type Places = Map<string, { sheet: string; cell: string }>

export interface SheetContext {
  profile: Profile
  language: FormLanguage
  report: ImportReport
  places: Places
  /** Ids already taken in the plan: a repeated id is dropped (the importer derives a new one). */
  ids: Set<string>
}

export function located(code: string, grid: SheetGrid, row: GridRow, key: string, pointer: string | undefined, fr: string, en: string, severity: ImportIssue['severity'] = 'warning'): ImportIssue {
  const found = issue(code, { sheet: grid.name, cell: row.address(key) }, fr, en, severity)
  return pointer === undefined ? found : { ...found, pointer }
}

/** A hidden id cell kept when it is a well-formed id not used yet; otherwise left for the importer to derive. */
export function takeId(context: SheetContext, grid: SheetGrid, row: GridRow, key: string, pointer: string): string | undefined {
  const id = row.text(key).trim()
  if (id === '') return undefined
  if (!Value.Check(Id, id) || context.ids.has(id)) {
    context.report.issues.push(located('duplicate-id', grid, row, key, pointer, `L’identifiant « ${id} » est déjà pris ou mal formé : un nouvel identifiant est attribué.`, `Identifier “${id}” is already taken or malformed: a new one is assigned.`))
    return undefined
  }
  context.ids.add(id)
  return id
}

/** The vocabulary entry a cell names, by its label in either language, an alias or its id. */
export function vocabularyId(entries: readonly VocabularyEntry[], text: string): string | undefined {
  const wanted = comparable(text)
  return entries.find((entry) => [entry.id, entry.label.fr, entry.label.en, ...(entry.aliases ?? [])].some((label) => label !== undefined && comparable(label) === wanted))?.id
}

/** The Document sheet: the plan's identity and metadata, one field per row. */
export function readDocument(grid: SheetGrid | undefined, context: SheetContext): { values: Partial<Record<DocumentField, string>>; rows: Partial<Record<DocumentField, GridRow>> } {
  const values: Partial<Record<DocumentField, string>> = {}
  const rows: Partial<Record<DocumentField, GridRow>> = {}
  if (!grid) return { values, rows }
  const byLabel = new Map<string, DocumentField>()
  for (const [field, labels] of Object.entries(DOCUMENT_FIELDS) as Array<[DocumentField, { fr: string; en: string }]>) for (const label of [labels.fr, labels.en, field]) byLabel.set(comparable(label), field)
  // The profile's own words for its fields (its group, its fiduciary), in either language, over the toolkit's.
  for (const language of ['fr', 'en'] as const) for (const [field, label] of Object.entries(documentFieldLabels(context.profile, language))) byLabel.set(comparable(label), field as DocumentField)
  for (const row of grid.rows) {
    if (row.blank) continue
    const field = byLabel.get(comparable(row.text('field')))
    const value = row.text('value')
    if (field === undefined) {
      if (value.trim() !== '') {
        context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address('value') }, text: value })
        context.report.issues.push(located('unknown-field', grid, row, 'field', undefined, `Le champ « ${row.text('field')} » n’est pas un champ du formulaire : sa valeur n’est pas importée.`, `Field “${row.text('field')}” is not a field of the form: its value is not imported.`))
      }
      continue
    }
    rows[field] = row
    if (value.trim() !== '') values[field] = value
    const pointer = DOCUMENT_FIELD_POINTERS[field]
    if (pointer) context.places.set(pointer, { sheet: grid.name, cell: row.address('value') })
  }
  return { values, rows }
}

export function readParticipants(grid: SheetGrid, context: SheetContext): Participation[] {
  const words = FORM_WORDS
  const entries: Participation[] = []
  const seen = new Map<string, string>()
  const yes = [words.fr.yes, words.en.yes].map(comparable)
  const no = [words.fr.no, words.en.no, ''].map(comparable)
  for (const row of grid.rows) {
    const name = row.text('name').trim()
    if (!name) {
      const stray = ['contacts', 'fiduciary', 'acronym', 'note'].filter((key) => row.text(key).trim() !== '')
      for (const key of stray) context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address(key) }, text: row.text(key).trim() })
      if (stray.length > 0)
        context.report.issues.push(located('participant-without-name', grid, row, 'name', undefined, `La ligne ${row.number} n’a pas de nom d’organisme : son contenu n’est pas importé.`, `Row ${row.number} has no organisation name: its content is not imported.`))
      continue
    }
    const pointer = `/participants/entries/${entries.length}`
    const entry: Participation = { id: '', name, kind: 'organisation', fiduciary: false }
    const id = takeId(context, grid, row, 'id', `${pointer}/id`)
    const raw = row.text('raw')
    if (raw !== '') entry.raw = raw
    const acronym = row.text('acronym').trim()
    if (acronym) entry.acronym = acronym
    const note = row.text('note')
    if (note.trim()) entry.note = note
    const kindText = row.text('kind').trim()
    const kind = PARTICIPANT_KINDS.find((candidate) => [candidate, words.fr.participantKinds[candidate], words.en.participantKinds[candidate]].some((label) => comparable(label) === comparable(kindText)))
    if (kind) entry.kind = kind
    else if (kindText !== '')
      context.report.issues.push(located('unknown-participant-kind', grid, row, 'kind', `${pointer}/kind`, `« ${kindText} » n’est pas un type de participant (${Object.values(words.fr.participantKinds).join(', ')}) : l’organisme est importé comme organisme.`, `“${kindText}” is not a participant type (${Object.values(words.en.participantKinds).join(', ')}): it is imported as an organisation.`))
    const contacts = row.text('contacts').trim()
    if (contacts) {
      entry.contacts = { raw: contacts }
      context.places.set(`${pointer}/contacts`, { sheet: grid.name, cell: row.address('contacts') })
    }
    const fiduciary = row.text('fiduciary').trim()
    if (yes.includes(comparable(fiduciary))) entry.fiduciary = true
    else if (!no.includes(comparable(fiduciary)))
      context.report.issues.push(located('fiduciary-not-yes-no', grid, row, 'fiduciary', `${pointer}/fiduciary`, `« ${fiduciary} » n’est ni « Oui » ni « Non » : l’organisme est importé comme non fiduciaire.`, `“${fiduciary}” is neither “Yes” nor “No”: the organisation is imported as not fiduciary.`))
    const key = comparable(name)
    const first = seen.get(key)
    if (first) context.report.issues.push(located('duplicate-participant', grid, row, 'name', `${pointer}/name`, `« ${name} » figure déjà à la cellule ${first}.`, `“${name}” is already listed at cell ${first}.`))
    else seen.set(key, row.address('name'))
    // Ids are derived from the name, as `readFormParticipants` always did, when the file carries none.
    entry.id = id ?? uniqueId(context.ids, derivedId('pa', name))
    for (const at of [pointer, `${pointer}/name`]) context.places.set(at, { sheet: grid.name, cell: row.address('name') })
    entries.push(entry)
  }
  return entries
}

function uniqueId(ids: Set<string>, id: string): string {
  let candidate = id
  for (let attempt = 1; ids.has(candidate); attempt++) candidate = `${id}-${attempt}`
  ids.add(candidate)
  return candidate
}

/** A whole number cell ("3"), or undefined with a warning when it is something else. */
function numberCell(grid: SheetGrid, row: GridRow, context: SheetContext, pointer: string): number | undefined {
  const text = row.text('number').trim()
  if (text === '') return undefined
  if (/^\d{1,6}$/.test(text)) return Number(text)
  context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address('number') }, text })
  context.report.issues.push(located('not-a-number', grid, row, 'number', pointer, `« ${text} » n’est pas un numéro : il n’est pas importé.`, `“${text}” is not a number: it is not imported.`))
  return undefined
}

export function readSteps(grid: SheetGrid, context: SheetContext): PreparationStep[] {
  const steps: PreparationStep[] = []
  for (const row of grid.rows) {
    if (row.blank) continue
    const pointer = `/preparation/steps/${steps.length}`
    const step: PreparationStep = { id: '', kind: '', text: row.text('text') }
    const id = takeId(context, grid, row, 'id', `${pointer}/id`)
    if (id) step.id = id
    const number = numberCell(grid, row, context, `${pointer}/number`)
    if (number !== undefined) step.number = number
    const kindText = row.text('kind').trim()
    const kind = vocabularyId(context.profile.preparationStepKinds, kindText)
    step.kind = kind ?? (kindText || 'other')
    if (!kind)
      context.report.issues.push(located('unknown-step-kind', grid, row, 'kind', `${pointer}/kind`, `« ${kindText} » n’est pas un type d’étape du profil ; le texte est gardé tel quel.`, `“${kindText}” is not a step kind of the profile; the text is kept as written.`))
    const title = row.text('title')
    if (title !== '') step.title = title
    const date = row.text('date').trim()
    if (date !== '') {
      step.date = { raw: date }
      context.places.set(`${pointer}/date`, { sheet: grid.name, cell: row.address('date') })
    }
    steps.push(withoutEmptyId(step))
  }
  return steps
}

export function readNumbered(grid: SheetGrid, context: SheetContext, base: string): NumberedText[] {
  const points: NumberedText[] = []
  for (const row of grid.rows) {
    if (row.blank) continue
    const pointer = `${base}/${points.length}`
    const point: NumberedText = { id: '', text: row.text('text') }
    const id = takeId(context, grid, row, 'id', `${pointer}/id`)
    if (id) point.id = id
    const number = numberCell(grid, row, context, `${pointer}/number`)
    if (number !== undefined) point.number = number
    for (const at of [pointer, `${pointer}/text`]) context.places.set(at, { sheet: grid.name, cell: row.address('text') })
    points.push(withoutEmptyId(point))
  }
  return points
}

export function readPriorities(grid: SheetGrid, context: SheetContext): PriorityResponse[] {
  const responses: PriorityResponse[] = []
  for (const row of grid.rows) {
    const answer = row.text('blocks')
    const heading = row.text('heading')
    if (answer.trim() === '' && heading.trim() === '') continue
    const pointer = `/priorityResponses/${responses.length}`
    const label = row.text('priority').trim()
    const priorityId = vocabularyId(context.profile.transversalPriorities, label)
    if (!priorityId) {
      context.report.unplaced.push({ place: { sheet: grid.name, cell: row.address('blocks') }, text: answer })
      context.report.issues.push(located('unknown-priority', grid, row, 'priority', undefined, `« ${label} » n’est pas une priorité transversale du profil : la réponse n’est pas importée.`, `“${label}” is not a transversal priority of the profile: the response is not imported.`, 'error'))
      continue
    }
    const response: PriorityResponse = { priorityId, blocks: readBlocks(answer) }
    if (heading !== '') response.heading = heading
    context.places.set(pointer, { sheet: grid.name, cell: row.address('blocks') })
    responses.push(response)
  }
  return responses
}

export function readNarrative(grid: SheetGrid, context: SheetContext) {
  const sections: Array<{ id: string; heading?: string; blocks: Block[] }> = []
  for (const row of grid.rows) {
    if (row.blank) continue
    const pointer = `/narrative/${sections.length}`
    const section: { id: string; heading?: string; blocks: Block[] } = { id: '', blocks: readBlocks(row.text('blocks')) }
    const id = takeId(context, grid, row, 'id', `${pointer}/id`)
    if (id) section.id = id
    const heading = row.text('heading')
    if (heading !== '') section.heading = heading
    for (const at of [pointer, `${pointer}/blocks`]) context.places.set(at, { sheet: grid.name, cell: row.address('blocks') })
    if (grid.has('heading')) context.places.set(`${pointer}/heading`, { sheet: grid.name, cell: row.address('heading') })
    sections.push(withoutEmptyId(section))
  }
  return sections
}

/** Blocks as the form writes them (the domain's `blocksCell` is the writer, so what was written reads back the same). */
const readBlocks = parseBlocksCell

/** A node whose id is still to derive carries none (preparePlan gives it one from its place). */
export function withoutEmptyId<T extends { id: string }>(node: T): T {
  if (node.id === '') delete (node as { id?: string }).id
  return node
}

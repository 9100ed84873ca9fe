import { formatPlanYear } from '../calendar.js'
import { localize } from '../locale.js'
import type { Block, LocalizedText } from '../common.js'
import type { FinancialPlan, YearAmount } from '../plan/financial-plan.js'
import type { PlanDocument } from '../plan/plan-document.js'
import type { Row } from '../plan/table.js'
import { COLUMN_KEYS, type ColumnKey, type Profile, type SectionKey, type YearScheme } from '../profile/profile.js'
import { planTerms } from '../profile/terms.js'
import { blocksCell, numberedCell, scheduleCell, textListCell } from './cell-text.js'
import { DOCUMENT_FIELDS, type DocumentField, FORM_WORDS, type FormLanguage, type FormSheetKey, HIDDEN_HEADINGS, SHEET_NAMES } from './form-words.js'

/** One column of a form sheet: the key the code knows it by, its heading, its width; hidden columns carry ids. */
export interface FormColumn {
  key: string
  header: string
  width: number
  hidden?: boolean
  /** Whole numbers (step and point numbers) are written as numbers. */
  numeric?: boolean
  /** Amounts: the cell text is dollars with two decimals ("33000.01"), written as a number in the money format. */
  money?: boolean
}

/** A sheet of the XLSX form as a grid of texts: what the blank form, the rendered plan and the importer share. */
export interface FormSheet {
  key: FormSheetKey
  name: string
  columns: FormColumn[]
  /** The data rows under the heading row, one text per column (empty when blank). */
  rows: string[][]
  /**
   * A hidden sheet: an empty section the plan keeps though its profile marks it absent. Nothing for a person to
   * fill, but its sheet tells the importer to keep the section, as the plan has it.
   */
  hidden?: boolean
}

/**
 * Where the texts of a plan stand in its workbook: a JSON Pointer of the plan and the cell that holds it,
 * as a person writes a reference ("Plan!C3", "'Autres textes'!B2"). The Notes sheet names the cell a note refers to.
 */
export type FormPlaces = Map<string, string>

/** The Plan sheet's columns a reader looks for, whichever the profile has. */
export type PlanColumnKey =
  | 'axis' | 'objective' | 'heading' | 'action' | ColumnKey | 'effect' | 'budgetLine'
  | 'axisDescription' | 'objectiveDetails' | 'actionLabel' | 'actionContent'
  | 'axisId' | 'axisHeading' | 'objectiveId' | 'rowId' | 'actionId'

const hidden = (key: string, header: string): FormColumn => ({ key, header, width: 12, hidden: true })

/** The columns of every sheet of the form of a profile, in the order written. */
export function formColumns(profile: Profile, language: FormLanguage): Record<Exclude<FormSheetKey, 'instructions' | 'lists'>, FormColumn[]> {
  const words = FORM_WORDS[language]
  const text = (value: LocalizedText) => localize(value, language)
  // The participants' contacts and fiduciary in the profile's words, as its documents name them.
  const terms = planTerms(profile, language)
  const levels = (['axis', 'objective', 'action'] as const).filter((key) => profile.levels[key].presence !== 'absent')
  const columns = COLUMN_KEYS.filter((key) => profile.columns[key].presence !== 'absent')
  const levelWord = (key: 'axis' | 'objective' | 'action') => text(profile.levels[key].label)
  const plan: FormColumn[] = [
    ...levels.flatMap((key): FormColumn[] => [
      { key, header: text(profile.levels[key].columnHeading ?? profile.levels[key].label), width: 32 },
      // A sub-heading groups the actions of an objective: read where a person reads it, before the actions it heads.
      ...(key === 'objective' ? [{ key: 'heading', header: `${words.rowHeading} — ${levelWord('objective')}`, width: 28 }] : []),
    ]),
    ...columns.flatMap((key): FormColumn[] => [
      { key, header: text(profile.columns[key].label), width: 30 },
      ...(key === 'results' && profile.standardEffects.length > 0 ? [{ key: 'effect', header: words.effect, width: 30 }] : []),
      ...(key === 'budget' && profile.budgetLines.length > 0 ? [{ key: 'budgetLine', header: words.budgetLine, width: 30 }] : []),
    ]),
    // What the form's columns say of a level is named with the profile's word for it ("Description — Orientation").
    ...(levels.includes('axis') ? [{ key: 'axisDescription', header: `${words.axisDescription} — ${levelWord('axis')}`, width: 40 }] : []),
    { key: 'objectiveDetails', header: `${words.objectiveDetails} — ${levelWord('objective')}`, width: 40 },
    ...(levels.includes('action')
      ? [
          { key: 'actionLabel', header: `${words.actionLabel} — ${levelWord('action')}`, width: 10 },
          { key: 'actionContent', header: `${words.actionContent} — ${levelWord('action')}`, width: 40 },
        ]
      : []),
    ...(levels.includes('axis') ? [hidden('axisId', HIDDEN_HEADINGS.axisId), hidden('axisHeading', HIDDEN_HEADINGS.axisHeading)] : []),
    hidden('objectiveId', HIDDEN_HEADINGS.objectiveId),
    hidden('rowId', HIDDEN_HEADINGS.rowId),
    hidden('actionId', HIDDEN_HEADINGS.actionId),
  ]
  return {
    document: [
      { key: 'field', header: words.field, width: 34 },
      { key: 'value', header: words.value, width: 100 },
    ],
    participants: [
      { key: 'name', header: words.organisation, width: 48 },
      { key: 'contacts', header: terms.contacts, width: 40 },
      { key: 'fiduciary', header: capitalised(terms.fiduciaryMark), width: 14 },
      { key: 'acronym', header: words.acronym, width: 14 },
      { key: 'note', header: words.note, width: 30 },
      { key: 'kind', header: words.participantKind, width: 20 },
      hidden('id', HIDDEN_HEADINGS.id),
      hidden('raw', HIDDEN_HEADINGS.raw),
    ],
    preparation: [
      { key: 'number', header: words.number, width: 6, numeric: true },
      { key: 'kind', header: words.kind, width: 30 },
      { key: 'title', header: words.title, width: 40 },
      { key: 'date', header: words.date, width: 22 },
      { key: 'text', header: words.description, width: 70 },
      hidden('id', HIDDEN_HEADINGS.id),
    ],
    plan,
    priorities: [
      { key: 'priority', header: words.priority, width: 40 },
      { key: 'blocks', header: words.response, width: 100 },
      { key: 'heading', header: words.heading, width: 30 },
    ],
    financialPlan: [
      { key: 'element', header: words.montageElement, width: 24 },
      { key: 'line', header: words.montageLine, width: 10, numeric: true },
      { key: 'name', header: words.montageName, width: 40 },
      { key: 'detail', header: words.montageDetail, width: 30 },
      { key: 'fiscalYear', header: words.fiscalYear, width: 18 },
      { key: 'amount', header: words.amount, width: 16, money: true },
    ],
    followUp: numberedColumns(words),
    complementarity: numberedColumns(words),
    narrative: [
      { key: 'heading', header: words.title, width: 40 },
      { key: 'blocks', header: words.text, width: 100 },
      hidden('id', HIDDEN_HEADINGS.id),
    ],
    notes: [
      { key: 'marker', header: words.noteMarker, width: 8 },
      { key: 'place', header: words.noteAt, width: 30 },
      { key: 'text', header: words.text, width: 100 },
      hidden('id', HIDDEN_HEADINGS.id),
      hidden('at', HIDDEN_HEADINGS.at),
    ],
  }
}

function numberedColumns(words: (typeof FORM_WORDS)[FormLanguage]): FormColumn[] {
  return [
    { key: 'number', header: words.number, width: 6, numeric: true },
    { key: 'text', header: words.text, width: 110 },
    hidden('id', HIDDEN_HEADINGS.id),
  ]
}

const SECTION_OF: Partial<Record<FormSheetKey, SectionKey>> = {
  participants: 'participants',
  preparation: 'preparation',
  priorities: 'priorityResponses',
  followUp: 'followUp',
  complementarity: 'complementarity',
  narrative: 'narrative',
}

/**
 * The form's sheets filled with a plan (or blank when `plan` is undefined), in the order written: a sheet
 * for every section the profile has, and for any other the plan fills.
 */
export function formSheets(profile: Profile, language: FormLanguage, plan?: PlanDocument): FormSheet[] {
  const columns = formColumns(profile, language)
  const names = SHEET_NAMES[language]
  const text = (value: LocalizedText) => localize(value, language)
  const label = (entries: Profile['standardEffects'], id: string | undefined) => (id === undefined ? '' : (entries.find((entry) => entry.id === id)?.label ?? { fr: id }))
  const labelText = (entries: Profile['standardEffects'], id: string | undefined) => {
    const found = label(entries, id)
    return typeof found === 'string' ? found : text(found)
  }
  const places: FormPlaces = new Map()
  /** A sheet of the rows given; `at` names, by row and column key, the pointers of the plan its cells hold. */
  const sheet = (key: Exclude<FormSheetKey, 'instructions' | 'lists'>, rows: Array<Record<string, string | undefined>>, at: ReadonlyArray<CellPointers | undefined> = [], shown = columns[key]): FormSheet => {
    at.forEach((cells, index) => {
      for (const [column, pointers] of Object.entries(cells ?? {})) {
        const position = shown.findIndex((candidate) => candidate.key === column)
        if (position >= 0) for (const pointer of pointers) places.set(pointer, cellReference(names[key], index + 2, position + 1))
      }
    })
    return { key, name: names[key], columns: shown, rows: rows.map((row) => shown.map((column) => row[column.key] ?? '')) }
  }
  const number = (value: number | undefined) => (value === undefined ? '' : String(value))
  // A section's sheet is there when the profile has the section or the plan has it (even empty, then hidden): the
  // importer leaves out a section the profile marks absent when its sheet is not in the workbook, as the plan did.
  const present = (key: FormSheetKey, filled: boolean) => {
    const section = SECTION_OF[key]
    return filled || (section !== undefined && (profile.sections[section].presence !== 'absent' || plan?.[section] !== undefined))
  }

  const document = documentRows(profile, language, plan)
  const sheets: FormSheet[] = [sheet('document', document.map(({ row }) => row), document.map(({ pointer }) => (pointer ? { value: [pointer] } : undefined)))]
  const entries = plan?.participants?.entries ?? []
  if (present('participants', entries.length > 0))
    sheets.push(
      sheet(
        'participants',
        entries.map((entry) => ({
          name: entry.name,
          contacts: entry.contacts?.raw,
          fiduciary: entry.fiduciary ? FORM_WORDS[language].yes : FORM_WORDS[language].no,
          acronym: entry.acronym,
          note: entry.note,
          id: entry.id,
          raw: entry.raw,
          kind: FORM_WORDS[language].participantKinds[entry.kind],
        })),
        entries.map((_, index) => ({ name: [`/participants/entries/${index}`, `/participants/entries/${index}/name`] })),
      ),
    )
  const steps = plan?.preparation?.steps ?? []
  if (present('preparation', steps.length > 0))
    sheets.push(sheet('preparation', steps.map((step) => ({ number: number(step.number), kind: labelText(profile.preparationStepKinds, step.kind), title: step.title, date: step.date?.raw, text: step.text, id: step.id }))))
  const table = plan ? planRows(plan, profile, language) : { lines: [], at: [] }
  // The sub-heading column is on every blank form, and on a plan's workbook when the plan has sub-headings.
  const headed = !plan || [...plan.axes.flatMap((axis) => axis.objectives), ...(plan.objectives ?? [])].some((objective) => objective.rows.some((row) => row.heading !== undefined))
  sheets.push(sheet('plan', table.lines, table.at, headed ? columns.plan : columns.plan.filter((column) => column.key !== 'heading')))
  const responses = plan?.priorityResponses ?? []
  if (present('priorities', responses.length > 0)) {
    const answered = new Set(responses.map((response) => response.priorityId))
    // The blank form lists every priority of the edition; a plan lists its answers, then the priorities it left unanswered.
    const rows = [
      ...responses.map((response) => ({ priority: labelText(profile.transversalPriorities, response.priorityId), blocks: blocksCell(response.blocks), heading: response.heading })),
      ...profile.transversalPriorities.filter((priority) => !answered.has(priority.id)).map((priority) => ({ priority: text(priority.label) })),
    ]
    sheets.push(sheet('priorities', rows))
  }
  const numbered = (list: NonNullable<PlanDocument['followUp']>) => list.map((point) => ({ number: number(point.number), text: point.text, id: point.id }))
  const numberedAt = (list: NonNullable<PlanDocument['followUp']>, base: string) => list.map((_, index) => ({ text: [`${base}/${index}`, `${base}/${index}/text`] }))
  if (present('followUp', (plan?.followUp?.length ?? 0) > 0)) sheets.push(sheet('followUp', numbered(plan?.followUp ?? []), numberedAt(plan?.followUp ?? [], '/followUp')))
  if (present('complementarity', (plan?.complementarity?.points.length ?? 0) > 0))
    sheets.push(sheet('complementarity', numbered(plan?.complementarity?.points ?? []), numberedAt(plan?.complementarity?.points ?? [], '/complementarity/points')))
  const narrative = plan?.narrative ?? []
  if (present('narrative', narrative.length > 0))
    sheets.push(
      sheet(
        'narrative',
        narrative.map((section) => ({ heading: section.heading, blocks: blocksCell(section.blocks), id: section.id })),
        narrative.map((_, index) => ({ heading: [`/narrative/${index}/heading`], blocks: [`/narrative/${index}`, `/narrative/${index}/blocks`] })),
      ),
    )
  // The montage financier has its place wherever the profile has a budget column, or the plan brings one.
  if (profile.columns.budget.presence !== 'absent' || plan?.financialPlan) sheets.push(sheet('financialPlan', plan?.financialPlan ? montageRows(plan.financialPlan, language) : []))
  for (const form of sheets) {
    const section = SECTION_OF[form.key]
    if (plan && section && profile.sections[section].presence === 'absent' && form.rows.length === 0) form.hidden = true
  }
  // Notes last, once every cell they may refer to has its place: on every blank form, on a plan's when it has notes.
  const notes = plan?.notes ?? []
  if (!plan || notes.length > 0)
    sheets.push(sheet('notes', notes.map((note) => ({ marker: note.marker, ...noteCells(places, note.at), text: note.text, id: note.id }))))
  return sheets
}

/**
 * Where a note refers to: the cell that holds its text (or the JSON Pointer, when no cell does) for a person to
 * read and edit; the pointer itself, hidden, only when it is more precise than the cell (one result of a cell),
 * as the cell alone stands for the most precise text it holds.
 */
function noteCells(places: FormPlaces, at: string | undefined): { place?: string; at?: string } {
  if (at === undefined) return {}
  const place = placeOf(places, at)
  if (place === undefined) return { place: at }
  const held = [...places].filter(([, cell]) => cell === place).map(([pointer]) => pointer)
  return mostPrecise(held) === at ? { place } : { place, at }
}

/** The most precise of the pointers a cell holds ("/objectives/1/title" rather than "/objectives/1"); the importer reads a cell so. */
export function mostPrecise(pointers: readonly string[]): string | undefined {
  return [...pointers].sort((a, b) => b.split('/').length - a.split('/').length || b.length - a.length)[0]
}

/** Pointers of the plan held by the cells of one row, by column key. */
type CellPointers = Record<string, string[]>

/**
 * The cell a pointer's text stands in: its own, or that of the nearest node or cell that holds it (a note on
 * one result of a cell refers to the cell); undefined when no cell of the workbook holds it.
 */
function placeOf(places: FormPlaces, pointer: string): string | undefined {
  for (let at = pointer; at.includes('/'); at = at.slice(0, at.lastIndexOf('/'))) {
    const found = places.get(at)
    if (found) return found
  }
  return undefined
}

/** "Plan!C3", "'Autres textes'!B2": a cell as a spreadsheet's formulas name it. */
export function cellReference(sheet: string, row: number, column: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`
  return `${name}!${columnLetter(column)}${row}`
}

function columnLetter(index: number): string {
  let name = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/**
 * The montage as rows: its fiscal years first, then each line, source and contribution in kind with one row
 * per fiscal year it has an amount for (one row with no year when it has none); the rows of one element repeat
 * its cells, so a sorted or filtered sheet still reads.
 */
function montageRows(montage: FinancialPlan, language: FormLanguage): Array<Record<string, string | undefined>> {
  const kinds = FORM_WORDS[language].montageElements
  const rows: Array<Record<string, string | undefined>> = montage.fiscalYears.map((fiscalYear) => ({ element: kinds.year, fiscalYear }))
  const element = (cells: Record<string, string | undefined>, amounts: readonly YearAmount[]) => {
    if (amounts.length === 0) rows.push(cells)
    for (const amount of amounts) rows.push({ ...cells, fiscalYear: amount.fiscalYear, amount: dollars(amount.cents) })
  }
  for (const line of montage.lines) element({ element: kinds.line, line: String(line.line), name: line.label }, line.amounts)
  for (const source of montage.sources) element({ element: kinds.source, name: source.name, detail: source.kind }, source.amounts)
  for (const gift of montage.inKind) element({ element: kinds.inKind, name: gift.organisation, detail: gift.description }, gift.amounts)
  return rows
}

/** Cents as dollars with two decimals, in integers only ("33000.01"). */
function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`
}

/**
 * The names of the Document sheet's fields in a profile's form: the toolkit's, but for the facts the profile
 * names in its own words (its group, the group's fiduciary, the programme) and the years in its notation. The
 * importer reads both these and the toolkit's.
 */
export function documentFieldLabels(profile: Pick<Profile, 'terms' | 'yearScheme'>, language: FormLanguage): Record<DocumentField, string> {
  const labels = Object.fromEntries(Object.entries(DOCUMENT_FIELDS).map(([field, label]) => [field, label[language]])) as Record<DocumentField, string>
  const terms = planTerms(profile, language)
  return { ...labels, chantier: terms.group, fiduciary: terms.fiduciaryField, programme: terms.programme, ...yearFieldLabels(profile.yearScheme, language) }
}

/**
 * The first and last years' fields hold the plan's year numbers (1 for its first year). In a form whose years
 * are numbered with a word ("An {n}"), the field names that word, as Lanaudière's always have
 * (« Première année (An) »); in one dated in calendar or fiscal years, it says which year is 1
 * (« Première année (1 = 2008) »), rather than Lanaudière's « An ».
 */
function yearFieldLabels(scheme: YearScheme, language: FormLanguage): Pick<Record<DocumentField, string>, 'firstYear' | 'lastYear'> {
  const [first, last] = language === 'fr' ? ['Première année', 'Dernière année'] : ['First year', 'Last year']
  const word = localize(scheme.label, language).replace('{n}', '').trim()
  const hint = (scheme.notation ?? 'plan-year') === 'plan-year' ? word : `1 = ${formatPlanYear(1, scheme, language)}`
  return hint ? { firstYear: `${first} (${hint})`, lastYear: `${last} (${hint})` } : { firstYear: first, lastYear: last }
}

/** The pointer of the plan each field of the Document sheet holds, for the fields a note may refer to. */
export const DOCUMENT_FIELD_POINTERS: Partial<Record<DocumentField, string>> = {
  title: '/metadata/title',
  issuer: '/metadata/issuer',
  periodRaw: '/metadata/period/raw',
  regionalPriority: '/regionalPriority',
  participantsRaw: '/participants/raw',
  preparationIntro: '/preparation/intro',
  complementarityHeading: '/complementarity/heading',
}

function documentRows(profile: Profile, language: FormLanguage, plan: PlanDocument | undefined): Array<{ row: Record<string, string | undefined>; pointer?: string }> {
  const metadata = plan?.metadata
  const values: Record<DocumentField, string | undefined> = {
    planId: plan?.id,
    profile: `${profile.id}@${profile.version}`,
    title: metadata?.title,
    language: metadata?.language ?? (language === 'fr' ? 'fr-CA' : 'en-CA'),
    status: metadata?.status ?? 'draft',
    programme: metadata?.programme?.name,
    reviewingBody: metadata?.programme?.reviewingBody,
    chantier: metadata?.chantier?.name,
    fiduciary: metadata?.chantier?.fiduciary,
    issuer: metadata?.issuer,
    firstYear: metadata?.period?.firstYear?.toString(),
    lastYear: metadata?.period?.lastYear?.toString(),
    depositDate: metadata?.depositDate,
    revisionOf: metadata?.revisionOf,
    regionalPriority: plan?.regionalPriority,
    participantsRaw: plan?.participants?.raw,
    preparationIntro: plan?.preparation?.intro,
    complementarityHeading: plan?.complementarity?.heading,
    periodRaw: metadata?.period?.raw,
  }
  // A plan's sheet lists the fields it has (and those every plan has); a blank form lists every field of the
  // profile's sections, so a region's form never shows a place for what its form does not have.
  const always: readonly DocumentField[] = ['planId', 'profile', 'title', 'language', 'status']
  const sectionOf: Partial<Record<DocumentField, keyof Profile['sections']>> = { participantsRaw: 'participants', preparationIntro: 'preparation', complementarityHeading: 'complementarity' }
  const shown = (field: DocumentField) => {
    if (plan) return always.includes(field) || values[field] !== undefined
    const section = sectionOf[field]
    return section === undefined || profile.sections[section].presence !== 'absent'
  }
  const labels = documentFieldLabels(profile, language)
  return (Object.keys(DOCUMENT_FIELDS) as DocumentField[])
    .filter(shown)
    .map((field) => ({ row: { field: labels[field], value: values[field] }, ...(DOCUMENT_FIELD_POINTERS[field] ? { pointer: DOCUMENT_FIELD_POINTERS[field] } : {}) }))
}

/**
 * One line per action (one per objective without rows, one per axis without objectives); the row's cells on
 * its first line. `at` gives, line by line, the pointers of the plan each cell holds.
 */
function planRows(plan: PlanDocument, profile: Profile, language: FormLanguage): { lines: Array<Record<string, string | undefined>>; at: CellPointers[] } {
  const lines: Array<Record<string, string | undefined>> = []
  const at: CellPointers[] = []
  const effectLabel = (id: string | undefined) => {
    const entry = id === undefined ? undefined : profile.standardEffects.find((effect) => effect.id === id)
    return entry ? localize(entry.label, language) : (id ?? '')
  }
  const blocks = (value: readonly Block[] | undefined) => (value && value.length > 0 ? blocksCell(value) : undefined)
  type Push = (line: Record<string, string | undefined>, pointers: CellPointers) => void
  const objectiveLines = (objectives: PlanDocument['axes'][number]['objectives'], base: string, push: Push) => {
    objectives.forEach((objective, objectiveIndex) => {
      const objectivePointer = `${base}/objectives/${objectiveIndex}`
      const objectiveCells = { objective: numberedCell(objective.number, objective.title), objectiveId: objective.id }
      // The objective's cells are repeated on each of its lines: the first one is its place.
      const objectiveAt = { objective: [objectivePointer, `${objectivePointer}/title`], objectiveDetails: [`${objectivePointer}/details`] }
      if (objective.rows.length === 0) push({ ...objectiveCells, objectiveDetails: blocks(objective.details) }, objectiveAt)
      objective.rows.forEach((row, rowIndex) => {
        const rowPointer = `${objectivePointer}/rows/${rowIndex}`
        const actions = row.actions.length > 0 ? row.actions : [undefined]
        actions.forEach((action, actionIndex) => {
          const actionPointer = `${rowPointer}/actions/${actionIndex}`
          push(
            {
              ...objectiveCells,
              ...(rowIndex === 0 && actionIndex === 0 ? { objectiveDetails: blocks(objective.details) } : {}),
              rowId: row.id,
              ...(action ? { action: action.text, actionLabel: action.label, actionContent: blocks(action.content), actionId: action.id } : {}),
              ...(actionIndex === 0 ? { heading: row.heading, ...rowCells(row, effectLabel) } : {}),
            },
            {
              ...(rowIndex === 0 && actionIndex === 0 ? objectiveAt : {}),
              ...(action ? { action: [actionPointer, `${actionPointer}/text`], actionLabel: [`${actionPointer}/label`], actionContent: [`${actionPointer}/content`] } : {}),
              ...(actionIndex === 0 ? Object.fromEntries(['heading', ...COLUMN_KEYS].map((key) => [key, [`${rowPointer}/${key}`]])) : {}),
            },
          )
        })
      })
    })
  }
  plan.axes.forEach((axis, axisIndex) => {
    const axisPointer = `/axes/${axisIndex}`
    const axisCells = { axis: numberedCell(axis.number, axis.title), axisId: axis.id, axisHeading: axis.heading }
    let firstOfAxis = true
    const push: Push = (line, pointers) => {
      lines.push({ ...axisCells, ...(firstOfAxis ? { axisDescription: blocks(axis.description) } : {}), ...line })
      at.push({ ...(firstOfAxis ? { axis: [axisPointer, `${axisPointer}/title`], axisDescription: [`${axisPointer}/description`] } : {}), ...pointers })
      firstOfAxis = false
    }
    if (axis.objectives.length === 0) push({}, {})
    objectiveLines(axis.objectives, axisPointer, push)
  })
  // A form without an axis level: the plan's objectives, their axis cells left empty.
  objectiveLines(plan.objectives ?? [], '', (line, pointers) => {
    lines.push(line)
    at.push(pointers)
  })
  return { lines, at }
}

function rowCells(row: Row, effectLabel: (id: string | undefined) => string): Record<string, string | undefined> {
  return {
    responsible: row.responsible?.raw,
    partners: row.partners?.raw,
    results: row.results ? textListCell(row.results.map((result) => result.text)) : undefined,
    effect: row.results?.some((result) => result.effect) ? row.results.map((result) => effectLabel(result.effect)).join('\n') : undefined,
    indicators: row.indicators ? textListCell(row.indicators.map((indicator) => indicator.text)) : undefined,
    schedule: row.schedule ? scheduleCell(row.schedule) : undefined,
    budget: row.budget?.raw,
  }
}

const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase('fr-CA') + word.slice(1)

/**
 * The Participants sheet's headings of workbooks made before they were the profile's words (« Personne(s)
 * contact », « Fiduciaire »): the importer still reads them.
 */
export function formerParticipantColumns(language: FormLanguage): FormColumn[] {
  const words = FORM_WORDS[language]
  return [
    { key: 'contacts', header: words.contacts, width: 40 },
    { key: 'fiduciary', header: words.fiduciary, width: 14 },
  ]
}

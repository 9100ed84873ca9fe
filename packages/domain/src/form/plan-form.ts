import { localize } from '../locale.js'
import type { Block, LocalizedText } from '../common.js'
import type { FinancialPlan, YearAmount } from '../plan/financial-plan.js'
import type { PlanDocument } from '../plan/plan-document.js'
import type { Row } from '../plan/table.js'
import { COLUMN_KEYS, type ColumnKey, type Profile, type SectionKey } from '../profile/profile.js'
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
}

/** The Plan sheet's columns a reader looks for, whichever the profile has. */
export type PlanColumnKey =
  | 'axis' | 'objective' | 'action' | ColumnKey | 'effect' | 'budgetLine'
  | 'axisDescription' | 'objectiveDetails' | 'actionLabel' | 'actionContent'
  | 'axisId' | 'axisHeading' | 'objectiveId' | 'rowId' | 'actionId'

const hidden = (key: string, header: string): FormColumn => ({ key, header, width: 12, hidden: true })

/** The columns of every sheet of the form of a profile, in the order written. */
export function formColumns(profile: Profile, language: FormLanguage): Record<Exclude<FormSheetKey, 'instructions' | 'lists'>, FormColumn[]> {
  const words = FORM_WORDS[language]
  const text = (value: LocalizedText) => localize(value, language)
  const levels = (['axis', 'objective', 'action'] as const).filter((key) => profile.levels[key].presence !== 'absent')
  const columns = COLUMN_KEYS.filter((key) => profile.columns[key].presence !== 'absent')
  const levelWord = (key: 'axis' | 'objective' | 'action') => text(profile.levels[key].label)
  const plan: FormColumn[] = [
    ...levels.map((key) => ({ key, header: text(profile.levels[key].columnHeading ?? profile.levels[key].label), width: 32 })),
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
      { key: 'contacts', header: words.contacts, width: 40 },
      { key: 'fiduciary', header: words.fiduciary, width: 14 },
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
  const sheet = (key: Exclude<FormSheetKey, 'instructions' | 'lists'>, rows: Array<Record<string, string | undefined>>): FormSheet => ({
    key,
    name: names[key],
    columns: columns[key],
    rows: rows.map((row) => columns[key].map((column) => row[column.key] ?? '')),
  })
  const number = (value: number | undefined) => (value === undefined ? '' : String(value))
  const present = (key: FormSheetKey, filled: boolean) => filled || (SECTION_OF[key] !== undefined && profile.sections[SECTION_OF[key]!].presence !== 'absent')

  const sheets: FormSheet[] = [sheet('document', documentRows(profile, language, plan))]
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
      ),
    )
  const steps = plan?.preparation?.steps ?? []
  if (present('preparation', steps.length > 0))
    sheets.push(sheet('preparation', steps.map((step) => ({ number: number(step.number), kind: labelText(profile.preparationStepKinds, step.kind), title: step.title, date: step.date?.raw, text: step.text, id: step.id }))))
  sheets.push(sheet('plan', plan ? planRows(plan, profile, language) : []))
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
  if (present('followUp', (plan?.followUp?.length ?? 0) > 0)) sheets.push(sheet('followUp', numbered(plan?.followUp ?? [])))
  if (present('complementarity', (plan?.complementarity?.points.length ?? 0) > 0)) sheets.push(sheet('complementarity', numbered(plan?.complementarity?.points ?? [])))
  const narrative = plan?.narrative ?? []
  if (present('narrative', narrative.length > 0)) sheets.push(sheet('narrative', narrative.map((section) => ({ heading: section.heading, blocks: blocksCell(section.blocks), id: section.id }))))
  // The montage financier has its place wherever the profile has a budget column, or the plan brings one.
  if (profile.columns.budget.presence !== 'absent' || plan?.financialPlan) sheets.push(sheet('financialPlan', plan?.financialPlan ? montageRows(plan.financialPlan, language) : []))
  return sheets
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
 * names in its own words (its group and the group's fiduciary). The importer reads both these and the toolkit's.
 */
export function documentFieldLabels(profile: Pick<Profile, 'terms'>, language: FormLanguage): Record<DocumentField, string> {
  const labels = Object.fromEntries(Object.entries(DOCUMENT_FIELDS).map(([field, label]) => [field, label[language]])) as Record<DocumentField, string>
  const terms = planTerms(profile, language)
  return { ...labels, chantier: terms.group, fiduciary: terms.fiduciaryField }
}

function documentRows(profile: Profile, language: FormLanguage, plan: PlanDocument | undefined): Array<Record<string, string | undefined>> {
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
  return (Object.keys(DOCUMENT_FIELDS) as DocumentField[]).filter(shown).map((field) => ({ field: labels[field], value: values[field] }))
}

/** One line per action (one per objective without rows, one per axis without objectives); the row's cells on its first line. */
function planRows(plan: PlanDocument, profile: Profile, language: FormLanguage): Array<Record<string, string | undefined>> {
  const lines: Array<Record<string, string | undefined>> = []
  const effectLabel = (id: string | undefined) => {
    const entry = id === undefined ? undefined : profile.standardEffects.find((effect) => effect.id === id)
    return entry ? localize(entry.label, language) : (id ?? '')
  }
  const blocks = (value: readonly Block[] | undefined) => (value && value.length > 0 ? blocksCell(value) : undefined)
  const objectiveLines = (objectives: PlanDocument['axes'][number]['objectives'], push: (line: Record<string, string | undefined>) => void) => {
    for (const objective of objectives) {
      const objectiveCells = { objective: numberedCell(objective.number, objective.title), objectiveId: objective.id }
      if (objective.rows.length === 0) push({ ...objectiveCells, objectiveDetails: blocks(objective.details) })
      objective.rows.forEach((row, rowIndex) => {
        const actions = row.actions.length > 0 ? row.actions : [undefined]
        actions.forEach((action, actionIndex) =>
          push({
            ...objectiveCells,
            ...(rowIndex === 0 && actionIndex === 0 ? { objectiveDetails: blocks(objective.details) } : {}),
            rowId: row.id,
            ...(action ? { action: action.text, actionLabel: action.label, actionContent: blocks(action.content), actionId: action.id } : {}),
            ...(actionIndex === 0 ? rowCells(row, effectLabel) : {}),
          }),
        )
      })
    }
  }
  for (const axis of plan.axes) {
    const axisCells = { axis: numberedCell(axis.number, axis.title), axisId: axis.id, axisHeading: axis.heading }
    let firstOfAxis = true
    const push = (line: Record<string, string | undefined>) => {
      lines.push({ ...axisCells, ...(firstOfAxis ? { axisDescription: blocks(axis.description) } : {}), ...line })
      firstOfAxis = false
    }
    if (axis.objectives.length === 0) push({})
    objectiveLines(axis.objectives, push)
  }
  // A form without an axis level: the plan's objectives, their axis cells left empty.
  objectiveLines(plan.objectives ?? [], (line) => lines.push(line))
  return lines
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

import {
  type Block, budgetCellAmounts, type BudgetCellAmount, type BudgetPart, type ColumnKey, COLUMN_KEYS, fiscalYearOf, formatMoney,
  formatPlanYear, levelWords, type LocalizedText, localize, type Objective, type PlanDocument, placeNames, planTerms, type Row,
} from '@demarche/domain'
import { languageOf, type RenderContext } from '../context.js'
import { formatDate, typeset } from '../typography.js'
import { wordsOf } from '../words.js'

/**
 * What every format draws, computed once from a plan and a context: labels from the profile, text typeset
 * for the locale, absent columns and sections left out. Renderers only lay this out.
 */
export interface PlanView {
  lang: 'fr-CA' | 'en-CA'
  /** The language the chantier wrote the plan in, when it is not the document's (an English rendition of a French plan). */
  contentLang?: 'fr-CA' | 'en-CA'
  french: boolean
  title: string
  facts: Array<{ label: string; value: string }>
  sections: SectionView[]
  /** The plan table by axis; a plan without an axis level has one group with no heading. */
  axes: AxisView[]
  /** Notes and footnotes of the document, in order, each with the call printed where it is attached. */
  notes: NoteView[]
  /** Who the document is by, for its properties: the chantier or issuer, else the form's title. */
  author: string
  /** "Document produit le 23 novembre 2026" */
  produced: string
  labels: ViewLabels
}

export interface ViewLabels {
  contents: string
  planTable: string
  page: (page: string, pages: string) => string
  objective: string
  /** Heading of the plan table's first column ("Objectifs"). */
  objectiveColumn: string
  /** Heading of the document's notes. */
  notes: string
  /** "3 stratégies": a count of the objective level, in the profile's words. */
  objectiveCount: (count: number) => string
  /** A row of an objective with several rows and no sub-headings ("Ligne" 2), in the profile's words. */
  row: string
}

export interface NoteView {
  /** The call as printed after the annotated text ("¹", "*"); empty for a closing remark attached to nothing. */
  marker: string
  text: string
}

export interface SectionView {
  id: string
  heading: string
  prompt?: string
  blocks: ViewBlock[]
}

export type ViewBlock =
  /** `ids`: the plan nodes that start at this paragraph (an action and its row), for formats that can carry them unseen. */
  | { type: 'paragraph'; text: string; strong?: boolean; ids?: string[] }
  | { type: 'list'; ordered: boolean; start?: number; items: ViewItem[] }
  /**
   * `titled`: the heading just above already says the caption, so formats print it once (HTML keeps the
   * caption for assistive technology only, DOCX as the table's alternative text).
   */
  | { type: 'table'; caption: string; titled?: boolean; columns: string[]; rows: string[][]; rowIds?: string[] }

export interface ViewItem {
  text: string
  /** A lead-in in bold ("A", "Rencontre régulière du Chantier le 22 mai 2025"). */
  lead?: string
  /** Shown after the text, for dated steps. */
  date?: string
  items?: string[]
  id?: string
}

export interface ColumnView {
  key: 'means' | ColumnKey
  label: string
  parts?: string[]
}

export interface AxisView {
  id: string
  /** "Axe d'intervention 2 : Favoriser l'appropriation…"; none for the objectives of a plan without an axis level. */
  heading?: string
  /** "Axe 2 — tableau du plan" */
  caption: string
  /** Short label used in anchors and sheet names ("Axe 2"). */
  short: string
  description: ViewBlock[]
  columns: ColumnView[]
  objectives: ObjectiveView[]
}

export interface ObjectiveView {
  id: string
  /** "Objectif 1", or "Stratégie" when the level is not numbered. */
  label: string
  /** Where the objective is, as the domain names places: "Axe 2, objectif 1". */
  place: string
  title: string
  details: ViewBlock[]
  rows: RowView[]
}

export interface RowView {
  id: string
  /**
   * The sub-heading that opens a group of the objective's means; tables print it at the head of the row's
   * first cell (where `cells` already has it, in bold), formats with headings of their own may print it as one.
   */
  heading?: string
  cells: Partial<Record<ColumnView['key'], ViewBlock[]>>
  /** The budget cell's amounts, for formats that compute with them. */
  amounts: BudgetAmountView[]
}

/** An amount of a budget cell; `line` only when the cell names exactly one montage line (the domain's reading). */
export type BudgetAmountView = BudgetCellAmount

export function planView(plan: PlanDocument, context: RenderContext): PlanView {
  const { profile } = context
  const lang = languageOf(context)
  const french = lang === 'fr'
  const words = wordsOf(context)
  // The facts around the plan in the profile's words: another region has no chantier, fiduciary or Démarche.
  const terms = planTerms(profile, lang)
  const t = (text: string) => typeset(text, french, context.typography)
  const notes = noteCalls(plan)
  /** A text as typeset, followed by the calls of the notes attached to it (or to its cell). */
  const tn = (text: string, ...pointers: string[]) => t(text) + pointers.map((pointer) => notes.calls.get(pointer) ?? '').join('')
  const l = (text: LocalizedText) => t(localize(text, lang))
  const sections: SectionView[] = []
  const present = (key: keyof typeof profile.sections) => profile.sections[key].presence !== 'absent'

  if (present('regionalPriority') && plan.regionalPriority)
    sections.push({ id: 'priorite', heading: l(profile.sections.regionalPriority.label), blocks: [{ type: 'paragraph', text: t(plan.regionalPriority) }] })
  if (present('narrative'))
    for (const section of plan.narrative ?? [])
      sections.push({ id: section.id, heading: section.heading ? t(section.heading) : l(profile.sections.narrative.label), blocks: blocks(section.blocks, t) })
  // A section the form asks for: its label as heading and, when the profile has one, the form's question.
  // An unanswered section: omitted when the form makes it optional, shown with a dash when it is required
  // (the reader sees the question was left blank), never a bare heading.
  const formSection = (key: 'participants' | 'preparation' | 'followUp' | 'complementarity' | 'priorityResponses', id: string, content: () => ViewBlock[]) => {
    const section = profile.sections[key]
    if (section.presence === 'absent') return
    const filled = content().filter((block) => (block.type === 'list' ? block.items.length > 0 : block.type === 'table' ? block.rows.length > 0 : block.text.trim() !== ''))
    if (filled.length === 0 && section.presence === 'optional') return
    sections.push({ id, heading: l(section.label), ...(section.prompt && { prompt: l(section.prompt) }), blocks: filled.length > 0 ? filled : [{ type: 'paragraph', text: '—' }] })
  }
  const list = (items: ReadonlyArray<{ id: string; number?: number | undefined; text: string }>): ViewBlock => ({
    type: 'list',
    ordered: items.every((item) => item.number !== undefined),
    items: items.map((item) => ({ id: item.id, text: t(item.text) })),
  })

  formSection('participants', 'participants', () => [
    {
      type: 'table',
      caption: l(profile.sections.participants.label),
      titled: true,
      columns: [words.plan.organisation, terms.contacts],
      rowIds: (plan.participants?.entries ?? []).map((entry) => entry.id),
      rows: (plan.participants?.entries ?? []).map((entry) => [
        t(entry.name + (entry.note ? ` — ${entry.note}` : entry.fiduciary ? ` (${terms.fiduciaryMark})` : '')),
        t((entry.contacts?.value?.names ?? []).join(', ')),
      ]),
    },
  ])
  formSection('preparation', 'preparation', () => [
    ...(plan.preparation?.intro ? [{ type: 'paragraph' as const, text: t(plan.preparation.intro) }] : []),
    {
      type: 'list',
      ordered: (plan.preparation?.steps ?? []).every((step) => step.number !== undefined),
      items: (plan.preparation?.steps ?? []).map((step) => ({ id: step.id, text: t(step.text), ...(step.title && { lead: t(step.title) }) })),
    },
  ])
  formSection('followUp', 'suivi', () => [list((plan.followUp ?? []))])
  formSection('complementarity', 'complementarite', () => [list((plan.complementarity?.points ?? []))])
  formSection(
    'priorityResponses',
    'priorites-transversales',
    () => (plan.priorityResponses ?? []).flatMap((response): ViewBlock[] => {
      const priority = profile.transversalPriorities.find((entry) => entry.id === response.priorityId)
      const name = response.heading ?? (priority ? localize(priority.label, lang) : response.priorityId)
      return [{ type: 'paragraph', text: t(name), strong: true }, ...blocks(response.blocks, t)]
    }),
  )

  const columns: ColumnView[] = [
    { key: 'means' as const, label: l(profile.levels.action.columnHeading ?? profile.levels.action.label) },
    ...COLUMN_KEYS.filter((key) => profile.columns[key].presence !== 'absent').map((key) => {
      const column = profile.columns[key]
      const view: ColumnView = { key, label: l(column.label) }
      if (column.parts) view.parts = column.parts.map(l)
      return view
    }),
  ].filter((column) => column.key !== 'means' || profile.levels.action.presence !== 'absent')

  const axisShort = l(profile.levels.axis.short)
  const objectiveShort = localize(profile.levels.objective.short, lang)
  const objectiveWords = levelWords(profile.levels.objective)
  // Numbers and places as the domain names them, so that a sheet, a caption and a finding say the same.
  const names = placeNames(plan, profile)
  const objectiveViews = (objectives: readonly Objective[], a: number | undefined, base: string): ObjectiveView[] =>
    objectives.map((objective, o) => {
      const number = names.numberOf('objective', a, o)
      const pointer = `${base}/objectives/${o}`
      return {
        id: objective.id,
        label: capitalise(number === undefined ? objectiveShort : `${objectiveShort} ${number}`),
        place: l(names.tableLabel({ ...(a !== undefined && { axis: a }), objective: o })!),
        title: tn(objective.title, pointer, `${pointer}/title`),
        details: blocks(objective.details ?? [], t),
        rows: objective.rows.map((row, r) => rowView(row, columns, context, t, (text, ...at) => tn(text, ...at.map((end) => `${pointer}/rows/${r}${end}`)))),
      }
    })
  const axes = plan.axes.map((axis, a): AxisView => {
    // A level numbered `none` is named without a number the source does not have ("Volet : Mobilisation").
    const number = names.numberOf('axis', a)
    const named = number === undefined ? axisShort : `${axisShort} ${number}`
    const title = tn(axis.title, `/axes/${a}`, `/axes/${a}/title`)
    const label = l(profile.levels.axis.label)
    const heading = axis.heading ? `${t(axis.heading.replace(/\*\*/g, '').replace(/\s*:\s*$/, '').replace(/\n/g, ' '))}${words.colon}${title}` : `${number === undefined ? label : `${label} ${number}`}${words.colon}${title}`
    return {
      id: axis.id,
      heading,
      caption: `${named} — ${title}`,
      short: number === undefined ? t(axis.title) : named,
      description: blocks(axis.description ?? [], t),
      columns,
      objectives: objectiveViews(axis.objectives, a, `/axes/${a}`),
    }
  })
  // A plan without an axis level: its objectives are one table, under no heading the source does not have.
  if (plan.objectives)
    axes.push({
      id: 'objectifs',
      caption: l(profile.levels.objective.columnHeading ?? profile.levels.objective.label),
      short: l(profile.levels.objective.columnHeading ?? profile.levels.objective.label),
      description: [],
      columns,
      objectives: objectiveViews(plan.objectives, undefined, ''),
    })

  const facts: PlanView['facts'] = []
  const { metadata } = plan
  if (metadata.chantier) facts.push({ label: terms.group, value: t(metadata.chantier.name) })
  if (metadata.chantier?.fiduciary) facts.push({ label: terms.fiduciary, value: t(metadata.chantier.fiduciary) })
  if (metadata.issuer) facts.push({ label: words.plan.organisation, value: t(metadata.issuer) })
  if (metadata.programme) {
    facts.push({ label: terms.programme, value: t(metadata.programme.name) })
    facts.push({ label: words.plan.submittedTo, value: t(metadata.programme.reviewingBody) })
  }
  if (metadata.period?.raw) facts.push({ label: words.plan.period, value: t(metadata.period.raw) })
  else if (metadata.period) {
    const { firstYear, lastYear } = metadata.period
    const scheme = profile.yearScheme
    const years = firstYear === lastYear ? formatPlanYear(firstYear, scheme, lang) : `${formatPlanYear(firstYear, scheme, lang)} – ${formatPlanYear(lastYear, scheme, lang)}`
    facts.push({ label: words.plan.period, value: `${years} (${fiscalYearOf(firstYear, scheme).label.slice(0, 4)}-${fiscalYearOf(lastYear, scheme).label.slice(5)})` })
  }
  if (metadata.depositDate) facts.push({ label: words.plan.depositDate, value: formatDate(metadata.depositDate, french) })

  return {
    lang: context.locale,
    ...(metadata.language !== context.locale && { contentLang: metadata.language }),
    french,
    title: t(metadata.title),
    facts,
    sections,
    axes,
    notes: (plan.notes ?? []).map((note, i) => ({ marker: notes.markers[i]!, text: t(note.text) })),
    author: metadata.issuer ?? metadata.chantier?.name ?? l(profile.title),
    produced: `${words.plan.producedOn} ${formatDate(context.clock(), french)}`,
    labels: {
      contents: words.plan.contents,
      planTable: words.plan.planTable,
      page: (page, pages) => (french ? `Page ${page} de ${pages}` : `Page ${page} of ${pages}`),
      objective: l(profile.levels.objective.label),
      objectiveColumn: l(profile.levels.objective.columnHeading ?? profile.levels.objective.label),
      notes: french ? 'Notes' : 'Notes',
      objectiveCount: (count) => `${count} ${count > 1 ? objectiveWords.plural[lang] : objectiveWords.name[lang]}`,
      row: terms.row,
    },
  }
}

/** `tn(text, ...ends)`: a text of the row typeset, with the calls of the notes at the row's pointers ending in `ends`. */
function rowView(row: Row, columns: readonly ColumnView[], context: RenderContext, t: (text: string) => string, tn: (text: string, ...ends: string[]) => string): RowView {
  const french = context.locale === 'fr-CA'
  const cells: RowView['cells'] = {}
  for (const column of columns) {
    switch (column.key) {
      case 'means':
        cells.means = row.actions.flatMap((action, n): ViewBlock[] => [
          { type: 'paragraph', text: (action.label ? `${action.label} — ` : '') + tn(action.text, `/actions/${n}`, `/actions/${n}/text`), ids: n === 0 ? [row.id, action.id] : [action.id] },
          ...blocks(action.content ?? [], t),
        ])
        break
      case 'responsible':
      case 'partners': {
        // Names as parsed, one per line, so that a cell whose line breaks were lost still reads as a list.
        const list = row[column.key]
        const names = list?.value ? list.value.names.map((name) => (name.open ? `${name.text}…` : name.text)) : lines(list?.raw ?? '')
        const joined = list?.value?.mode === 'any' ? [names.join(` ${wordsOf(context).plan.or} `)] : names
        cells[column.key] = joined.map((text) => ({ type: 'paragraph', text: t(text) }))
        break
      }
      case 'results':
        cells.results = list((row.results ?? []).map((result, n) => tn(result.text, `/results/${n}`, `/results/${n}/text`)))
        break
      case 'indicators':
        cells.indicators = list((row.indicators ?? []).map((indicator, n) => tn(indicator.text, `/indicators/${n}`, `/indicators/${n}/text`)))
        break
      case 'schedule':
        cells.schedule = (row.schedule ?? []).flatMap((block): ViewBlock[] => {
          const numbered = block.steps.every((step) => step.number !== undefined) && block.steps.length > 0
          return [
            { type: 'paragraph', text: t(block.years.raw), strong: true },
            ...(block.steps.length > 0
              ? [
                  {
                    type: 'list' as const,
                    ordered: numbered,
                    ...(numbered && { start: block.steps[0]!.number! }),
                    items: block.steps.map((step) => ({ text: t(step.text), ...(step.items && { items: step.items.map(t) }) })),
                  },
                ]
              : []),
          ]
        })
        break
      case 'budget':
        cells.budget = budgetLines(row, context).map((text) => ({ type: 'paragraph', text: t(text) }))
        break
    }
  }
  // A note on a whole cell is called after the cell's last text.
  for (const column of columns) {
    const call = tn('', `/${column.key === 'means' ? 'actions' : column.key}`)
    const last = cells[column.key]?.at(-1)
    if (call && last) appendCall(last, call)
  }
  // A group's sub-heading opens the row's first cell, in bold: every format shows it where the source does.
  const first = columns[0]
  const view: RowView = { id: row.id, cells, amounts: budgetCellAmounts(row.budget) }
  if (row.heading !== undefined && first) {
    view.heading = tn(row.heading, '/heading')
    cells[first.key] = [{ type: 'paragraph', text: view.heading, strong: true }, ...(cells[first.key] ?? [])]
  }
  return view
}

function appendCall(block: ViewBlock, call: string): void {
  if (block.type === 'paragraph') block.text += call
  else if (block.type === 'list' && block.items.length > 0) block.items.at(-1)!.text += call
}

/**
 * The call of each note, by the pointer it is attached to: the note's own marker, else its number in
 * document order, printed in superscript so that every format shows it as a call without markup of its own.
 */
function noteCalls(plan: PlanDocument): { calls: Map<string, string>; markers: string[] } {
  const calls = new Map<string, string>()
  let count = 0
  const markers = (plan.notes ?? []).map((note) => {
    if (note.at === undefined) return note.marker === undefined ? '' : superscript(note.marker)
    const marker = superscript(note.marker ?? String(++count))
    calls.set(note.at, (calls.get(note.at) ?? '') + marker)
    return marker
  })
  return { calls, markers }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

function superscript(marker: string): string {
  return /^\d+$/.test(marker) ? [...marker].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('') : marker
}

/** A budget cell as written, with its amounts set in the locale's money format ("Total 2026-2027 : 10 500 $ + 7 000 $"). */
function budgetLines(row: Row, context: RenderContext): string[] {
  const budget = row.budget
  if (!budget) return []
  if (!budget.value) return lines(budget.raw)
  const lang = languageOf(context)
  return budget.value.parts.map((part: BudgetPart) => {
    if (part.kind !== 'amount') return part.raw
    const { amount } = part
    const figures = amount.terms.map((cents) => (amount.hasCurrency ? formatMoney(cents, lang) : formatMoney(cents, lang).replace(/\u00a0?\$/, '').replace(/^\$/, '')))
    const label = [amount.label, amount.fiscalYear].filter(Boolean).join(' ')
    return label ? `${label}${lang === 'fr' ? ' : ' : ': '}${figures.join(' + ')}` : figures.join(' + ')
  })
}

function blocks(source: readonly Block[], t: (text: string) => string): ViewBlock[] {
  return source.map((block): ViewBlock =>
    block.type === 'paragraph'
      ? { type: 'paragraph', text: t(block.text) }
      : {
          type: 'list',
          ordered: block.ordered,
          ...(block.start !== undefined && { start: block.start }),
          items: block.items.map((item) => ({ text: t(item.text), ...(item.items && { items: item.items.map(t) }) })),
        },
  )
}

function list(items: string[]): ViewBlock[] {
  return items.length === 0 ? [] : [{ type: 'list', ordered: false, items: items.map((text) => ({ text })) }]
}

function lines(raw: string): string[] {
  return raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

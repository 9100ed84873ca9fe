import {
  type Action, type Axis, type Block, COLUMN_KEYS, type ColumnKey, findDate, foldText, localize, type Objective, type Participation,
  type PlanDocument, planTerms, type PreparationStep, type Profile, type Row, type ScheduleBlock, splitAcronym,
} from '@demarche/domain'
import { type ImportIssue, issue, type SourcePlace, type UnplacedText } from '../report.js'
import { tableInstruction } from '../template-docx.js'
import { bestMatch, headingKey, SAME_HEADING, similarity } from './fuzzy.js'
import type { DocxBlock, DocxCell, DocxContent, DocxParagraph, DocxTable } from './read-docx.js'

/** The plan as the reader builds it: every section of the form is there to be filled (the profile may leave some out of the result). */
type WholePlan = PlanDocument & Required<Pick<PlanDocument, 'participants' | 'preparation' | 'followUp' | 'complementarity' | 'priorityResponses'>>

/** Bookmarks the toolkit's DOCX puts on each node: Word keeps them, a person does not see them ("_" hides them). */
export const ID_BOOKMARK = '_dm_'

/** What the form reader found: the plan (ids where bookmarks gave them), findings, unplaced text and where each value came from. */
export interface FormRead {
  plan: PlanDocument
  issues: ImportIssue[]
  unplaced: UnplacedText[]
  /** JSON Pointer → where in the document the value was read. */
  places: Map<string, SourcePlace>
}

type SectionKey = 'participants' | 'preparation' | 'followUp' | 'complementarity' | 'priorityResponses' | 'narrative' | 'regionalPriority'
type Field = 'objective' | 'means' | ColumnKey | 'scheduleYears' | 'scheduleSteps'

const NUMBERED = /^\s*(\d{1,3})\s*[.)]\s+/

/**
 * Reads a Word document that follows a profile's form: sections found by their heading or their question
 * (numbered or not, typos tolerated), one table per axis whose columns are matched to the profile's
 * headings, objectives spanning rows (vertical merges or blank cells), lists or numbered paragraphs for
 * steps and actions. Text that fits nowhere is listed with its place.
 */
export function readForm(content: DocxContent, profile: Profile): FormRead {
  return new FormReader(profile).read(content)
}

class FormReader {
  private readonly issues: ImportIssue[] = []
  private readonly unplaced: UnplacedText[] = []
  private readonly places = new Map<string, SourcePlace>()
  private section: SectionKey | 'front' | 'axis' | 'notes' = 'front'
  private heading = ''
  private tableInSection = 0
  private title: string | undefined
  /** A plan row written as labelled paragraphs rather than a table: its paragraphs by field, and the field being read. */
  private freeRow: Map<Field, DocxParagraph[]> | undefined
  private freeField: Field | undefined
  /** Headings in the chantier's own words that open an axis: what follows them is a plan table or objectives. */
  private axesByContent = new Set<DocxParagraph>()
  private readonly plan: WholePlan
  /** The blank Word form's instruction for the plan table, in both languages (folded), read as the form's own. */
  private readonly instructions: Set<string>
  /** How each note read is called in the text ("¹", "*"; "" for a closing remark), by the note's index. */
  private readonly noteCalls: string[] = []

  constructor(private readonly profile: Profile) {
    this.instructions = new Set((['fr', 'en'] as const).map((language) => foldText(tableInstruction(profile, language))))
    this.plan = {
      schemaVersion: 1,
      id: 'import',
      profile: { id: profile.id, version: profile.version },
      metadata: { title: localize(profile.title, 'fr'), language: 'fr-CA', status: 'draft' },
      participants: { entries: [] },
      preparation: { steps: [] },
      followUp: [],
      complementarity: { points: [] },
      priorityResponses: [],
      axes: [],
    }
  }

  read(content: DocxContent): FormRead {
    this.axesByContent = this.axisHeadingsByContent(content.blocks)
    for (const block of content.blocks) {
      if (block.type === 'table') this.table(block)
      else this.paragraph(block)
    }
    this.flushFreeRow()
    const title = this.title ?? content.title
    if (title) this.plan.metadata.title = title
    // The plan's id is left to the caller: the toolkit's own DOCX brings it back, other documents get one from the title.
    this.plan.id = ''
    for (const axis of this.plan.axes) {
      if (axis.description?.length === 0) delete axis.description
      for (const objective of axis.objectives) if (objective.details?.length === 0) delete objective.details
    }
    if (this.profile.levels.axis.presence === 'absent') this.objectivesOfThePlan()
    this.attachNotes()
    // A section the form does not have is not in the plan (as `preparePlan` leaves it), rather than there empty.
    const plan: PlanDocument = this.plan
    for (const key of ['participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses'] as const) if (this.profile.sections[key].presence === 'absent') delete plan[key]
    return { plan, issues: this.issues, unplaced: this.unplaced, places: this.places }
  }

  /**
   * A form without an axis level: the objectives read (under the table's heading, or a plan table standing on its
   * own) are the plan's, with their places. What was written between that heading and the table is not the
   * form's: listed as unplaced, never dropped in silence.
   */
  private objectivesOfThePlan(): void {
    const offsets: number[] = []
    let count = 0
    for (const axis of this.plan.axes) {
      offsets.push(count)
      count += axis.objectives.length
      const place = this.places.get(`/axes/${offsets.length - 1}/title`) ?? {}
      for (const block of axis.description ?? []) {
        const text = block.type === 'paragraph' ? block.text : block.items.map((item) => item.text).join('\n')
        this.leave(text, place, { fr: 'texte hors des sections du formulaire', en: 'text outside the form’s sections' })
      }
    }
    for (const [pointer, place] of [...this.places]) {
      const match = /^\/axes\/(\d+)(\/objectives\/(\d+)(.*))?$/.exec(pointer)
      if (!match) continue
      this.places.delete(pointer)
      if (match[2]) this.places.set(`/objectives/${offsets[Number(match[1])]! + Number(match[3])}${match[4]}`, place)
    }
    this.plan.objectives = this.plan.axes.flatMap((axis) => axis.objectives)
    this.plan.axes = []
  }

  private place(extra: Partial<SourcePlace> = {}): SourcePlace {
    return { ...(this.heading && { section: this.heading }), ...extra }
  }

  private leave(text: string, place: SourcePlace, why: { fr: string; en: string }): void {
    if (text.trim() === '') return
    this.unplaced.push({ place, text })
    this.issues.push(issue('unplaced-text', place, `Texte non importé : ${why.fr} (« ${short(text)} »).`, `Text not imported: ${why.en} (“${short(text)}”).`, 'warning'))
  }

  // ——— paragraphs outside tables ———

  private paragraph(p: DocxParagraph): void {
    const text = p.text.trim()
    if (text === '') return
    if (p.heading === 0 && this.title === undefined) return void (this.title = text)
    if (!p.list || p.heading !== undefined) {
      const axis = this.axisHeading(text, p.heading !== undefined) ?? (idFrom(p, 'ax') ? ownAxisHeading(text) : this.axesByContent.has(p) ? headedAxis(text) : undefined)
      if (axis) {
        // A table's caption restating the axis ("Axe d'intervention 1 — title", as a converter sets an HTML caption) is not another axis.
        if (p.heading === undefined && this.section === 'axis' && headingKey(axis.title) === headingKey(this.currentAxis()!.title)) return
        return this.startAxis(axis, p)
      }
      const section = idFrom(p, 'na') ? 'narrative' : this.sectionHeading(text, p.heading !== undefined)
      if (section) return this.startSection(section, text, p)
      if (p.heading !== undefined && p.heading > 0 && NOTES_HEADINGS.has(foldText(text))) return this.startNotes(text)
      if (this.section !== 'front' && this.section !== 'axis' && this.section !== 'notes' && this.isPrompt(this.section, text)) return
    }
    // The blank form's own instruction above the plan table is the form's, not the chantier's.
    if (p.italic && this.section === 'axis' && this.instructions.has(foldText(text))) return
    switch (this.section) {
      case 'notes':
        return this.note(p)
      case 'front':
        return this.front(p)
      case 'axis':
        return this.axisParagraph(p)
      case 'participants':
        this.plan.participants.raw = this.plan.participants.raw ? `${this.plan.participants.raw}\n${p.marked}` : p.marked
        return void this.places.set('/participants/raw', this.place())
      case 'preparation':
        return this.preparationParagraph(p)
      case 'followUp':
      case 'complementarity':
        return this.numberedText(this.section, p)
      case 'priorityResponses':
        return this.priorityParagraph(p)
      case 'regionalPriority':
        this.plan.regionalPriority = this.plan.regionalPriority ? `${this.plan.regionalPriority}\n${p.marked}` : p.marked
        return
      case 'narrative': {
        const sections = (this.plan.narrative ??= [])
        const last = sections.at(-1) ?? (sections.push({ id: '', blocks: [] }), sections.at(-1)!)
        return void this.blocksOf([p], last.blocks)
      }
    }
  }

  /** Facts of the toolkit's own cover ("**Période** : …") are read by the merge; elsewhere, the front matter is not the form's. */
  private front(p: DocxParagraph): void {
    if (/^\*\*[^*]+\*\*\s*:/.test(p.marked.trim()) || p.italic) return
    this.leave(p.text, this.place(), { fr: 'avant la première section du formulaire', en: 'before the form’s first section' })
  }

  /** "Axe d'intervention 2 : titre"; a heading of the blank form may have no title yet. */
  private axisHeading(text: string, isHeading: boolean): { heading: string; number?: number; title: string } | undefined {
    const folded = foldText(text)
    const labels = [this.profile.levels.axis.label.fr, this.profile.levels.axis.label.en, this.profile.levels.axis.short.fr, this.profile.levels.axis.short.en].filter((label): label is string => Boolean(label))
    for (const label of labels) {
      const key = foldText(label)
      if (!folded.startsWith(key)) continue
      const rest = text.slice(label.length)
      const match = /^\s*(\d{1,3})?\s*[:.–—-]\s*([\s\S]*)$/.exec(rest)
      if (!match) continue
      const title = match[2]!.trim()
      if (!title && !isHeading) continue
      return { heading: `${text.slice(0, text.length - match[2]!.length).trim()}`, ...(match[1] && { number: Number(match[1]) }), title }
    }
    return undefined
  }

  /**
   * Headings that name no section and do not start with the profile's axis label, but under which (before the
   * next heading of their level) stands a table with the form's plan columns or an objective heading: an axis
   * headed in the chantier's own words ("PLAN DE TRAVAIL … : title"), as a document made without the toolkit
   * shows it.
   */
  private axisHeadingsByContent(blocks: readonly DocxBlock[]): Set<DocxParagraph> {
    const found = new Set<DocxParagraph>()
    blocks.forEach((block, index) => {
      if (block.type !== 'paragraph' || block.heading === undefined || block.heading === 0 || block.list) return
      const text = block.text.trim()
      if (!text || this.axisHeading(text, true) || this.sectionHeading(text, true) || this.objectiveHeading(text)) return
      for (const next of blocks.slice(index + 1)) {
        if (next.type === 'table') {
          if (this.isPlanHeader(next.rows[0])) found.add(block)
          return
        }
        if (next.heading === undefined || next.heading === 0) continue
        if (next.heading <= block.heading) return
        if (this.objectiveHeading(next.text)) return void found.add(block)
      }
    })
    return found
  }

  /** Whether a table's first row has the plan table's objective column and at least one other of its columns. */
  private isPlanHeader(header: readonly DocxCell[] | undefined): boolean {
    if (!header) return false
    const fields = new Set(header.map((cell) => bestMatch(cellText(cell).replace(/\n/g, ' ').trim(), this.columnCandidates())?.value).filter(Boolean))
    return fields.size >= 2 && fields.has('objective')
  }

  private columnCandidates(): Array<{ value: Field; keys: string[] }> {
    const { levels, columns } = this.profile
    return [
      { value: 'objective', keys: texts(levels.objective.columnHeading, levels.objective.label) },
      { value: 'means', keys: texts(levels.action.columnHeading, levels.action.label) },
      ...COLUMN_KEYS.filter((key) => columns[key].presence !== 'absent').map((key) => ({ value: key as Field, keys: texts(columns[key].label) })),
    ]
  }

  private startAxis(found: { heading: string; number?: number; title: string }, p: DocxParagraph): void {
    this.flushFreeRow()
    const axis: Axis = { id: idFrom(p) ?? '', ...(found.number !== undefined && { number: found.number }), heading: found.heading, title: found.title, description: [], objectives: [] }
    this.plan.axes.push(axis)
    this.section = 'axis'
    this.heading = p.text.trim()
    this.tableInSection = 0
    this.places.set(`/axes/${this.plan.axes.length - 1}/title`, this.place())
  }

  /**
   * Text under an axis heading: its description, or — for an axis without a table, as the toolkit writes an
   * offer of service — its objectives as list items (bookmarked) followed by their details.
   */
  private axisParagraph(p: DocxParagraph): void {
    const axis = this.currentAxis()!
    const objectiveHeading = p.heading !== undefined ? this.objectiveHeading(p.text) : undefined
    if (objectiveHeading) {
      this.flushFreeRow()
      axis.objectives.push({ id: idFrom(p, 'ob') ?? '', ...(objectiveHeading.number !== undefined && { number: objectiveHeading.number }), title: objectiveHeading.title, rows: [] })
      this.places.set(`/axes/${this.plan.axes.length - 1}/objectives/${axis.objectives.length - 1}/title`, this.place())
      return
    }
    const label = axis.objectives.length > 0 ? this.fieldLabel(p) : undefined
    if (label) {
      if (label.field === 'means' && this.freeRow?.has('means')) this.flushFreeRow()
      this.freeRow ??= new Map()
      this.freeField = label.field
      this.freeRow.set(label.field, label.rest ? [{ ...p, text: label.rest, marked: label.rest, bold: false }] : [])
      return
    }
    if (this.freeRow && this.freeField) return void this.freeRow.get(this.freeField)!.push(p)
    const id = idFrom(p, 'ob')
    // A profile without a plan table (no actions, no columns) lists an axis's objectives as its items.
    if (id || (p.list?.level === 0 && !this.hasTable())) {
      axis.objectives.push({ id: id ?? '', title: p.marked.trim(), rows: [] })
      this.places.set(`/axes/${this.plan.axes.length - 1}/objectives/${axis.objectives.length - 1}/title`, this.place())
      return
    }
    const objective = axis.objectives.at(-1)
    if (objective && objective.rows.length === 0) this.blocksOf([p], (objective.details ??= []))
    else this.blocksOf([p], axis.description!)
  }

  /** "Objectif 2 — Assurer…" as a heading: the layout of documents that write each objective's cells as labelled paragraphs. */
  private objectiveHeading(text: string): { number?: number; title: string } | undefined {
    const labels = texts(this.profile.levels.objective.label, this.profile.levels.objective.columnHeading).map(foldText)
    const folded = foldText(text)
    const label = labels.find((candidate) => folded.startsWith(candidate))
    if (!label) return undefined
    const match = /^\s*(\d{1,3})?\s*[—–:.-]\s*([\s\S]+)$/.exec(text.trim().slice(label.length))
    return match ? { ...(match[1] && { number: Number(match[1]) }), title: match[2]!.trim() } : undefined
  }

  /** "**Organisme(s) partenaire(s)**" (alone, or followed by " : value"): a column of the plan table written as a labelled paragraph. */
  private fieldLabel(p: DocxParagraph): { field: Field; rest: string } | undefined {
    const match = /^\*\*([^*]+)\*\*\s*(?::\s*([\s\S]*))?$/.exec(p.marked.trim())
    if (!match) return undefined
    const { levels, columns } = this.profile
    const candidates: Array<{ value: Field; keys: string[] }> = [
      { value: 'means', keys: texts(levels.action.columnHeading, levels.action.label) },
      ...COLUMN_KEYS.filter((key) => columns[key].presence !== 'absent').map((key) => ({ value: key as Field, keys: texts(columns[key].label) })),
    ]
    const found = bestMatch(match[1]!, candidates)
    if (!found) return undefined
    const rest = (match[2] ?? '').trim()
    return { field: found.value, rest: rest === '—' ? '' : rest }
  }

  /** The row written as labelled paragraphs so far, filled into the plan. */
  private flushFreeRow(): void {
    const objective = this.currentAxis()?.objectives.at(-1)
    if (this.freeRow && objective) {
      const byField = new Map<Field, DocxCell[]>([...this.freeRow].map(([field, paragraphs]) => [field, [{ blocks: paragraphs, span: 1 }]]))
      if (!byField.has('means')) byField.set('means', [{ blocks: [], span: 1 }])
      this.fillRow(objective, byField, (field) => this.place(field ? { columnHeading: field } : {}))
    }
    this.freeRow = undefined
    this.freeField = undefined
  }

  private hasTable(): boolean {
    return this.profile.levels.action.presence !== 'absent' || COLUMN_KEYS.some((key) => this.profile.columns[key].presence !== 'absent')
  }

  private currentAxis(): Axis | undefined {
    return this.plan.axes.at(-1)
  }

  private sectionHeading(text: string, isHeading: boolean): SectionKey | undefined {
    const keys = (['participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses', 'regionalPriority', 'narrative'] as const).filter((key) => this.profile.sections[key].presence !== 'absent')
    const key = headingKey(text)
    for (const section of keys) {
      const { label, prompt } = this.profile.sections[section]
      const labels = [label.fr, label.en].filter((value): value is string => Boolean(value)).map(headingKey)
      // A heading names the section; a plain paragraph must be short and say the label, or be the form's question.
      if (labels.some((candidate) => similarity(key, candidate, SAME_HEADING) >= SAME_HEADING)) return section
      if (!isHeading && labels.some((candidate) => key.startsWith(`${candidate} `) && key.length < candidate.length + 200) && this.isPrompt(section, text)) return section
      if (prompt && [prompt.fr, prompt.en].some((candidate) => candidate && similarity(key, headingKey(candidate), SAME_HEADING) >= SAME_HEADING)) return section
    }
    return undefined
  }

  private isPrompt(section: SectionKey, text: string): boolean {
    const prompt = this.profile.sections[section].prompt
    const key = headingKey(text)
    return Boolean(prompt && [prompt.fr, prompt.en].some((candidate) => candidate && similarity(key, headingKey(candidate), SAME_HEADING) >= SAME_HEADING))
  }

  /**
   * Each note's call, printed after the text it annotates ("…chaque semaine.¹"), taken off that text, and the
   * note attached there. Only the calls of notes read are taken: a text that ends with "*" and no note says so keeps it.
   */
  private attachNotes(): void {
    const notes = this.plan.notes ?? []
    const calls = this.noteCalls.map((call, index) => ({ call, index })).filter(({ call }) => call !== '').sort((a, b) => b.call.length - a.call.length)
    if (calls.length === 0) return
    const visit = (value: unknown, pointer: string, set: (text: string) => void): void => {
      if (typeof value === 'string') {
        let text = value
        for (let found = true; found; ) {
          found = false
          for (const { call, index } of calls)
            if (text.length > call.length && text.endsWith(call)) {
              text = text.slice(0, -call.length)
              notes[index]!.at ??= pointer
              found = true
              break
            }
        }
        if (text !== value) set(text.trimEnd())
        return
      }
      if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${pointer}/${index}`, (text) => (value[index] = text)))
      if (value === null || typeof value !== 'object') return
      const object = value as Record<string, unknown>
      for (const [key, inner] of Object.entries(object)) if (key !== 'notes' && key !== 'id') visit(inner, `${pointer}/${key}`, (text) => (object[key] = text))
    }
    visit(this.plan, '', () => undefined)
  }

  /** The notes the toolkit's documents print under a heading of their own, after the plan. */
  private startNotes(text: string): void {
    this.flushFreeRow()
    this.section = 'notes'
    this.heading = text
    this.tableInSection = 0
  }

  /**
   * A note: its marker as written ("*", "†"), or none for a note called by its number (a superscript digit,
   * which the toolkit's documents write for a note with no marker of its own); a paragraph without one is a
   * closing remark. What it annotates is not shown: the stored plan of the toolkit's DOCX brings it back.
   */
  private note(p: DocxParagraph): void {
    const marked = p.marked.trim()
    const called = /^([\u00b9\u00b2\u00b3\u2070-\u2079]+|\*{1,3}|[†‡§¶]+)\s+([\s\S]+)$/.exec(marked)
    const notes = (this.plan.notes ??= [])
    const marker = called && !/^[\u00b9\u00b2\u00b3\u2070-\u2079]+$/.test(called[1]!) ? called[1]! : undefined
    notes.push({ id: '', ...(marker && { marker }), text: called ? called[2]!.trim() : marked })
    this.noteCalls.push(called ? called[1]! : '')
    this.places.set(`/notes/${notes.length - 1}/text`, this.place())
  }

  private startSection(section: SectionKey, text: string, p: DocxParagraph): void {
    this.flushFreeRow()
    this.section = section
    this.heading = text
    this.tableInSection = 0
    if (section === 'narrative') (this.plan.narrative ??= []).push({ id: idFrom(p) ?? '', ...(p.heading !== undefined && { heading: text }), blocks: [] })
  }

  private preparationParagraph(p: DocxParagraph): void {
    const numbered = p.list?.ordered ? { number: p.list.number, text: p.marked.trim() } : numberedOf(p.marked)
    const steps = this.plan.preparation.steps
    if (!numbered && !p.list) {
      if (steps.length === 0) return void (this.plan.preparation.intro = this.plan.preparation.intro ? `${this.plan.preparation.intro}\n${p.marked}` : p.marked)
      return this.leave(p.text, this.place(), { fr: 'paragraphe non numéroté entre les étapes', en: 'unnumbered paragraph among the steps' })
    }
    const body = numbered?.text ?? p.marked.trim()
    const lead = /^\*\*([^*]+?)\s*:?\s*\*\*\s*:?\s*([\s\S]*)$/.exec(body)
    const title = lead?.[1]?.trim()
    const step: PreparationStep = { id: idFrom(p) ?? '', ...(numbered && { number: numbered.number }), kind: this.stepKind(title ?? body), ...(title && { title }), text: lead ? lead[2]!.trim() : body }
    const date = findDate(title ?? body)
    if (date) step.date = date
    steps.push(step)
    this.places.set(`/preparation/steps/${steps.length - 1}/text`, this.place({ row: steps.length }))
  }

  private stepKind(text: string): string {
    const folded = foldText(text)
    const kinds = this.profile.preparationStepKinds
    const found = kinds
      .map((kind) => ({ kind, words: foldText(localize(kind.label, 'fr')).replace(/\(.*?\)/g, '').split(/\s+/).filter((word) => word.length > 3) }))
      .map(({ kind, words }) => ({ kind, score: words.length === 0 ? 0 : words.filter((word) => folded.includes(word.replace(/s$/, ''))).length / words.length }))
      .sort((a, b) => b.score - a.score)[0]
    return found && found.score >= 0.5 ? found.kind.id : (kinds.find((kind) => kind.id === 'other')?.id ?? kinds.at(-1)?.id ?? 'other')
  }

  private numberedText(section: 'followUp' | 'complementarity', p: DocxParagraph): void {
    const list = section === 'followUp' ? this.plan.followUp : this.plan.complementarity.points
    const numbered = p.list?.ordered ? { number: p.list.number, text: p.marked.trim() } : numberedOf(p.marked)
    if (!numbered && !p.list) {
      if (section === 'complementarity' && list.length === 0 && p.heading !== undefined) return void (this.plan.complementarity.heading = p.marked.trim())
      return this.leave(p.text, this.place(), { fr: 'paragraphe non numéroté', en: 'unnumbered paragraph' })
    }
    list.push({ id: idFrom(p) ?? '', ...(numbered && { number: numbered.number }), text: numbered?.text ?? p.marked.trim() })
    this.places.set(`/${section === 'followUp' ? 'followUp' : 'complementarity/points'}/${list.length - 1}/text`, this.place({ row: list.length }))
  }

  private priorityParagraph(p: DocxParagraph): void {
    const lead = /^\*\*([^*]+?)\s*(?::\s*)?\*\*\s*:?\s*([\s\S]*)$/.exec(p.marked.trim())
    const name = lead?.[1] ?? (p.bold ? p.text.trim() : undefined)
    const priority = name ? bestMatch(name.replace(/\([\s\S]*\)\s*$/, ''), this.profile.transversalPriorities.map((entry) => ({ value: entry, keys: [entry.label.fr, ...(entry.label.en ? [entry.label.en] : []), ...(entry.aliases ?? [])] }))) : undefined
    if (priority && name) {
      const rest = lead?.[2]?.trim()
      this.plan.priorityResponses.push({ priorityId: priority.value.id, heading: name.trim(), blocks: rest ? [{ type: 'paragraph', text: rest }] : [] })
      return
    }
    const last = this.plan.priorityResponses.at(-1)
    if (!last) return this.leave(p.text, this.place(), { fr: 'aucune priorité transversale reconnue avant ce texte', en: 'no transversal priority recognised before this text' })
    this.blocksOf([{ ...p, list: undefined }], last.blocks)
  }

  /** Paragraphs and Word lists as the plan's blocks (a list's second level becomes its items' sub-items). */
  private blocksOf(paragraphs: readonly DocxParagraph[], blocks: Block[] = []): Block[] {
    for (const p of paragraphs) {
      const text = p.marked.trim()
      if (text === '') continue
      const last = blocks.at(-1)
      if (p.list) {
        if (p.list.level > 0 && last?.type === 'list' && last.items.length > 0) {
          const item = last.items.at(-1)!
          ;(item.items ??= []).push(text)
        } else if (last?.type === 'list' && last.ordered === p.list.ordered) last.items.push({ text })
        else blocks.push({ type: 'list', ordered: p.list.ordered, ...(p.list.ordered && p.list.number !== 1 && { start: p.list.number }), items: [{ text }] })
      } else blocks.push({ type: 'paragraph', text })
    }
    return blocks
  }

  // ——— tables ———

  private table(table: DocxTable): void {
    this.flushFreeRow()
    this.tableInSection++
    if (this.section === 'axis') return this.planTable(table)
    if (this.section === 'participants') return this.participantsTable(table)
    // A form without an axis level: its plan table needs no heading above it (the toolkit's documents give it none).
    if (this.profile.levels.axis.presence === 'absent' && this.isPlanHeader(table.rows[0])) {
      this.plan.axes.push({ id: '', title: '', description: [], objectives: [] })
      this.section = 'axis'
      this.heading = ''
      this.tableInSection = 1
      return this.planTable(table)
    }
    this.leaveTable(table, { fr: 'tableau hors des sections du formulaire', en: 'table outside the form’s sections' })
  }

  private leaveTable(table: DocxTable, why: { fr: string; en: string }, fromRow = 0): void {
    table.rows.slice(fromRow).forEach((cells, row) => {
      const text = cells.map(cellText).filter(Boolean).join(' | ')
      this.leave(text, this.place({ table: this.tableInSection, row: row + fromRow + 1 }), why)
    })
  }

  private participantsTable(table: DocxTable): void {
    const [header, ...rows] = table.rows
    // The contact people's column: the toolkit's words for it, or the profile's own in either language.
    const contactWords = (['fr', 'en'] as const).map((language) => foldText(planTerms(this.profile, language).contacts))
    const contactsColumn = header ? header.findIndex((cell, index) => index > 0 && (/contact|ressource|personne/i.test(foldText(cellText(cell))) || contactWords.some((word) => foldText(cellText(cell)).startsWith(word)))) : -1
    const marks = (['fr', 'en'] as const).map((language) => planTerms(this.profile, language).fiduciaryMark)
    rows.forEach((cells, index) => {
      const place = this.place({ table: this.tableInSection, row: index + 2 })
      const nameText = cellText(cells[0]).trim()
      const contacts = contactsColumn > 0 ? cellText(cells[contactsColumn]).trim() : ''
      if (!nameText) {
        if (contacts) this.leave(contacts, place, { fr: 'personne contact sans organisme', en: 'contact without an organisation' })
        return
      }
      // A cell continued on the next row ("… (CREVALE) /" then "Organisme fiduciaire du Chantier") joins its predecessor.
      const previous = this.plan.participants.entries.at(-1)
      if (previous?.raw?.endsWith('/')) {
        previous.raw = `${previous.raw}\n${nameText}`
        Object.assign(previous, participantOf(previous.raw, previous.id, marks))
        if (contacts) previous.contacts = { raw: contacts }
        return
      }
      const entry: Participation = { ...participantOf(nameText, idFromCell(cells[0]), marks), ...(contacts && { contacts: { raw: contacts } }) }
      this.plan.participants.entries.push(entry)
      this.places.set(`/participants/entries/${this.plan.participants.entries.length - 1}/name`, { ...place, columnHeading: cellText(header?.[0]) })
    })
  }

  private planTable(table: DocxTable): void {
    const axis = this.currentAxis()!
    const columns = this.columnsOf(table)
    if (!columns) {
      this.issues.push(issue('unrecognised-table', this.place({ table: this.tableInSection }), `Les en-têtes de ce tableau ne correspondent pas à ceux du formulaire ; son contenu n’est pas importé.`, `This table’s headings do not match the form’s; its content is not imported.`))
      return this.leaveTable(table, { fr: 'tableau non reconnu', en: 'unrecognised table' })
    }
    const { fields, headerRows, headings } = columns
    for (let r = headerRows; r < table.rows.length; r++) {
      const cells = gridCells(table.rows[r]!)
      const byField = new Map<Field, DocxCell[]>()
      const rowPlace = (field?: Field, column?: number) => this.place({ table: this.tableInSection, row: r + 1, ...(column !== undefined && headings[column] && { columnHeading: headings[column] }) })
      for (const [column, cell] of cells) {
        const field = fields[column]
        if (!field) {
          const text = cellText(cell)
          if (text.trim()) this.leave(text, rowPlace(undefined, column), { fr: 'colonne inconnue du formulaire', en: 'column unknown to the form' })
          continue
        }
        byField.set(field, [...(byField.get(field) ?? []), cell])
      }
      const textOf = (field: Field) => (byField.get(field) ?? []).filter((cell) => cell.merge !== 'continue').map(cellText).join('\n').trim()
      const all = [...byField.keys()].map(textOf).join('')
      if (all === '' && ![...byField.values()].flat().some((cell) => cell.merge === 'continue')) {
        this.issues.push(issue('empty-row', rowPlace(), `La ligne ${r + 1} du tableau est vide : elle est ignorée.`, `Row ${r + 1} of the table is empty: it is ignored.`, 'info'))
        continue
      }
      const objectiveCells = (byField.get('objective') ?? []).filter((cell) => cell.merge !== 'continue')
      let objective = axis.objectives.at(-1)
      if (objectiveCells.length > 0 && textOf('objective')) {
        objective = this.objectiveOf(objectiveCells.flatMap((cell) => cell.blocks))
        axis.objectives.push(objective)
        this.places.set(`/axes/${this.plan.axes.length - 1}/objectives/${axis.objectives.length - 1}/title`, rowPlace('objective', fields.indexOf('objective')))
      } else if (!objective) {
        objective = { id: '', title: '', rows: [] }
        axis.objectives.push(objective)
        this.issues.push(issue('row-without-objective', rowPlace(), `La ligne ${r + 1} n’a pas d’objectif : un objectif sans titre est créé.`, `Row ${r + 1} has no objective: an untitled objective is created.`, 'warning'))
      }
      this.fillRow(objective, byField, (field) => {
        const column = field === 'schedule' ? fields.findIndex((candidate) => candidate === 'schedule' || candidate === 'scheduleYears') : field ? fields.indexOf(field) : -1
        return rowPlace(field, column >= 0 ? column : undefined)
      })
    }
  }

  /**
   * One row of the plan table from its cells by field, under `objective`: a row whose means cell is blank
   * (and carries no row bookmark) continues the one above — a schedule block of another year, more results.
   */
  private fillRow(objective: Objective, byField: Map<Field, DocxCell[]>, placeOf: (field?: Field) => SourcePlace): void {
    const axis = this.currentAxis()!
    const axisIndex = this.plan.axes.length - 1
    const textOf = (field: Field) => (byField.get(field) ?? []).filter((cell) => cell.merge !== 'continue').map(cellText).join('\n').trim()
    const objectiveIndex = axis.objectives.indexOf(objective)
    const cellBlocks = (byField.get('means') ?? []).filter((cell) => cell.merge !== 'continue').flatMap((cell) => cell.blocks)
    const heading = rowHeadingOf(cellBlocks)
    const means = heading ? cellBlocks.filter((block) => block !== heading) : cellBlocks
    const previous = objective.rows.at(-1)
    const rowId = idFromBlocks([...byField.values()].flat().flatMap((cell) => cell.blocks), 'rw')
    const continues = previous !== undefined && rowId === undefined && textOf('means') === '' && (byField.get('means') ?? []).length > 0 && textOf('objective') === ''
    const row: Row = continues ? previous : { id: rowId ?? '', ...(heading && { heading: heading.marked.trim().slice(2, -2).trim() }), actions: this.actionsOf(means) }
    if (!continues) objective.rows.push(row)
    const pointer = `/axes/${axisIndex}/objectives/${objectiveIndex}/rows/${objective.rows.indexOf(row)}`
    for (const key of COLUMN_KEYS) {
      if (this.profile.columns[key].presence === 'absent') continue
      this.places.set(`${pointer}/${key}`, placeOf(key))
      if (key === 'schedule') {
        const blocks = this.scheduleOf(byField)
        if (blocks.length > 0 || !continues) row.schedule = [...(row.schedule ?? []), ...blocks]
        continue
      }
      const text = (byField.get(key) ?? []).filter((cell) => cell.merge !== 'continue').flatMap((cell) => cell.blocks).filter(isParagraph)
      if (key === 'results' || key === 'indicators') {
        const items = text.flatMap((p) => p.marked.split('\n')).map(stripBullet).filter((item) => item && item !== '—').map((item) => ({ text: item }))
        if (items.length > 0 || !continues) row[key] = [...(row[key] ?? []), ...items]
      } else {
        const lines = text.flatMap((p) => p.text.split('\n')).map((line) => line.trim()).filter(Boolean).join('\n')
        if (continues && !lines) continue
        const raw = continues && row[key]?.raw ? `${row[key]!.raw}\n${lines}` : lines
        row[key] = { raw }
      }
    }
    row.actions.forEach((_, a) => this.places.set(`${pointer}/actions/${a}/text`, placeOf('means')))
  }

  /** Maps each grid column to a field from the header row (and a sub-header row of parts such as Date / Étapes). */
  private columnsOf(table: DocxTable): { fields: Array<Field | undefined>; headerRows: number; headings: string[] } | undefined {
    const header = table.rows[0]
    if (!header) return undefined
    const { columns } = this.profile
    const candidates = this.columnCandidates()
    const fields: Array<Field | undefined> = []
    const headings: string[] = []
    const spans: Array<[number, number]> = []
    for (const [column, cell] of gridCells(header)) {
      const text = cellText(cell).replace(/\n/g, ' ').trim()
      const match = bestMatch(text, candidates)
      for (let k = 0; k < cell.span; k++) {
        fields[column + k] = match?.value
        headings[column + k] = text
      }
      if (!match && text) this.issues.push(issue('unknown-column', this.place({ table: this.tableInSection, row: 1, columnHeading: text }), `La colonne « ${text} » ne correspond à aucune colonne du formulaire : son contenu est listé comme non importé.`, `Column “${text}” matches none of the form’s columns: its content is listed as not imported.`, 'warning'))
      if (cell.span > 1) spans.push([column, cell.span])
    }
    const found = new Set(fields.filter(Boolean))
    if (found.size < 2 || !found.has('objective')) return undefined
    for (const candidate of candidates)
      if (!found.has(candidate.value) && (candidate.value === 'objective' || candidate.value === 'means' || columns[candidate.value as ColumnKey].presence === 'required'))
        this.issues.push(issue('missing-column', this.place({ table: this.tableInSection, row: 1, columnHeading: candidate.keys[0]! }), `La colonne « ${candidate.keys[0]} » du formulaire est absente de ce tableau.`, `The form’s column “${candidate.keys.at(-1)}” is missing from this table.`, 'warning'))
    let headerRows = 1
    const parts = columns.schedule.parts
    const second = table.rows[1]
    if (parts && second) {
      const partKeys = parts.flatMap((part) => texts(part)).map(headingKey)
      const cells = gridCells(second)
      const isSubHeader = cells.every(([, cell]) => cellText(cell).trim() === '' || partKeys.some((key) => similarity(headingKey(cellText(cell)), key) >= SAME_HEADING))
      if (isSubHeader && cells.some(([, cell]) => cellText(cell).trim() !== '')) {
        headerRows = 2
        for (const [column, span] of spans)
          if (fields[column] === 'schedule' && span === 2) {
            fields[column] = 'scheduleYears'
            fields[column + 1] = 'scheduleSteps'
          }
      }
    }
    return { fields, headerRows, headings }
  }

  private objectiveOf(blocks: readonly DocxBlock[]): Objective {
    // "Objectif 1" and the title on two lines of one paragraph (a converter's line break) read as two paragraphs.
    const paragraphs = blocks
      .filter(isParagraph)
      .filter((p) => p.text.trim() !== '')
      .flatMap((p, index) => {
        const lines = p.marked.split('\n')
        return index === 0 && lines.length > 1 ? lines.map((line) => ({ ...p, text: line.replace(/\*/g, ''), marked: line })) : [p]
      })
    const id = idFromBlocks(blocks, 'ob') ?? ''
    const first = paragraphs[0]
    if (!first) return { id, title: '', rows: [] }
    // The label in either language: a document rendered in English says "Objective 1", "Direction".
    for (const label of texts(this.profile.levels.objective.label)) {
      // The toolkit writes "Objectif 1" in bold above the title (an unnumbered level's label alone: "Orientation"); forms write "1 Favoriser…" or "1. Favoriser…".
      const own = new RegExp(`^${escapeRegExp(foldText(label))}s?\\s*(\\d{1,3})?$`).exec(foldText(first.text.trim()))
      if (own && paragraphs[1]) return { id, ...(own[1] && { number: Number(own[1]) }), title: paragraphs[1].marked.trim(), details: this.detailsOf(paragraphs.slice(2)), rows: [] }
      // "Objectif 1Favoriser…": a converter that glued the label to the title in one paragraph.
      const glued = new RegExp(`^\\**\\s*${escapeRegExp(label)}s?\\s*(\\d{1,3})\\s*\\**\\s*[—–:.-]?\\s*([\\s\\S]+)$`, 'i').exec(first.marked)
      if (glued) return { id, number: Number(glued[1]), title: glued[2]!.trim(), details: this.detailsOf(paragraphs.slice(1)), rows: [] }
    }
    const numbered = /^\s*(\d{1,3})\s*[.)-]?\s+([\s\S]*)$/.exec(first.marked)
    return { id, ...(numbered && { number: Number(numbered[1]) }), title: (numbered ? numbered[2]! : first.marked).trim(), details: this.detailsOf(paragraphs.slice(1)), rows: [] }
  }

  private detailsOf(paragraphs: readonly DocxParagraph[]): Block[] {
    return this.blocksOf(paragraphs)
  }

  private actionsOf(blocks: readonly DocxBlock[]): Action[] {
    const actions: Action[] = []
    let content: DocxParagraph[] = []
    const flush = () => {
      const last = actions.at(-1)
      if (last && content.length > 0) last.content = [...(last.content ?? []), ...this.blocksOf(content)]
      content = []
    }
    for (const p of blocks.filter(isParagraph)) {
      if (p.text.trim() === '') continue
      const bookmarked = p.bookmarks.some((name) => name.startsWith(`${ID_BOOKMARK}ac-`))
      const labelled = /^([A-Z])\s*[—–-]\s+([\s\S]+)$/.exec(p.marked.trim())
      if (bookmarked || (labelled && !p.list) || (actions.length === 0 && !p.list)) {
        flush()
        actions.push({ id: idFrom(p, 'ac') ?? '', ...(labelled && { label: labelled[1] }), text: (labelled ? labelled[2]! : p.marked).trim() })
      } else content.push(p)
    }
    flush()
    return actions
  }

  private scheduleOf(byField: Map<Field, DocxCell[]>): ScheduleBlock[] {
    const live = (field: Field) => (byField.get(field) ?? []).filter((cell) => cell.merge !== 'continue').flatMap((cell) => cell.blocks).filter(isParagraph).filter((p) => p.text.trim() !== '')
    const blocks: ScheduleBlock[] = []
    const addStep = (block: ScheduleBlock, p: DocxParagraph) => {
      const numbered = p.list?.ordered && p.list.level === 0 ? { number: p.list.number, text: p.marked.trim() } : !p.list ? numberedOf(p.marked) : undefined
      const bullet = p.list ? p.list.level > 0 : /^\s*[-–•]\s+/.test(p.marked)
      const last = block.steps.at(-1)
      if (bullet && last) (last.items ??= []).push(stripBullet(p.marked))
      else block.steps.push({ ...(numbered && { number: numbered.number }), text: numbered?.text ?? stripBullet(p.marked) })
    }
    if (byField.has('scheduleYears') || byField.has('scheduleSteps')) {
      const years = live('scheduleYears').map((p) => p.text.trim()).join('\n')
      const steps = live('scheduleSteps')
      if (!years && steps.length === 0) return []
      const block: ScheduleBlock = { years: { raw: years }, steps: [] }
      for (const p of steps) addStep(block, p)
      return [block]
    }
    for (const p of live('schedule')) {
      const last = blocks.at(-1)
      if (!p.list && (p.bold || !last) && !numberedOf(p.marked)) blocks.push({ years: { raw: p.text.trim() }, steps: [] })
      else addStep(last ?? (blocks.push({ years: { raw: '' }, steps: [] }), blocks.at(-1)!), p)
    }
    return blocks
  }
}

/** A heading the toolkit wrote for an axis (its bookmark says so): what comes before the first colon heads the title. */
function ownAxisHeading(text: string): { heading: string; title: string } {
  const colon = /\s*:\s/.exec(text)
  if (!colon) return { heading: '', title: text.trim() }
  return { heading: text.slice(0, colon.index + colon[0].length).trim(), title: text.slice(colon.index + colon[0].length).trim() }
}

/** An axis headed in the chantier's own words: the heading before the first colon, the title after it (the colon is the layout's, not the heading's). */
function headedAxis(text: string): { heading: string; title: string } {
  const own = ownAxisHeading(text)
  return own.heading ? { heading: own.heading.replace(/\s*:$/, ''), title: own.title } : own
}

/**
 * A roster cell: the name, then what it adds ("— Organisme fiduciaire du Chantier", "(fiduciaire)", "/" and a note).
 * `marks`: the profile's words for the fiduciary (« porteur »), recognised beside the toolkit's.
 */
function participantOf(cell: string, id: string | undefined, marks: readonly string[] = []): Participation {
  const text = cell.trim()
  const split = /^([\s\S]*?)\s*(?:\s—\s|\/?\n)([\s\S]*)$/.exec(text)
  let name = split ? split[1]! : text
  let note = split ? split[2]!.trim() : undefined
  const words = ['fiduciaire', 'fiduciary', ...marks].map((mark) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  let fiduciary = new RegExp(words, 'i').test(note ?? '')
  const tagged = new RegExp(`^([\\s\\S]*?)\\s*\\((${words})\\)$`, 'i').exec(name)
  if (tagged) {
    name = tagged[1]!
    fiduciary = true
  }
  if (note === '') note = undefined
  const { acronym } = splitAcronym(name)
  return { id: id ?? '', ...(note !== undefined && { raw: text }), name, ...(acronym && { acronym }), ...(note && { note }), kind: 'organisation', fiduciary }
}

/** "Notes" as the toolkit's documents head them, in either language (accents and case folded). */
const NOTES_HEADINGS = new Set(['notes', 'notes et renvois'])

/**
 * The sub-heading the toolkit's documents print in bold at the head of a row's actions: a paragraph all in bold,
 * with no bookmark of its own, just before the row's bookmarked first action. Bold text in a document made by
 * hand stays what it was (an action), as nothing says it heads a group.
 */
function rowHeadingOf(blocks: readonly DocxBlock[]): DocxParagraph | undefined {
  const [first, second] = blocks.filter(isParagraph).filter((p) => p.text.trim() !== '')
  if (!first || !second || first.bookmarks.some((name) => name.startsWith(ID_BOOKMARK))) return undefined
  if (!/^\*\*[^*]+\*\*$/.test(first.marked.trim())) return undefined
  return second.bookmarks.some((name) => name.startsWith(`${ID_BOOKMARK}rw-`)) ? first : undefined
}

function numberedOf(marked: string): { number: number; text: string } | undefined {
  const match = NUMBERED.exec(marked)
  return match ? { number: Number(match[1]), text: marked.slice(match[0].length).trim() } : undefined
}

function stripBullet(text: string): string {
  return text.replace(/^\s*(?:[.•·▪◦\-–—]|\*(?!\*))\s+/, '').trim()
}

function isParagraph(block: DocxBlock): block is DocxParagraph {
  return block.type === 'paragraph'
}

export function cellText(cell: DocxCell | undefined): string {
  if (!cell) return ''
  return cell.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.rows.map((row) => row.map(cellText).join(' ')).join('\n'))).join('\n').trim()
}

/** Each cell with the grid column it starts at (spans counted). */
function gridCells(cells: readonly DocxCell[]): Array<[number, DocxCell]> {
  let column = 0
  return cells.map((cell) => {
    const at = column
    column += cell.span
    return [at, cell]
  })
}

function idFrom(p: DocxParagraph, prefix?: string): string | undefined {
  const name = p.bookmarks.find((bookmark) => bookmark.startsWith(ID_BOOKMARK) && (!prefix || bookmark.startsWith(`${ID_BOOKMARK}${prefix}-`)))
  return name?.slice(ID_BOOKMARK.length)
}

function idFromBlocks(blocks: readonly DocxBlock[], prefix: string): string | undefined {
  for (const block of blocks) if (block.type === 'paragraph') {
    const id = idFrom(block, prefix)
    if (id) return id
  }
  return undefined
}

function idFromCell(cell: DocxCell | undefined): string | undefined {
  return cell ? idFromBlocks(cell.blocks, 'pa') : undefined
}

function texts(...values: Array<{ fr: string; en?: string } | undefined>): string[] {
  return values.flatMap((value) => (value ? [value.fr, ...(value.en ? [value.en] : [])] : []))
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

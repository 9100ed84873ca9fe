import type { Block, NotationOf } from './common.js'
import { type PlaceLabel, type PlaceNames, placeNames, type TablePlace } from './labels.js'
import type { PlanDocument } from './plan/plan-document.js'
import type { Action, Axis, Objective, Row } from './plan/table.js'
import type { Profile } from './profile/profile.js'

/** What a node of the plan is: a line of a form answer or a level of the plan table. */
export type NodeKind = 'participant' | 'step' | 'follow-up' | 'complementarity-point' | 'narrative-section' | 'note' | 'axis' | 'objective' | 'row' | 'action'

/** Prefix of the ids made for each kind of node ("ax-…", "rw-…"). */
export const ID_PREFIXES: Readonly<Record<NodeKind, string>> = {
  participant: 'pa',
  step: 'st',
  'follow-up': 'fu',
  'complementarity-point': 'co',
  'narrative-section': 'na',
  note: 'no',
  axis: 'ax',
  objective: 'ob',
  row: 'rw',
  action: 'ac',
}

/** What every visit carries: where it is, and its label for people, computed only when read. */
interface Place {
  pointer: string
  /** Where the node is, for people: "Axe 2, objectif 1, action A". */
  readonly label: PlaceLabel
}

/** A node of a form answer that carries a stable id (a participant, a step, a follow-up mechanism…). */
export interface FormNodeVisit extends Place {
  kind: 'participant' | 'step' | 'follow-up' | 'complementarity-point' | 'narrative-section' | 'note'
  node: { id?: string }
  index: number
}
export interface AxisVisit extends Place { kind: 'axis'; node: Axis; axis: Axis; axisIndex: number }
/** `axis` is undefined for the objectives of a plan without an axis level (`plan.objectives`). */
export interface ObjectiveVisit extends Place { kind: 'objective'; node: Objective; axis: Axis | undefined; objective: Objective }
export interface RowVisit extends Place { kind: 'row'; node: Row; axis: Axis | undefined; objective: Objective; row: Row; rowIndex: number }
export interface ActionVisit extends Place { kind: 'action'; node: Action; axis: Axis | undefined; objective: Objective; row: Row; action: Action }
/** A level of the plan table. */
export type PlanVisit = AxisVisit | ObjectiveVisit | RowVisit | ActionVisit
/** Any node that carries a stable id, in document order. */
export type NodeVisit = FormNodeVisit | PlanVisit

/** A piece of free text the chantier wrote, and where it is. */
export interface TextVisit extends Place {
  text: string
  /**
   * What the text is: content the chantier must write (`content`: titles, means, results, steps, list
   * items, names), a table cell written as a notation (`cell`), or contacts (`contacts`, optional).
   */
  kind: 'content' | 'cell' | 'contacts'
}

/** One notation of a plan: where it is, what is stored, and the property that holds it. */
export interface NotationVisit extends Place {
  /** Same kind and same raw text give the same parsed value (within one plan). */
  kind: 'contacts' | 'date' | 'organisations' | 'years' | 'budget'
  stored: NotationOf<unknown>
  owner: object
  key: string
}

/** What a walk calls at each node, text and notation; any may be left out. */
export interface PlanVisitor {
  node?(visit: NodeVisit): void
  /** Each row of the plan table: for visitors that need no other node, so that no other node visit is made. */
  row?(visit: RowVisit): void
  text?(visit: TextVisit): void
  notation?(visit: NotationVisit): void
}

/**
 * The one walk of a plan: calls the visitor at every node that carries an id, every text the chantier wrote
 * and every notation, in document order (a node before its texts, a row before its texts and notations),
 * each with its JSON Pointer and its label. Callbacks and plain visit objects rather than a generator:
 * the rules engine walks every text of a large plan once per evaluation, and nested generators cost more
 * than the rules that read the texts. Labels are made only when a visit's `label` is read.
 */
export function visitPlan(plan: PlanDocument, profile: Profile, visitor: PlanVisitor): void {
  new PlanWalk(plan, profile, visitor).run()
}

/** Every node of the plan table (axes, objectives, rows, actions) in document order, with pointer and label. */
export function* walkPlan(plan: PlanDocument, profile: Profile): Generator<PlanVisit> {
  const visits: PlanVisit[] = []
  visitPlan(plan, profile, { node: (visit) => void (isTableVisit(visit) && visits.push(visit)) })
  yield* visits
}

/** Every row of the plan table with its pointer and place; the label is computed only when read. */
export function rowsOf(plan: PlanDocument, profile: Profile): RowVisit[] {
  const rows: RowVisit[] = []
  visitPlan(plan, profile, { row: (visit) => void rows.push(visit) })
  return rows
}

/** Every text the chantier wrote, in document order. */
export function textsOf(plan: PlanDocument, profile: Profile): TextVisit[] {
  const texts: TextVisit[] = []
  visitPlan(plan, profile, { text: (visit) => void texts.push(visit) })
  return texts
}

function isTableVisit(visit: NodeVisit): visit is PlanVisit {
  return visit.kind === 'axis' || visit.kind === 'objective' || visit.kind === 'row' || visit.kind === 'action'
}

/** Names places on demand, one labeller per walk. */
class Namer {
  private names: PlaceNames | undefined
  constructor(
    private readonly plan: PlanDocument,
    private readonly profile: Profile,
  ) {}
  labelOf(pointer: string): PlaceLabel {
    return (this.names ??= placeNames(this.plan, this.profile)).labelOf(pointer)
  }
  tableLabel(place: TablePlace): PlaceLabel {
    return (this.names ??= placeNames(this.plan, this.profile)).tableLabel(place)!
  }
}

// Visits are class instances: their label is a prototype getter, so a visit costs its fields and nothing more.
class Text implements TextVisit {
  constructor(
    readonly pointer: string,
    readonly text: string,
    readonly kind: TextVisit['kind'],
    private readonly namer: Namer,
  ) {}
  get label(): PlaceLabel {
    return this.namer.labelOf(this.pointer)
  }
}

class Notation implements NotationVisit {
  constructor(
    readonly pointer: string,
    readonly kind: NotationVisit['kind'],
    readonly stored: NotationOf<unknown>,
    readonly owner: object,
    readonly key: string,
    private readonly namer: Namer,
  ) {}
  get label(): PlaceLabel {
    return this.namer.labelOf(this.pointer)
  }
}

class FormNode implements FormNodeVisit {
  constructor(
    readonly kind: FormNodeVisit['kind'],
    readonly node: { id?: string },
    readonly index: number,
    readonly pointer: string,
    private readonly namer: Namer,
  ) {}
  get label(): PlaceLabel {
    return this.namer.labelOf(this.pointer)
  }
}

class TableNode {
  constructor(
    readonly kind: PlanVisit['kind'],
    readonly node: Axis | Objective | Row | Action,
    readonly pointer: string,
    readonly axis: Axis | undefined,
    readonly objective: Objective | undefined,
    readonly row: Row | undefined,
    readonly action: Action | undefined,
    private readonly place: TablePlace,
    private readonly namer: Namer,
  ) {}
  get axisIndex(): number | undefined {
    return this.place.axis
  }
  get rowIndex(): number | undefined {
    return this.place.row
  }
  get label(): PlaceLabel {
    return this.namer.tableLabel(this.place)
  }
}

class PlanWalk {
  private readonly namer: Namer
  private readonly onNode: PlanVisitor['node']
  private readonly onRow: PlanVisitor['row']
  private readonly onText: PlanVisitor['text']
  private readonly onNotation: PlanVisitor['notation']

  constructor(
    private readonly plan: PlanDocument,
    profile: Profile,
    visitor: PlanVisitor,
  ) {
    this.namer = new Namer(plan, profile)
    this.onNode = visitor.node?.bind(visitor)
    this.onRow = visitor.row?.bind(visitor)
    this.onText = visitor.text?.bind(visitor)
    this.onNotation = visitor.notation?.bind(visitor)
  }

  run(): void {
    const { plan } = this
    if (plan.regionalPriority !== undefined) this.text('/regionalPriority', plan.regionalPriority)
    plan.participants?.entries.forEach((entry, i) => {
      const pointer = `/participants/entries/${i}`
      this.formNode('participant', entry, i, pointer)
      this.text(`${pointer}/name`, entry.name)
      if (entry.contacts) {
        this.text(`${pointer}/contacts/raw`, entry.contacts.raw, 'contacts')
        this.notation(`${pointer}/contacts`, 'contacts', entry.contacts, entry, 'contacts')
      }
    })
    plan.preparation?.steps.forEach((step, i) => {
      const pointer = `/preparation/steps/${i}`
      this.formNode('step', step, i, pointer)
      if (step.title !== undefined) this.text(`${pointer}/title`, step.title)
      if (step.date) this.notation(`${pointer}/date`, 'date', step.date, step, 'date')
      this.text(`${pointer}/text`, step.text)
    })
    plan.followUp?.forEach((item, i) => {
      this.formNode('follow-up', item, i, `/followUp/${i}`)
      this.text(`/followUp/${i}/text`, item.text)
    })
    plan.complementarity?.points.forEach((item, i) => {
      this.formNode('complementarity-point', item, i, `/complementarity/points/${i}`)
      this.text(`/complementarity/points/${i}/text`, item.text)
    })
    plan.priorityResponses?.forEach((response, i) => this.blocks(response.blocks, `/priorityResponses/${i}/blocks`))
    plan.narrative?.forEach((section, i) => {
      this.formNode('narrative-section', section, i, `/narrative/${i}`)
      this.blocks(section.blocks, `/narrative/${i}/blocks`)
    })
    plan.axes.forEach((axis, a) => this.axis(axis, a))
    plan.objectives?.forEach((objective, o) => this.objective(undefined, objective, `/objectives/${o}`, { objective: o }))
    // Notes after the table: footnotes and closing remarks are read at the end of the document.
    plan.notes?.forEach((note, i) => {
      this.formNode('note', note, i, `/notes/${i}`)
      this.text(`/notes/${i}/text`, note.text)
    })
  }

  private axis(axis: Axis, a: number): void {
    const pointer = `/axes/${a}`
    this.tableNode('axis', axis, pointer, axis, undefined, undefined, undefined, { axis: a })
    if (axis.heading !== undefined) this.text(`${pointer}/heading`, axis.heading)
    this.text(`${pointer}/title`, axis.title)
    if (axis.description) this.blocks(axis.description, `${pointer}/description`)
    axis.objectives.forEach((objective, o) => this.objective(axis, objective, `${pointer}/objectives/${o}`, { axis: a, objective: o }))
  }

  /** An objective under an axis, or directly under the plan when the form has no axis level (`place.axis` undefined). */
  private objective(axis: Axis | undefined, objective: Objective, pointer: string, place: TablePlace): void {
    if (this.onNode) this.tableNode('objective', objective, pointer, axis, objective, undefined, undefined, place)
    if (this.onText) {
      this.text(`${pointer}/title`, objective.title)
      if (objective.details) this.blocks(objective.details, `${pointer}/details`)
    }
    objective.rows.forEach((row, r) => this.row(axis, objective, row, `${pointer}/rows/${r}`, { ...place, row: r }))
  }

  private row(axis: Axis | undefined, objective: Objective, row: Row, base: string, place: TablePlace): void {
    if (this.onNode || this.onRow) {
      const visit = new TableNode('row', row, base, axis, objective, row, undefined, place, this.namer) as unknown as RowVisit
      this.onNode?.(visit)
      this.onRow?.(visit)
    }
    // A group's sub-heading comes before the means it groups.
    if (row.heading !== undefined) this.text(`${base}/heading`, row.heading)
    row.actions.forEach((action, n) => {
      if (this.onNode) this.tableNode('action', action, `${base}/actions/${n}`, axis, objective, row, action, { ...place, action: n })
      if (this.onText) {
        this.text(`${base}/actions/${n}/text`, action.text)
        if (action.content) this.blocks(action.content, `${base}/actions/${n}/content`)
      }
    })
    if (row.responsible) this.cell(`${base}/responsible`, 'organisations', row.responsible, row, 'responsible')
    if (row.partners) this.cell(`${base}/partners`, 'organisations', row.partners, row, 'partners')
    if (this.onText) {
      row.results?.forEach((result, n) => this.text(`${base}/results/${n}/text`, result.text))
      row.indicators?.forEach((indicator, n) => this.text(`${base}/indicators/${n}/text`, indicator.text))
    }
    row.schedule?.forEach((block, b) => {
      this.cell(`${base}/schedule/${b}/years`, 'years', block.years, block, 'years')
      if (this.onText)
        block.steps.forEach((step, s) => {
          this.text(`${base}/schedule/${b}/steps/${s}/text`, step.text)
          step.items?.forEach((item, k) => this.text(`${base}/schedule/${b}/steps/${s}/items/${k}`, item))
        })
    })
    if (row.budget) this.cell(`${base}/budget`, 'budget', row.budget, row, 'budget')
  }

  /** A table cell written as a notation: its raw text, then the notation. */
  private cell(pointer: string, kind: NotationVisit['kind'], stored: NotationOf<unknown>, owner: object, key: string): void {
    if (this.onText) this.text(`${pointer}/raw`, stored.raw, 'cell')
    if (this.onNotation) this.notation(pointer, kind, stored, owner, key)
  }

  private blocks(blocks: readonly Block[], base: string): void {
    if (!this.onText) return
    blocks.forEach((block, i) => {
      if (block.type === 'paragraph') this.text(`${base}/${i}/text`, block.text)
      else
        block.items.forEach((item, k) => {
          this.text(`${base}/${i}/items/${k}/text`, item.text)
          item.items?.forEach((sub, m) => this.text(`${base}/${i}/items/${k}/items/${m}`, sub))
        })
    })
  }

  private text(pointer: string, text: string, kind: TextVisit['kind'] = 'content'): void {
    if (this.onText) this.onText(new Text(pointer, text, kind, this.namer))
  }

  private notation(pointer: string, kind: NotationVisit['kind'], stored: NotationOf<unknown>, owner: object, key: string): void {
    if (this.onNotation) this.onNotation(new Notation(pointer, kind, stored, owner, key, this.namer))
  }

  private formNode(kind: FormNodeVisit['kind'], node: { id?: string }, index: number, pointer: string): void {
    if (this.onNode) this.onNode(new FormNode(kind, node, index, pointer, this.namer))
  }

  private tableNode(
    kind: PlanVisit['kind'],
    node: Axis | Objective | Row | Action,
    pointer: string,
    axis: Axis | undefined,
    objective: Objective | undefined,
    row: Row | undefined,
    action: Action | undefined,
    place: TablePlace,
  ): void {
    if (this.onNode) this.onNode(new TableNode(kind, node, pointer, axis, objective, row, action, place, this.namer) as unknown as PlanVisit)
  }
}

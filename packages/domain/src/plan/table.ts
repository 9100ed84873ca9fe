import Type, { type Static } from 'typebox'
import { Blocks, Id, Text } from '../common.js'
import { BudgetCell } from '../notation/budget-cell.js'
import { OrganisationList } from '../notation/organisation-list.js'
import { YearSpec } from '../notation/year-spec.js'

/** Résultat (changement souhaité), linked to a standard effect of the profile when it restates one. */
export const ExpectedResult = Type.Object(
  { text: Text, effect: Type.Optional(Id) },
  { additionalProperties: false },
)
export type ExpectedResult = Static<typeof ExpectedResult>

/** Indice de progression: optional in every edition seen. */
export const Indicator = Type.Object({ text: Text }, { additionalProperties: false })
export type Indicator = Static<typeof Indicator>

/** One step of a schedule; numbers continue across the blocks of a row. */
export const ScheduleStep = Type.Object(
  { number: Type.Optional(Type.Integer({ minimum: 0 })), text: Text, items: Type.Optional(Type.Array(Text)) },
  { additionalProperties: false },
)
export type ScheduleStep = Static<typeof ScheduleStep>

/** A year cell ("An 6 et 7") with the steps written beside it. */
export const ScheduleBlock = Type.Object(
  { years: YearSpec, steps: Type.Array(ScheduleStep) },
  { additionalProperties: false },
)
export type ScheduleBlock = Static<typeof ScheduleBlock>

/** Moyen / action / projet: "A - Assurer le partage…", with optional content lists. */
export const Action = Type.Object(
  { id: Id, label: Type.Optional(Type.String()), text: Text, content: Type.Optional(Blocks) },
  { additionalProperties: false },
)
export type Action = Static<typeof Action>

/**
 * One row of the plan table: one or more means sharing the same responsible, partners, results,
 * schedule and budget cells. Which cells exist is set by the profile.
 */
export const Row = Type.Object(
  {
    id: Id,
    /**
     * A sub-heading of the objective printed above this row: it groups this row's means and those of the
     * rows after it, up to the next row with a heading.
     */
    heading: Type.Optional(Text),
    actions: Type.Array(Action),
    responsible: Type.Optional(OrganisationList),
    partners: Type.Optional(OrganisationList),
    results: Type.Optional(Type.Array(ExpectedResult)),
    indicators: Type.Optional(Type.Array(Indicator)),
    schedule: Type.Optional(Type.Array(ScheduleBlock)),
    budget: Type.Optional(BudgetCell),
  },
  { additionalProperties: false },
)
export type Row = Static<typeof Row>

export const Objective = Type.Object(
  {
    id: Id,
    number: Type.Optional(Type.Integer({ minimum: 0 })),
    title: Text,
    details: Type.Optional(Blocks),
    rows: Type.Array(Row),
  },
  { additionalProperties: false },
)
export type Objective = Static<typeof Objective>

export const Axis = Type.Object(
  {
    id: Id,
    number: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The heading as printed before the title ("Axe d'intervention 2 :"). */
    heading: Type.Optional(Text),
    title: Text,
    description: Type.Optional(Blocks),
    objectives: Type.Array(Objective),
  },
  { additionalProperties: false },
)
export type Axis = Static<typeof Axis>

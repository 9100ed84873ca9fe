import Type, { type Static, type TSchema } from 'typebox'

/** A stable identifier: assigned once, never derived from position, so it survives renumbering. */
export const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', description: 'Stable identifier' })
export type Id = Static<typeof Id>

/** Free text as the chantier wrote it. Inline emphasis uses `*italic*` and `**bold**`, nothing else. */
export const Text = Type.String({ description: 'Text as written; inline emphasis as *italic* and **bold**' })
export type Text = Static<typeof Text>

/** Text in both working languages; French is the reference, English is optional. */
export const LocalizedText = Type.Object(
  { fr: Type.String({ minLength: 1 }), en: Type.Optional(Type.String({ minLength: 1 })) },
  { additionalProperties: false },
)
export type LocalizedText = Static<typeof LocalizedText>

/** Money in integer cents (Canadian dollars). */
export const Cents = Type.Integer({ description: 'Amount in cents' })
export type Cents = Static<typeof Cents>

export const IsoDate = Type.String({ format: 'date', description: 'ISO 8601 calendar date' })
export type IsoDate = Static<typeof IsoDate>

/** A fiscal year such as "2026-2027". */
export const FiscalYear = Type.String({ pattern: '^\\d{4}-\\d{4}$', description: 'Fiscal year, e.g. 2026-2027' })
export type FiscalYear = Static<typeof FiscalYear>

/** A plan year in the chantier's own count ("An 6"). */
export const PlanYear = Type.Integer({ minimum: 1, maximum: 99 })
export type PlanYear = Static<typeof PlanYear>

/**
 * A value written as a notation: the raw text always stays; `value` holds what the parser understood,
 * `unparsed` marks text it could not read. Blank raw text carries neither.
 */
export function Notation<T extends TSchema>(value: T, description: string) {
  return Type.Object(
    {
      raw: Type.String(),
      value: Type.Optional(value),
      unparsed: Type.Optional(Type.Literal(true)),
    },
    { additionalProperties: false, description },
  )
}

export interface NotationOf<T> {
  raw: string
  value?: T
  unparsed?: true
}

/** A block of running text: a paragraph or a (one-level nested) list. */
export const ListItem = Type.Object(
  { text: Text, items: Type.Optional(Type.Array(Text)) },
  { additionalProperties: false },
)
export type ListItem = Static<typeof ListItem>

export const Paragraph = Type.Object(
  { type: Type.Literal('paragraph'), text: Text },
  { additionalProperties: false },
)
export const List = Type.Object(
  {
    type: Type.Literal('list'),
    ordered: Type.Boolean(),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    items: Type.Array(ListItem),
  },
  { additionalProperties: false },
)
export const Block = Type.Union([Paragraph, List])
export type Block = Static<typeof Block>
export const Blocks = Type.Array(Block)

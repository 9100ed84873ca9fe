import Type, { type Static } from 'typebox'
import { Id } from '../common.js'
import { Contacts } from '../notation/organisation-list.js'

export const ParticipantKind = Type.Union([
  Type.Literal('organisation'),
  Type.Literal('elected-official'),
  Type.Literal('citizen'),
])
export type ParticipantKind = Static<typeof ParticipantKind>

/** One line of the roster of organisations that took part in the chantier's work. */
export const Participation = Type.Object(
  {
    id: Id,
    /** The roster cell exactly as written, when it says more than the name. */
    raw: Type.Optional(Type.String()),
    name: Type.String({ minLength: 1 }),
    acronym: Type.Optional(Type.String()),
    /** What the roster adds about the participant ("Organisme fiduciaire du Chantier"). */
    note: Type.Optional(Type.String()),
    kind: ParticipantKind,
    fiduciary: Type.Boolean(),
    contacts: Type.Optional(Contacts),
  },
  { additionalProperties: false },
)
export type Participation = Static<typeof Participation>

export const Participants = Type.Object(
  {
    /** The roster as written when the form took it as one sentence (2021: a comma-separated list). */
    raw: Type.Optional(Type.String()),
    entries: Type.Array(Participation),
  },
  { additionalProperties: false },
)
export type Participants = Static<typeof Participants>

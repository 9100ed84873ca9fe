import Type, { type Static } from 'typebox'
import { Blocks, Id, Text } from '../common.js'
import { DateNotation } from '../notation/french-date.js'

/** A numbered (or unnumbered) paragraph of a form answer: follow-up mechanisms, complementarity points. */
export const NumberedText = Type.Object(
  { id: Id, number: Type.Optional(Type.Integer({ minimum: 0 })), text: Text },
  { additionalProperties: false },
)
export type NumberedText = Static<typeof NumberedText>

/** Étape réalisée: one step that led to the plan. `kind` is an id of the profile's step kinds. */
export const PreparationStep = Type.Object(
  {
    id: Id,
    number: Type.Optional(Type.Integer({ minimum: 0 })),
    kind: Type.String({ minLength: 1 }),
    title: Type.Optional(Text),
    date: Type.Optional(DateNotation),
    text: Text,
  },
  { additionalProperties: false },
)
export type PreparationStep = Static<typeof PreparationStep>

export const Preparation = Type.Object(
  { intro: Type.Optional(Text), steps: Type.Array(PreparationStep) },
  { additionalProperties: false },
)
export type Preparation = Static<typeof Preparation>

export const Complementarity = Type.Object(
  { heading: Type.Optional(Text), points: Type.Array(NumberedText) },
  { additionalProperties: false },
)
export type Complementarity = Static<typeof Complementarity>

/** The chantier's answer for one transversal priority of the edition. */
export const PriorityResponse = Type.Object(
  { priorityId: Id, heading: Type.Optional(Text), blocks: Blocks },
  { additionalProperties: false },
)
export type PriorityResponse = Static<typeof PriorityResponse>

/** Free-form text outside the form's questions (an offer of service's introduction, its links). */
export const NarrativeSection = Type.Object(
  { id: Id, heading: Type.Optional(Text), blocks: Blocks },
  { additionalProperties: false },
)
export type NarrativeSection = Static<typeof NarrativeSection>

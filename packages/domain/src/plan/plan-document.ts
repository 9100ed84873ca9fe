import Type, { type Static } from 'typebox'
import { Id, Text } from '../common.js'
import { FinancialPlan } from './financial-plan.js'
import { PlanMetadata } from './metadata.js'
import { Complementarity, NarrativeSection, NumberedText, Preparation, PriorityResponse } from './narrative.js'
import { Participants } from './participants.js'
import { Note } from './note.js'
import { Axis, Objective } from './table.js'

export const PLAN_SCHEMA_VERSION = 1

export const ProfileRef = Type.Object(
  { id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)
export type ProfileRef = Static<typeof ProfileRef>

/** A plan de travail (or any document of a profile's shape): the form's answers and the plan table. */
export const PlanDocument = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    schemaVersion: Type.Literal(PLAN_SCHEMA_VERSION),
    id: Id,
    profile: ProfileRef,
    metadata: PlanMetadata,
    regionalPriority: Type.Optional(Text),
    // The form's questions: a section the profile marks absent may be left out of the document.
    participants: Type.Optional(Participants),
    preparation: Type.Optional(Preparation),
    followUp: Type.Optional(Type.Array(NumberedText)),
    complementarity: Type.Optional(Complementarity),
    priorityResponses: Type.Optional(Type.Array(PriorityResponse)),
    narrative: Type.Optional(Type.Array(NarrativeSection)),
    axes: Type.Array(Axis),
    /**
     * The plan table of a form without an axis level: its objectives, directly under the plan (and `axes`
     * empty), so that no axis the source does not have is made up.
     */
    objectives: Type.Optional(Type.Array(Objective)),
    /** Notes and footnotes of the document, each attached to the text or cell it annotates. */
    notes: Type.Optional(Type.Array(Note)),
    financialPlan: Type.Optional(FinancialPlan),
  },
  { additionalProperties: false, $id: 'PlanDocument', title: 'Plan', description: 'A plan document of any profile: the form’s answers and the plan table.' },
)
export type PlanDocument = Static<typeof PlanDocument>

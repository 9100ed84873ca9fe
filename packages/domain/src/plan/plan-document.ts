import Type, { type Static } from 'typebox'
import { Id, Text } from '../common.js'
import { FinancialPlan } from './financial-plan.js'
import { PlanMetadata } from './metadata.js'
import { Complementarity, NarrativeSection, NumberedText, Preparation, PriorityResponse } from './narrative.js'
import { Participants } from './participants.js'
import { Axis } from './table.js'

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
    participants: Participants,
    preparation: Preparation,
    followUp: Type.Array(NumberedText),
    complementarity: Complementarity,
    priorityResponses: Type.Array(PriorityResponse),
    narrative: Type.Optional(Type.Array(NarrativeSection)),
    axes: Type.Array(Axis),
    financialPlan: Type.Optional(FinancialPlan),
  },
  { additionalProperties: false, $id: 'PlanDocument', title: 'Plan de travail' },
)
export type PlanDocument = Static<typeof PlanDocument>

import Type, { type Static } from 'typebox'
import { Id, IsoDate, PlanYear } from '../common.js'

export const PlanStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('deposited'),
  Type.Literal('published'),
])
export type PlanStatus = Static<typeof PlanStatus>

/** The programme that receives plans (the Démarche) and the body that reviews them (Table des préfets). */
export const Programme = Type.Object(
  { name: Type.String({ minLength: 1 }), reviewingBody: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
)
export type Programme = Static<typeof Programme>

export const ChantierRef = Type.Object(
  { name: Type.String({ minLength: 1 }), fiduciary: Type.Optional(Type.String()) },
  { additionalProperties: false },
)
export type ChantierRef = Static<typeof ChantierRef>

/**
 * The plan's years in the chantier's count (An 6 to An 7), counted from the profile's origin whatever its
 * notation; `raw` is the period as the document writes it ("2008-2012", "2026-2027 à 2027-2028"), shown as is.
 */
export const PlanPeriod = Type.Object(
  { raw: Type.Optional(Type.String({ minLength: 1 })), firstYear: PlanYear, lastYear: PlanYear },
  { additionalProperties: false },
)
export type PlanPeriod = Static<typeof PlanPeriod>

export const PlanMetadata = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    language: Type.Union([Type.Literal('fr-CA'), Type.Literal('en-CA')]),
    programme: Type.Optional(Programme),
    chantier: Type.Optional(ChantierRef),
    /** The organisation that issues a document that is not a chantier's plan (an offer of service). */
    issuer: Type.Optional(Type.String({ minLength: 1 })),
    period: Type.Optional(PlanPeriod),
    depositDate: Type.Optional(IsoDate),
    revisionOf: Type.Optional(Id),
    status: PlanStatus,
  },
  { additionalProperties: false },
)
export type PlanMetadata = Static<typeof PlanMetadata>

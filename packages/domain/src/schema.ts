import type { TSchema } from 'typebox'
import { PlanDocument } from './plan/plan-document.js'
import { COLUMN_KEYS, type Presence, type Profile } from './profile/profile.js'

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema }

/**
 * The plan document's JSON Schema narrowed to one profile: absent columns and sections may not appear,
 * required ones must. Derived from the TypeBox definitions, never written by hand.
 */
export function planSchemaFor(profile: Profile): TSchema {
  const schema = structuredClone(PlanDocument) as unknown as JsonSchema
  schema.$id = `PlanDocument.${profile.id}.v${profile.version}`
  // The form's own name, in its language: a region's editor shows its title, not Lanaudière's.
  schema.title = profile.title.fr
  if (profile.title.en) schema.description = profile.title.en
  const { levels, sections } = profile
  // A form without an axis level holds its objectives directly under the plan, and no axis.
  if (levels.axis.presence === 'absent') {
    limitArray(schema, 'axes')
    setPresence(schema, 'objectives', 'required')
  } else {
    setPresence(schema, 'objectives', 'absent')
  }
  const objectives = levels.axis.presence === 'absent' ? at(schema, 'objectives') : at(schema, 'axes', 'objectives')
  const row = at(objectives, 'rows')
  for (const key of COLUMN_KEYS) setPresence(row, key, profile.columns[key].presence)
  if (levels.action.presence === 'absent') limitArray(row, 'actions')
  if (levels.objective.presence === 'absent' && levels.axis.presence !== 'absent') limitArray(at(schema, 'axes'), 'objectives')
  setPresence(schema, 'regionalPriority', sections.regionalPriority.presence)
  setPresence(schema, 'narrative', sections.narrative.presence)
  // A section the form marks absent may be left out, or be there empty (the plans written before it could be left out).
  const section = (key: 'participants' | 'preparation' | 'complementarity', list: string) => {
    if (sections[key].presence === 'absent') limitArray(schema.properties![key]!, list)
    else if (sections[key].presence === 'required') setPresence(schema, key, 'required')
  }
  section('participants', 'entries')
  section('preparation', 'steps')
  section('complementarity', 'points')
  for (const key of ['followUp', 'priorityResponses'] as const) {
    if (sections[key].presence === 'absent') limitArray(schema, key)
    else if (sections[key].presence === 'required') setPresence(schema, key, 'required')
  }
  return schema as unknown as TSchema
}

/** The JSON Schema of plan documents (all profiles, or one), for tools outside TypeScript. */
export function planJsonSchema(profile?: Profile): Record<string, unknown> {
  const schema = JSON.parse(JSON.stringify(profile ? planSchemaFor(profile) : PlanDocument)) as Record<string, unknown>
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }
}

/** Walks down array items: at(schema, 'axes', 'objectives') is the schema of one objective. */
function at(schema: JsonSchema, ...arrays: string[]): JsonSchema {
  let current = schema
  for (const name of arrays) current = current.properties![name]!.items!
  return current
}

function setPresence(object: JsonSchema, key: string, presence: Presence): void {
  const required = new Set(object.required ?? [])
  if (presence === 'absent') {
    delete object.properties![key]
    required.delete(key)
  } else if (presence === 'required') {
    required.add(key)
  } else {
    required.delete(key)
  }
  object.required = [...required]
}

function limitArray(object: JsonSchema, key: string): void {
  object.properties![key] = { ...object.properties![key]!, maxItems: 0 }
}

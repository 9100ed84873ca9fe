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
  schema.title = `Plan de travail — ${profile.title.fr}`
  const row = at(schema, 'axes', 'objectives', 'rows')
  for (const key of COLUMN_KEYS) setPresence(row, key, profile.columns[key].presence)
  if (profile.levels.action.presence === 'absent') limitArray(row, 'actions')
  if (profile.levels.objective.presence === 'absent') limitArray(at(schema, 'axes'), 'objectives')
  const { sections } = profile
  setPresence(schema, 'regionalPriority', sections.regionalPriority.presence)
  setPresence(schema, 'narrative', sections.narrative.presence)
  if (sections.participants.presence === 'absent') limitArray(schema.properties!.participants!, 'entries')
  if (sections.preparation.presence === 'absent') limitArray(schema.properties!.preparation!, 'steps')
  if (sections.followUp.presence === 'absent') limitArray(schema, 'followUp')
  if (sections.complementarity.presence === 'absent') limitArray(schema.properties!.complementarity!, 'points')
  if (sections.priorityResponses.presence === 'absent') limitArray(schema, 'priorityResponses')
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

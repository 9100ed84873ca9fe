import type { Issue } from './errors.js'
import { isRowPointer } from './labels.js'
import { joinPointer } from './pointer.js'
import { COLUMN_KEYS } from './profile/profile.js'

/** The parts of a TypeBox / JSON Schema validation error this module reads. */
export interface SchemaError {
  keyword: string
  schemaPath: string
  instancePath: string
  params: Record<string, unknown>
  message: string
}

const TYPE_NAMES: Record<string, [fr: string, en: string]> = {
  string: ['un texte', 'a string'],
  integer: ['un nombre entier', 'an integer'],
  number: ['un nombre', 'a number'],
  array: ['une liste', 'an array'],
  object: ['un objet', 'an object'],
  boolean: ['une valeur booléenne (true ou false)', 'a boolean (true or false)'],
  null: ['null', 'null'],
}

/** Turns schema errors into located issues with French and English messages, one per problem. */
export function issuesFromSchemaErrors(errors: readonly SchemaError[]): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  const push = (issue: Issue) => {
    const key = `${issue.code}\u0000${issue.pointer}`
    if (!seen.has(key)) {
      seen.add(key)
      issues.push(issue)
    }
  }
  // TypeBox gives the union's own path, ajv the path ending in /anyOf: both prefix the branches' errors.
  const unionPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath.replace(/\/anyOf$/, '') + '/anyOf/')
  for (const error of errors) {
    if (error.keyword === 'boolean') continue
    if (error.keyword !== 'anyOf' && unionPaths.some((path) => error.schemaPath.startsWith(path))) continue
    for (const issue of translate(error, errors)) push(issue)
  }
  return issues
}

function translate(error: SchemaError, all: readonly SchemaError[]): Issue[] {
  const pointer = error.instancePath
  const p = error.params
  switch (error.keyword) {
    case 'required':
      return names(p.requiredProperties ?? p.missingProperty).map((name) => ({
        code: 'required',
        pointer: joinPointer(pointer, name),
        message: { fr: `La propriété « ${name} » est obligatoire.`, en: `Property "${name}" is required.` },
      }))
    case 'additionalProperties':
      return names(p.additionalProperties ?? p.additionalProperty).map((name) => {
        const at = joinPointer(pointer, name)
        if (isRowPointer(pointer) && (COLUMN_KEYS as readonly string[]).includes(name))
          return {
            code: 'absent-column',
            pointer: at,
            message: {
              fr: `La colonne « ${name} » n’existe pas dans le profil de ce plan.`,
              en: `Column "${name}" does not exist in this plan's profile.`,
            },
          }
        return { code: 'unknown-property', pointer: at, message: { fr: `La propriété « ${name} » n’est pas permise ici.`, en: `Property "${name}" is not allowed here.` } }
      })
    case 'type': {
      const [fr, en] = TYPE_NAMES[String(p.type)] ?? [String(p.type), String(p.type)]
      return [{ code: 'type', pointer, message: { fr: `La valeur doit être ${fr}.`, en: `The value must be ${en}.` } }]
    }
    case 'anyOf': {
      const allowed = all
        .filter((other) => other.keyword === 'const' && other.schemaPath.startsWith(error.schemaPath.replace(/\/anyOf$/, '') + '/anyOf/') && other.instancePath === pointer)
        .map((other) => JSON.stringify(other.params.allowedValue))
      if (allowed.length > 0)
        return [{ code: 'enum', pointer, message: { fr: `Valeur attendue parmi : ${allowed.join(', ')}.`, en: `Expected one of: ${allowed.join(', ')}.` } }]
      return [{ code: 'shape', pointer, message: { fr: 'La valeur ne correspond à aucune des formes permises.', en: 'The value matches none of the allowed shapes.' } }]
    }
    case 'const':
      return [{ code: 'enum', pointer, message: { fr: `Valeur attendue : ${JSON.stringify(p.allowedValue)}.`, en: `Expected: ${JSON.stringify(p.allowedValue)}.` } }]
    case 'pattern':
      return [{ code: 'pattern', pointer, message: { fr: `Le texte n’a pas la forme attendue (${String(p.pattern)}).`, en: `The text does not have the expected form (${String(p.pattern)}).` } }]
    case 'format':
      return [{ code: 'format', pointer, message: { fr: `Format attendu : ${formatName(p.format).fr}.`, en: `Expected format: ${formatName(p.format).en}.` } }]
    case 'minLength':
      return [{ code: 'empty', pointer, message: { fr: 'Ce texte ne peut pas être vide.', en: 'This text cannot be empty.' } }]
    case 'minimum':
      return [{ code: 'minimum', pointer, message: { fr: `La valeur doit être au moins ${String(p.limit)}.`, en: `The value must be at least ${String(p.limit)}.` } }]
    case 'maximum':
      return [{ code: 'maximum', pointer, message: { fr: `La valeur doit être au plus ${String(p.limit)}.`, en: `The value must be at most ${String(p.limit)}.` } }]
    case 'maxItems':
      return Number(p.limit) === 0
        ? [{ code: 'absent-section', pointer, message: { fr: 'Cette partie n’existe pas dans le profil de ce plan : elle doit rester vide.', en: "This part does not exist in this plan's profile: it must stay empty." } }]
        : [{ code: 'max-items', pointer, message: { fr: `Au plus ${String(p.limit)} éléments.`, en: `At most ${String(p.limit)} items.` } }]
    case 'minItems':
      return [{ code: 'min-items', pointer, message: { fr: `Au moins ${String(p.limit)} éléments.`, en: `At least ${String(p.limit)} items.` } }]
    default:
      return [{ code: error.keyword, pointer, message: { fr: `Valeur invalide (${error.keyword}).`, en: `Invalid value: ${error.message}.` } }]
  }
}

function formatName(format: unknown): { fr: string; en: string } {
  if (format === 'date') return { fr: 'une date réelle AAAA-MM-JJ', en: 'a real date YYYY-MM-DD' }
  return { fr: String(format), en: String(format) }
}

/** Property names from TypeBox (arrays) or ajv (a single name) error parameters. */
function names(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
}

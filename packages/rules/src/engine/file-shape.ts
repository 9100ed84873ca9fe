import type { Issue } from '@demarche/domain'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

/**
 * The shape check of a file the rules package reads (a rule set, an assessment): its schema compiled once,
 * and the first 50 problems as issues with `code`, each at its JSON Pointer (the caller locates them in the
 * file). An empty list when the value has the shape.
 */
export function fileShapeChecker(schema: TSchema, code: string): (value: unknown) => Issue[] {
  let compiled: ReturnType<typeof Compile> | undefined
  return (value) => {
    compiled ??= Compile(schema)
    if (compiled.Check(value)) return []
    return [...compiled.Errors(value)].slice(0, 50).map((error) => ({
      code,
      pointer: error.instancePath,
      message: { fr: `Valeur invalide : ${error.message}.`, en: `Invalid value: ${error.message}.` },
    }))
  }
}

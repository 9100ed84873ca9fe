import { Pointer } from 'typebox/value'

/** RFC 6901 JSON Pointer helpers; TypeBox's `Pointer` reads them. */
export function pointerOf(...segments: ReadonlyArray<string | number>): string {
  // TypeBox reads pointers but does not write them: escaping stays here.
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

export function joinPointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  return base + pointerOf(...segments)
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new SyntaxError(`Not a JSON Pointer: ${pointer}`)
  return Pointer.Indices(pointer)
}

/**
 * The value a pointer designates, or undefined when it does not resolve. Own properties and array indexes
 * only: TypeBox's `Pointer.Get` also reads an array's `length` and inherited properties, which no place of a
 * plan is.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let current: unknown = document
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined
      current = current[Number(segment)]
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment]
    } else {
      return undefined
    }
  }
  return current
}

export function pointerResolves(document: unknown, pointer: string): boolean {
  return resolvePointer(document, pointer) !== undefined
}

import { type AnyNode, parse } from '@humanwhocodes/momoa'
import { parsePointer } from './pointer.js'

/** A span of a JSON text, lines and columns counted from 1, columns in UTF-16 code units (as SARIF and editors count). */
export interface SourceRegion {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

/**
 * Finds where the values of a JSON text are written, so that a finding located by JSON Pointer can also be shown
 * at its line and column in the file a person edits. A pointer past what the text holds (a finding about a
 * missing field points where it should go) gets the span of the nearest value that exists on its way. Undefined
 * when the text is not JSON (then there is nothing to point into).
 */
export function sourceLocator(text: string): ((pointer: string) => SourceRegion | undefined) | undefined {
  let root: AnyNode
  try {
    root = parse(text, { mode: 'json', ranges: false, tokens: false }).body
  } catch {
    return undefined
  }
  return (pointer) => {
    let segments: string[]
    try {
      segments = parsePointer(pointer)
    } catch {
      return undefined
    }
    let node: AnyNode = root
    for (const segment of segments) {
      const next = childOf(node, segment)
      if (next === undefined) break
      node = next
    }
    const { start, end } = node.loc
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }
  }
}

function childOf(node: AnyNode, segment: string): AnyNode | undefined {
  if (node.type === 'Object') return node.members.find((member) => member.name.type === 'String' && member.name.value === segment)?.value
  if (node.type === 'Array' && /^(0|[1-9]\d*)$/.test(segment)) return node.elements[Number(segment)]?.value
  return undefined
}

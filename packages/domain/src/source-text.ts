import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { Issue } from './errors.js'
import { parsePointer } from './pointer.js'

/** A place in a file a person edits: 1-based line and column. */
export interface SourcePosition {
  line: number
  column: number
}

/** An issue told with the file it is in and, when known, the line and column of the pointed value. */
export interface LocatedIssue extends Issue {
  file: string
  position?: SourcePosition
}

export type SourceRead =
  | { ok: true; value: unknown; positionOf: (pointer: string) => SourcePosition | undefined }
  | { ok: false; issues: LocatedIssue[] }

/** Issues found in a value read from `file`, each given the file and the line and column of the value it points at. */
export function locatedIn(read: Extract<SourceRead, { ok: true }>, file: string, issues: readonly Issue[]): LocatedIssue[] {
  return issues.map((issue) => {
    const position = read.positionOf(issue.pointer)
    return { ...issue, file, ...(position && { position }) }
  })
}

/** Largest file a profile or rule set may be: far past any real form, small enough to bound memory. */
const MAX_SOURCE_CHARS = 1_000_000

/**
 * Reads a JSON or YAML text (JSON is YAML 1.2, so one parser serves both) keeping each value's place, so
 * that schema errors found later can name the line and column as well as the JSON Pointer.
 */
export function readSourceText(text: string, file: string): SourceRead {
  if (text.length > MAX_SOURCE_CHARS)
    return {
      ok: false,
      issues: [
        {
          file,
          code: 'too-large',
          pointer: '',
          message: {
            fr: `Le fichier dépasse ${MAX_SOURCE_CHARS} caractères.`,
            en: `The file is longer than ${MAX_SOURCE_CHARS} characters.`,
          },
        },
      ],
    }
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  if (document.errors.length > 0)
    return {
      ok: false,
      issues: document.errors.map((error) => {
        const position = lines.linePos(error.pos[0])
        return {
          file,
          code: 'syntax',
          pointer: '',
          position: { line: position.line, column: position.col },
          message: {
            fr: `Syntaxe JSON ou YAML invalide à la ligne ${position.line}, colonne ${position.col} : ${error.code}.`,
            en: `Invalid JSON or YAML syntax at line ${position.line}, column ${position.col}: ${error.code}.`,
          },
        }
      }),
    }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: 0 })
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          file,
          code: 'syntax',
          pointer: '',
          message: { fr: `Contenu illisible : ${(error as Error).message}`, en: `Unreadable content: ${(error as Error).message}` },
        },
      ],
    }
  }
  const positionOf = (pointer: string): SourcePosition | undefined => {
    const node = nodeAt(document.contents, pointer)
    const offset = node?.range?.[0]
    if (offset === undefined) return undefined
    const position = lines.linePos(offset)
    return { line: position.line, column: position.col }
  }
  return { ok: true, value, positionOf }
}

/** The deepest node the pointer reaches: a pointer past the file's content is placed at its nearest parent. */
function nodeAt(root: unknown, pointer: string): Node | undefined {
  let segments: string[]
  try {
    segments = parsePointer(pointer)
  } catch {
    return undefined
  }
  let current = root as Node | undefined
  for (const segment of segments) {
    let next: unknown
    if (isMap(current)) next = current.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === segment)?.value
    else if (isSeq(current)) next = /^\d+$/.test(segment) ? current.items[Number(segment)] : undefined
    if (next === undefined || next === null) return current
    current = next as Node
  }
  return current
}

/** "file:line:column" or "file", then the pointer: the form editors turn into a link. */
export function placeOf(issue: LocatedIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file
  return `${where} ${issue.pointer || '/'}`
}

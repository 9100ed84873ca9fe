import Type, { type Static } from 'typebox'
import { Id, Text } from '../common.js'

/**
 * A note or footnote of the document, attached to what it annotates by a JSON Pointer: a text ("/objectives/2/title"),
 * a cell ("/objectives/0/rows/1/results") or a node. `marker` is the call as printed ("1", "*"); without one,
 * formats number the notes in document order. A note with no `at` stands at the end of the document (a closing remark).
 */
export const Note = Type.Object(
  {
    id: Id,
    at: Type.Optional(Type.String({ pattern: '^(/[^/]*)+$', description: 'JSON Pointer of the annotated text, cell or node.' })),
    marker: Type.Optional(Type.String({ minLength: 1, maxLength: 8 })),
    text: Text,
  },
  { additionalProperties: false },
)
export type Note = Static<typeof Note>

import Type, { type Static } from 'typebox'

/** Where in the source file a finding or a text is, as a person would look for it. */
export const SourcePlace = Type.Object(
  {
    /** The zip entry (e.g. "word/document.xml") when the problem is in one part of the archive. */
    part: Type.Optional(Type.String()),
    /** Line and column in an XML part (1-based), for malformed or refused XML. */
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    column: Type.Optional(Type.Integer({ minimum: 1 })),
    /** XLSX: sheet name and A1 cell reference. */
    sheet: Type.Optional(Type.String()),
    cell: Type.Optional(Type.String()),
    /** DOCX: the section heading, the table's number (1-based) under it, its row and column heading. */
    section: Type.Optional(Type.String()),
    table: Type.Optional(Type.Integer({ minimum: 1 })),
    row: Type.Optional(Type.Integer({ minimum: 1 })),
    columnHeading: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type SourcePlace = Static<typeof SourcePlace>

export const ImportSeverity = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')])
export type ImportSeverity = Static<typeof ImportSeverity>

/** One located, bilingual problem met while reading a file. */
export const ImportIssue = Type.Object(
  {
    code: Type.String({ description: 'Stable machine code, e.g. "zip-bomb"' }),
    severity: ImportSeverity,
    place: SourcePlace,
    /** RFC 6901 pointer into the imported plan where the value went, when it went somewhere. */
    pointer: Type.Optional(Type.String()),
    message: Type.Object({ fr: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
)
export type ImportIssue = Static<typeof ImportIssue>

/** Text the reader found but could not place in the plan: listed, never dropped silently. */
export const UnplacedText = Type.Object({ place: SourcePlace, text: Type.String() }, { additionalProperties: false })
export type UnplacedText = Static<typeof UnplacedText>

export const SourceFormat = Type.Union([Type.Literal('docx'), Type.Literal('xlsx'), Type.Literal('unknown')])
export type SourceFormat = Static<typeof SourceFormat>

/** What an import tells about the file it read. */
export const ImportReport = Type.Object(
  {
    format: SourceFormat,
    /** True when an error stopped the reading: the plan, if any, is partial. */
    failed: Type.Boolean(),
    issues: Type.Array(ImportIssue),
    unplaced: Type.Array(UnplacedText),
  },
  { additionalProperties: false },
)
export type ImportReport = Static<typeof ImportReport>

/**
 * A located issue; the French message gets the typography of every other message of the toolkit (the
 * Office québécois de la langue française's): a no-break space before « : » and inside « », none before
 * « ; ! ? ».
 */
export function issue(code: string, place: SourcePlace, fr: string, en: string, severity: ImportSeverity = 'error'): ImportIssue {
  return { code, severity, place, message: { fr: frenchSpacing(fr), en } }
}

function frenchSpacing(text: string): string {
  return text.replace(/ ([:»])/g, '\u00a0$1').replace(/ ([;!?])/g, '$1').replace(/« /g, '«\u00a0')
}

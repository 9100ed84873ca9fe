import { isUtf8 } from 'node:buffer'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { readOfficeXml } from './fast-xml.js'
import { issue, type ImportIssue } from './report.js'

/** One node of a parsed XML part, in document order (fast-xml-parser's preserveOrder shape). */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

export type ParsedXml = { ok: true; nodes: XmlNode[] } | { ok: false; issue: ImportIssue }

// Checked first by isUtf8 (one fast pass): a fatal TextDecoder is several times slower on large parts.
const decoder = new TextDecoder('utf-8')

/** The parser's options (exported for the one-pass reader's tests, which compare its nodes with this parser's). */
export const XML_PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // No entity is expanded (not even the five predefined ones here): text is unescaped by the readers that need it.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
} as const
const parser = new XMLParser(XML_PARSER_OPTIONS)

/**
 * Parses one XML part of an Office file. A DOCTYPE is refused outright: OOXML never has one, and it is the
 * only door to external entities and entity expansion ("billion laughs"). Never throws.
 */
export function parseXml(bytes: Uint8Array, part: string): ParsedXml {
  if (!isUtf8(bytes))
    return { ok: false, issue: issue('invalid-encoding', { part }, `L’élément « ${part} » n’est pas un texte UTF-8 valide.`, `Entry “${part}” is not valid UTF-8 text.`) }
  const text = decoder.decode(bytes)
  const doctype = doctypeIssue(text, part)
  if (doctype) return { ok: false, issue: doctype }
  // The plain XML Office writes is read in one pass; anything else (or an error) goes through the validator, which locates it.
  const nodes = readOfficeXml(text)
  if (nodes) return { ok: true, nodes }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    // The validator leaves the column out for some errors: the line alone then locates it.
    const line = Math.max(1, Number(valid.err.line) || 1)
    const column = Number(valid.err.col) >= 1 ? Number(valid.err.col) : undefined
    const at = { fr: column ? `ligne ${line}, colonne ${column}` : `ligne ${line}`, en: column ? `line ${line}, column ${column}` : `line ${line}` }
    return {
      ok: false,
      issue: issue('malformed-xml', { part, line, ...(column ? { column } : {}) }, `L’élément « ${part} » n’est pas du XML bien formé (${at.fr}).`, `Entry “${part}” is not well-formed XML (${at.en}: ${valid.err.msg}).`),
    }
  }
  try {
    return { ok: true, nodes: parser.parse(text) as XmlNode[] }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, issue: issue('malformed-xml', { part }, `L’élément « ${part} » n’a pas pu être lu.`, `Entry “${part}” could not be read (${detail}).`) }
  }
}

/**
 * The refusal of an XML part that declares a DTD or entities, located, or undefined: OOXML never has one,
 * and it is the only door to external entities and entity expansion.
 */
export function doctypeIssue(text: string, part: string): ImportIssue | undefined {
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text)
  if (!doctype) return undefined
  const place = { part, ...lineAndColumn(text, doctype.index) }
  return issue('xml-doctype', place, `L’élément « ${part} » déclare une DTD ou des entités, ce qu’un document Office ne fait jamais : refusé par sécurité.`, `Entry “${part}” declares a DTD or entities, which an Office document never does: refused for safety.`)
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

import type { Issue } from './errors.js'
import { joinPointer } from './pointer.js'

/**
 * Characters no XML 1.0 document may hold (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; surrogates not in a pair). A plan holding one could not become a DOCX or XLSX that opens, so
 * validation refuses it; renderers drop any that reach them anyway.
 */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

// The `u` flag reads a lone surrogate as one code point, which the pair look-arounds above still match.
const XML_FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'gu')

/** The text without the characters XML forbids (defence in depth for renderers). */
export function xmlSafe(text: string): string {
  return XML_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN_ALL, '') : text
}

/** One located issue per string (key or value) of a JSON value holding a character XML forbids. */
export function forbiddenCharacterIssues(value: unknown, maxIssues = 200): Issue[] {
  const issues: Issue[] = []
  const visit = (node: unknown, pointer: string): void => {
    if (issues.length >= maxIssues) return
    if (typeof node === 'string') {
      const found = XML_FORBIDDEN.exec(node)
      if (found) issues.push(forbiddenCharacter(pointer, found[0], found.index))
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, joinPointer(pointer, i)))
    else if (node !== null && typeof node === 'object')
      for (const [key, item] of Object.entries(node)) {
        const at = joinPointer(pointer, key)
        const found = XML_FORBIDDEN.exec(key)
        if (found) issues.push(forbiddenCharacter(at, found[0], found.index))
        else visit(item, at)
      }
  }
  visit(value, '')
  return issues
}

function forbiddenCharacter(pointer: string, character: string, index: number): Issue {
  const code = 'U+' + (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  return {
    code: 'forbidden-character',
    pointer,
    message: {
      fr: `Le texte contient un caractère interdit (${code}, position ${index + 1}) : retirez-le, aucun document ne pourrait le contenir.`,
      en: `The text holds a forbidden character (${code}, position ${index + 1}): remove it, no document could hold it.`,
    },
  }
}

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

/**
 * Any character XML forbids, and any surrogate (paired ones too): a plain class without the `u` flag or
 * look-arounds, many times faster than XML_FORBIDDEN, so most strings are cleared by it alone.
 */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

function forbiddenIn(text: string): RegExpExecArray | null {
  return MAYBE_FORBIDDEN.test(text) ? XML_FORBIDDEN.exec(text) : null
}

const JSON_MAY_HOLD_FORBIDDEN = /\\u00[01]|\\[bf]|\\ud[89a-f]|[\uFFFE\uFFFF]/

/**
 * Whether JSON text (JSON.stringify's) may encode a character XML forbids: it writes C0 controls as
 * `\u00XX`, `\b` or `\f`, a lone surrogate as `\udXXX`, and U+FFFE, U+FFFF as they are. One scan of the
 * text a caller makes anyway (to hash it) is several times cheaper than walking every string; it may say
 * yes for a text that only looks like an escape (`"\\b"`), never no for one that holds such a character.
 */
export function jsonMayHoldForbidden(json: string): boolean {
  return JSON_MAY_HOLD_FORBIDDEN.test(json)
}

/** One located issue per string (key or value) of a JSON value holding a character XML forbids. */
export function forbiddenCharacterIssues(value: unknown, maxIssues = 200): Issue[] {
  const issues: Issue[] = []
  // The path to the node being visited; a pointer is written only for a string that holds such a character.
  const path: Array<string | number> = []
  const report = (found: RegExpExecArray) => issues.push(forbiddenCharacter(joinPointer('', ...path), found[0], found.index))
  const visit = (node: unknown): void => {
    if (issues.length >= maxIssues) return
    if (typeof node === 'string') {
      const found = forbiddenIn(node)
      if (found) report(found)
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i)
        visit(node[i])
        path.pop()
      }
    } else if (node !== null && typeof node === 'object')
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue
        path.push(key)
        const found = forbiddenIn(key)
        if (found) report(found)
        else visit((node as Record<string, unknown>)[key])
        path.pop()
      }
  }
  visit(value)
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

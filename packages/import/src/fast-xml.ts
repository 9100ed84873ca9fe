import type { XmlNode } from './xml.js'

/**
 * A one-pass reader for the XML Office writes, giving the same nodes as fast-xml-parser's ordered shape with
 * the options of `parseXml` (attributes without prefix, entities and values left as written, text kept
 * untrimmed, text outside the root element dropped). It knows a strict subset of XML: elements, attributes
 * in single or double quotes, text whose `&` start a well-formed reference, and an XML declaration before
 * the root. Anything else (comments, CDATA, other processing instructions, a DOCTYPE, names outside ASCII,
 * a duplicated attribute, a stray `<` or `&`, a mismatched or missing end tag) gives `undefined`, and
 * the caller falls back on fast-xml-parser's validator and parser, which then locate the error or read the
 * rarer construct. So it never accepts what the validator refuses, and never throws.
 */
export function readOfficeXml(source: string): XmlNode[] | undefined {
  // Line ends are normalised as XML says (and fast-xml-parser does): "\r\n" and a lone "\r" are "\n".
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source
  const length = text.length
  const top: XmlNode[] = []
  const stack: XmlNode[][] = []
  const names: string[] = []
  let children = top
  let position = 0
  let rootSeen = false
  while (position < length) {
    const open = text.indexOf('<', position)
    const end = open === -1 ? length : open
    if (end > position) {
      if (stack.length === 0) {
        // Outside the root only white space is allowed, and dropped.
        for (let index = position; index < end; index++) if (!isSpace(text.charCodeAt(index))) return undefined
      } else {
        const value = text.slice(position, end)
        if (!plainText(value)) return undefined
        children.push({ '#text': value })
      }
    }
    if (open === -1) break
    const next = text.charCodeAt(open + 1)
    if (next === 0x2f) {
      // An end tag: exactly the name of the element it closes, then ">".
      const name = names.pop()
      if (name === undefined) return undefined
      const close = open + 2 + name.length
      if (!text.startsWith(name, open + 2) || text.charCodeAt(close) !== 0x3e) return undefined
      children = stack.pop()!
      position = close + 1
      continue
    }
    if (next === 0x3f) {
      // Only the XML declaration, first in the text, is read here.
      if (open !== 0 || !text.startsWith('<?xml ', 0)) return undefined
      const close = text.indexOf('?>', open)
      if (close === -1) return undefined
      const attributes = readAttributes(text, open + 5, close)
      if (attributes === undefined) return undefined
      top.push({ '?xml': [{ '#text': '' }], ...(attributes && { ':@': attributes }) })
      position = close + 2
      continue
    }
    if (stack.length === 0 && rootSeen) return undefined
    // A start tag: a name, attributes, then ">" or "/>".
    let index = open + 1
    if (!isNameStart(text.charCodeAt(index))) return undefined
    while (index < length && isNameChar(text.charCodeAt(index))) index++
    const name = text.slice(open + 1, index)
    const close = tagEnd(text, index)
    if (close === -1) return undefined
    const selfClosing = text.charCodeAt(close - 1) === 0x2f
    const attributesEnd = selfClosing ? close - 1 : close
    let attributes: Record<string, string> | null | undefined = null
    if (attributesEnd > index) {
      if (!isSpace(text.charCodeAt(index))) return undefined
      attributes = readAttributes(text, index, attributesEnd)
      if (attributes === undefined) return undefined
    }
    const inner: XmlNode[] = []
    const node: XmlNode = { [name]: inner }
    if (attributes) node[':@'] = attributes
    children.push(node)
    if (stack.length === 0) rootSeen = true
    position = close + 1
    if (!selfClosing) {
      stack.push(children)
      names.push(name)
      children = inner
    }
  }
  return stack.length === 0 && rootSeen ? top : undefined
}

/** The index of the ">" that ends a tag whose name ends at `from`, quotes skipped; -1 when there is none. */
function tagEnd(text: string, from: number): number {
  let index = from
  for (;;) {
    const close = text.indexOf('>', index)
    if (close === -1) return -1
    const quote = firstQuote(text, index, close)
    if (quote === -1) return close
    const closing = text.indexOf(text[quote]!, quote + 1)
    if (closing === -1) return -1
    index = closing + 1
  }
}

function firstQuote(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x22 || code === 0x27) return index
  }
  return -1
}

/** `name="value"` pairs separated by white space, between `from` and `to`; null when there are none, undefined when they are not plain. */
function readAttributes(text: string, from: number, to: number): Record<string, string> | null | undefined {
  let attributes: Record<string, string> | null = null
  let index = from
  for (;;) {
    const start = index
    while (index < to && isSpace(text.charCodeAt(index))) index++
    if (index >= to) return attributes
    if (index === start || !isNameStart(text.charCodeAt(index))) return undefined
    const nameStart = index
    while (index < to && isNameChar(text.charCodeAt(index))) index++
    const name = text.slice(nameStart, index)
    if (text.charCodeAt(index) !== 0x3d) return undefined
    const quote = text.charCodeAt(index + 1)
    if (quote !== 0x22 && quote !== 0x27) return undefined
    const close = text.indexOf(quote === 0x22 ? '"' : "'", index + 2)
    if (close === -1 || close >= to) return undefined
    const value = text.slice(index + 2, close)
    if (value.includes('<') || !plainText(value)) return undefined
    attributes ??= {}
    if (Object.hasOwn(attributes, name) || name === '__proto__') return undefined
    attributes[name] = value
    index = close + 1
  }
}

const REFERENCE = /^&(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][A-Za-z0-9_.-]*);/

/** Text with no "&" that does not start a well-formed reference. */
function plainText(value: string): boolean {
  let amp = value.indexOf('&')
  while (amp !== -1) {
    if (!REFERENCE.test(value.slice(amp, amp + 40))) return false
    amp = value.indexOf('&', amp + 1)
  }
  return true
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e
}

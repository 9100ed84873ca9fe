import type { XmlNode } from '../xml.js'

/** The element name of a node of fast-xml-parser's ordered shape ("w:p"), or "#text". */
export function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key
  return ''
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name]
}

export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag)
}

/** The first descendant along a path of element names ("w:pPr", "w:pStyle"). */
export function pathOf(node: XmlNode, ...tags: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node
  for (const tag of tags) current = current && childOf(current, tag)
  return current
}

/** Raw text of a text node's children: the parser keeps entities as written, so they are decoded here. */
export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? decodeEntities(child['#text']) : ''))
    .join('')
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The five predefined entities and character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole
  })
}

/** True for a toggle property (w:b, w:i) that is on: present without a false value. */
export function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false
  const value = attrOf(node, 'w:val')
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value)
}

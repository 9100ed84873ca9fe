/**
 * Text cells that start like a formula (`=`, `+`, `-`, `@`, a tab) get a style with `quotePrefix="1"`: a
 * spreadsheet then keeps them as text when the reader edits, copies or exports them (CSV injection), as
 * Excel does for a cell typed with a leading apostrophe. exceljs cannot set the attribute, so the written
 * parts are edited: the shared strings say which cells, each of their styles gets a quoted twin.
 */
export function quoteFormulaLookingCells(parts: Map<string, string>): void {
  const strings = parts.get('xl/sharedStrings.xml')
  const styles = parts.get('xl/styles.xml')
  if (strings === undefined || styles === undefined) return
  const formulaLike = new Set<number>()
  ;[...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].forEach((match, index) => {
    const text = [...match[1]!.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join('')
    if (FORMULA_START.test(decode(text))) formulaLike.add(index)
  })
  if (formulaLike.size === 0) return
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)
  if (!xfs) return
  const entries = [...xfs[2]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0])
  const twins = new Map<number, number>()
  const twinOf = (style: number): number => {
    let twin = twins.get(style)
    if (twin === undefined) {
      twin = entries.length
      entries.push((entries[style] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>').replace(/^<xf\b/, '<xf quotePrefix="1"'))
      twins.set(style, twin)
    }
    return twin
  }
  for (const [path, xml] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue
    parts.set(
      path,
      xml.replace(/<c\b([^>]*)><v>(\d+)<\/v><\/c>/g, (cell, attributes: string, index: string) => {
        if (!/\bt="s"/.test(attributes) || !formulaLike.has(Number(index))) return cell
        const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0)
        const restyled = /\bs="\d+"/.test(attributes) ? attributes.replace(/\bs="\d+"/, `s="${twinOf(style)}"`) : `${attributes} s="${twinOf(style)}"`
        return `<c${restyled}><v>${index}</v></c>`
      }),
    )
  }
  parts.set('xl/styles.xml', styles.replace(xfs[0], `<cellXfs count="${entries.length}">${entries.join('')}</cellXfs>`))
}

const FORMULA_START = /^[=+\-@\t\r]/

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-fA-F]+|lt|gt|amp|quot|apos);/g, (_, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  )
}

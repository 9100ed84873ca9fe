import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { planXlsx } from '@demarche/render/xlsx'
import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readOfficeXml } from './fast-xml.js'
import { XML_PARSER_OPTIONS } from './xml.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')

/** The parser `parseXml` falls back on, with its options: the one-pass reader must give the same nodes. */
const reference = new XMLParser(XML_PARSER_OPTIONS)

describe('one-pass Office XML reader', () => {
  it('reads every XML part of the real plans’ DOCX and XLSX as fast-xml-parser does', async () => {
    let parts = 0
    for (const load of Object.values(examplePlans)) {
      const plan = load()
      const context = createContext(plan, { clock: CLOCK })
      for (const bytes of [await planDocx(plan, context), await planXlsx(plan, context)])
        for (const [name, data] of Object.entries(unzipSync(bytes))) {
          if (!/\.(xml|rels)$/.test(name)) continue
          const text = new TextDecoder().decode(data)
          const nodes = readOfficeXml(text)
          expect(nodes, name).toBeDefined()
          expect(nodes, name).toEqual(reference.parse(text))
          parts++
        }
    }
    expect(parts).toBeGreaterThan(20)
  })

  it('accepts only what the validator accepts, and then reads it as fast-xml-parser does', () => {
    const tokens = [
      '<?xml version="1.0" encoding="UTF-8"?>', '<a>', '</a>', '<w:p>', '</w:p>', '<b x="1">', '<b x=\'1\' y="&amp;">', '</b>', '<c/>', '<c />',
      '<d x="1"y="2">', '<d x="1" x="2">', '<d x>', '</d>', '<e x="a>b"/>', '<e x="a<b"/>', 'texte', ' ', '\n', '&amp;', '&#233;', '&#x1F600;', '&',
      '&bogus', '>', '<', '"', "'", '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '</ a>', '</a >', '<é/>', '<1/>', '<w:t xml:space="preserve">', '</w:t>',
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 14 }), (parts) => {
        const text = parts.join('')
        const nodes = readOfficeXml(text)
        if (nodes === undefined) return
        expect(XMLValidator.validate(text)).toBe(true)
        expect(nodes).toEqual(reference.parse(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads nested well-formed documents as fast-xml-parser does', () => {
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          fc.constantFrom('w:p', 'w:r', 'a', 'x.y-z'),
          fc.array(fc.tuple(fc.constantFrom('w:val', 'id', 'xml:space'), fc.constantFrom('1', '', 'a b', 'R&amp;D', 'l’été', "it's", 'a>b')), { maxLength: 3 }),
          depth <= 1 ? fc.constant<string[]>([]) : fc.array(fc.oneof(element(depth - 1), fc.constantFrom('texte', ' ', '\r\n', 'a &lt; b', 'é')), { maxLength: 4 }),
        )
        .map(([name, attributes, children]) => {
          const unique = [...new Map(attributes).entries()].map(([key, value]) => ` ${key}=${value.includes('"') ? `'${value}'` : `"${value}"`}`).join('')
          return children.length === 0 ? `<${name}${unique}/>` : `<${name}${unique}>${children.join('')}</${name}>`
        }),
    )
    fc.assert(
      fc.property(element(4), fc.boolean(), (root, declared) => {
        const text = `${declared ? '<?xml version="1.0" standalone="yes"?>\r\n' : ''}${root}`
        const nodes = readOfficeXml(text)
        expect(nodes).toBeDefined()
        expect(nodes).toEqual(reference.parse(text))
      }),
      { numRuns: 500 },
    )
  })
})

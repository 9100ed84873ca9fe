// Every renderer gives a file that opens, whatever text the plan holds: XML parts parse, Markdown keeps its
// structure, spreadsheet cells that look like formulas stay text.
import { type PlanDocument, validatePlan, XML_FORBIDDEN } from '@demarche/domain'
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { planDocx } from './docx/plan.js'
import { planHtml } from './html/plan.js'
import { planMarkdown } from './markdown/plan.js'
import { context, seeds } from './test-support.js'
import { planXlsx } from './xlsx/plan.js'

/** Texts as people paste them: any code unit (controls, U+FFFE, lone surrogates), line breaks, Markdown and formula starts. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.array(fc.constantFrom('# ', '\n', '\r\n', '---', '=', '+', '-', '@', '\t', '* ', '1. ', '> ', '```', '|', '<b>', '&amp;', '\uFFFE', '\uFFFF', '\ud800', '\u0001', 'mot', ' '), { minLength: 1, maxLength: 8 }).map((parts) => 'x' + parts.join('')),
  fc.constantFrom('=SUM(A1:A2)', '+1', '-2', '@cmd', '\tlead', '=1+1\n# titre'),
)

/** The 2021 plan (smallest with tables and a participants list) with `texts` in its title, a row and an objective. */
function planWith(texts: readonly string[]): PlanDocument {
  const plan = seeds.crevale2021()
  const [title, action, objective, name] = texts as [string, string, string, string]
  plan.metadata.title = `P ${title}`
  const row = plan.axes[0]!.objectives[0]!.rows[0]!
  row.actions = [{ ...row.actions[0]!, text: action }]
  plan.axes[0]!.objectives[0]!.title = objective
  plan.participants!.entries[0]!.name = `N ${name}`
  return plan
}

function xmlParts(bytes: Uint8Array): Array<[string, string]> {
  return Object.entries(unzipSync(bytes))
    .filter(([path]) => /\.(xml|rels)$/.test(path))
    .map(([path, data]) => [path, strFromU8(data)])
}

/**
 * Well-formed XML 1.0: fast-xml-parser checks the markup but lets any character through, so the Char
 * production (no C0 control but tab and line breaks, no U+FFFE/U+FFFF, no lone surrogate, raw or as a
 * character reference) is checked beside it.
 */
function expectXmlParses(bytes: Uint8Array) {
  for (const [path, xml] of xmlParts(bytes)) {
    expect([path, XMLValidator.validate(xml)]).toEqual([path, true])
    const referenced = [...xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)].map((match) => String.fromCodePoint(match[1]!.startsWith('x') ? parseInt(match[1]!.slice(1), 16) : Number(match[1])))
    expect([path, XML_FORBIDDEN.exec(xml + referenced.join(''))?.[0]]).toEqual([path, undefined])
  }
}

const headingCount = (markdown: string) => marked.lexer(markdown).filter((token) => token.type === 'heading').length

describe('a plan with any text', () => {
  const plain = seeds.crevale2021()
  const headings = headingCount(planMarkdown(plain, context(plain)))

  it('renders DOCX and XLSX whose every XML part parses, validated or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 4, maxLength: 4 }), async (texts) => {
        const plan = planWith(texts)
        // Validation refuses the characters XML forbids; the renderers drop them anyway when given an unvalidated plan.
        expectXmlParses(await planDocx(plan, context(plan)))
        expectXmlParses(await planXlsx(plan, context(plan)))
        const html = planHtml(plan, context(plan))
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
      }),
      { numRuns: 12 },
    )
  })

  it('keeps the Markdown headings of the plan: a title or cell cannot add a heading, a list or a rule', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 4, maxLength: 4 }), (texts) => {
        const plan = planWith(texts)
        const markdown = planMarkdown(plan, context(plan))
        const tokens = marked.lexer(markdown)
        expect(tokens.filter((token) => token.type === 'heading').length).toBe(headings)
        expect(tokens.filter((token) => token.type === 'hr' || token.type === 'code' || token.type === 'blockquote')).toEqual([])
        expect(tokens[0]).toMatchObject({ type: 'heading', depth: 1 })
      }),
      { numRuns: 150 },
    )
  })

  it('is refused at validation when it holds a character XML forbids', () => {
    expect(validatePlan(planWith(['a\uFFFF', 'b', 'c', 'd'])).issues).toMatchObject([{ code: 'forbidden-character', pointer: '/metadata/title' }])
  })
})

describe('XLSX text cells that start like a formula', () => {
  it('are shared strings with a quotePrefix style, never formulas', async () => {
    const texts = ['=SUM(A1:A2)', '+1', '-2', '@cmd']
    const plan = planWith(texts)
    const parts = new Map(xmlParts(await planXlsx(plan, context(plan))))
    const strings = [...parts.get('xl/sharedStrings.xml')!.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''))
    const xfs = [...parts.get('xl/styles.xml')!.match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].matchAll(/<xf\b[^>]*>/g)].map((match) => match[0])
    const sheets = [...parts].filter(([path]) => path.startsWith('xl/worksheets/sheet')).map(([, xml]) => xml)
    const quoted = new Set<string>()
    for (const xml of sheets) {
      expect(xml).not.toMatch(/<f>[^<]*(SUM\(A1|cmd)/)
      for (const match of xml.matchAll(/<c\b([^>]*)><v>(\d+)<\/v><\/c>/g)) {
        if (!match[1]!.includes('t="s"')) continue
        const text = strings[Number(match[2])]!
        const style = xfs[Number(/\bs="(\d+)"/.exec(match[1]!)?.[1] ?? 0)]!
        if (/^[=+\-@]/.test(text)) {
          expect([text, style]).toEqual([text, expect.stringContaining('quotePrefix="1"')])
          quoted.add(text)
        } else expect(style).not.toContain('quotePrefix')
      }
    }
    // The action and the objective title are cells of the axis sheet.
    expect(quoted).toEqual(new Set(['+1']))
  })
})

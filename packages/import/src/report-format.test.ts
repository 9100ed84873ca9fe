import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { formatImportReport, IMPORT_REPORT_FORMATS } from './report-format.js'
import { issue, type ImportReport } from './report.js'

// A report as a careless file makes one: a message and a text with line breaks, pipes, markup and XML's specials.
const report: ImportReport = {
  format: 'docx',
  failed: false,
  issues: [
    issue('unrecognised-table', { section: 'Suivi', table: 2 }, 'Les en-têtes « A | B » ne correspondent pas au formulaire.', 'Headings “A | B” do not match the form.'),
    { ...issue('unparsed-notation', { sheet: 'Plan', cell: 'E7' }, '« 5 000 $ <b>\n2027 » n’a pas pu être interprété.', '“5 000 $ <b>\n2027” could not be interpreted.', 'warning'), pointer: '/axes/0/objectives/0/rows/0/budget' },
    issue('profile-mismatch', { sheet: 'Document', cell: 'B2' }, 'Le classeur a été fait pour un autre profil.', 'The workbook was made for another profile.', 'info'),
  ],
  unplaced: [{ place: { section: 'Annexe', row: 3 }, text: '# Titre & *gras* | <tag>\nsuite' }],
}

describe('the import report in every format lint has', () => {
  it('lists the same formats as lint', () => {
    expect([...IMPORT_REPORT_FORMATS].sort()).toEqual(['json', 'junit', 'markdown', 'sarif', 'stylish'])
  })

  it('markdown: one table row per issue and one item per unplaced text, whatever they hold', () => {
    const text = formatImportReport('markdown', 'plan|v2.docx', report, 'fr')
    const lines = text.split('\n')
    expect(lines[0]).toBe('# Importation de plan\\|v2.docx')
    const rows = lines.filter((line) => line.startsWith('| ') && !line.startsWith('| Endroit'))
    expect(rows).toHaveLength(3)
    // Every row has exactly four cells: no pipe or line break of a message splits or ends one.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(4)
    expect(rows[1]).toContain('avertissement')
    expect(text).toContain('- section « Annexe », ligne 3\u00a0: \\# Titre & \\*gras\\* \\| \\<tag\\> suite')
    expect(formatImportReport('markdown', 'f.docx', report, 'en')).toContain('| Place | Severity | Message | Code |')
  })

  it('junit: well-formed XML, a failure per error, warning and unplaced text, the info as output', () => {
    const xml = formatImportReport('junit', 'plan.docx', report, 'en')
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml)
    expect(parsed.testsuites).toMatchObject({ name: 'demarche import', tests: '4', failures: '3' })
    const cases = parsed.testsuites.testsuite.testcase
    expect(cases.map((each: { failure?: { type: string } }) => each.failure?.type ?? 'passed')).toEqual(['error', 'warning', 'passed', 'unplaced'])
    expect(cases[1].name).toBe('Plan!E7 — unparsed-notation')
    const clean = formatImportReport('junit', 'clean.xlsx', { format: 'xlsx', failed: false, issues: [], unplaced: [] }, 'fr')
    expect(XMLValidator.validate(clean)).toBe(true)
    expect(clean).toContain('<testcase classname="clean.xlsx" name="import"/>')
  })
})

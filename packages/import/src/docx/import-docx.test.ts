import { budgetCellAmounts, builtinProfiles, findProfile, parseBudgetCell, type PlanDocument, textsOf } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { planXlsx } from '@demarche/render/xlsx'
import fc from 'fast-check'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Value } from 'typebox/value'
import { beforeAll, describe, expect, it } from 'vitest'
import { ImportReport } from '../report.js'
import { importDocx } from './import-docx.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')
const plan = examplePlans.crevale2026()
const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
let ownDocx: Uint8Array

beforeAll(async () => {
  ownDocx = await planDocx(plan, createContext(plan, { clock: CLOCK }))
})

/** The DOCX with its main part edited (and, for a document "made elsewhere", without the stored plan and bookmarks). */
function edited(bytes: Uint8Array, edit: (xml: string) => string, foreign = false): Uint8Array {
  const parts = unzipSync(bytes)
  if (foreign) for (const name of Object.keys(parts)) if (name.startsWith('customXml/')) delete parts[name]
  let xml = edit(strFromU8(parts['word/document.xml']!))
  if (foreign) xml = xml.replace(/<w:bookmark(Start|End)\b[^>]*\/>/g, '')
  parts['word/document.xml'] = strToU8(xml)
  return zipSync(parts)
}

/** Text compared as a reader would: spacing, quotation marks and emphasis aside. */
const plain = (text: string) => text.replace(/\*/g, '').replace(/[«»“”]/g, '"').replace(/[\s\u00a0\u202f]+/g, ' ').trim()

describe('the toolkit’s own DOCX, edited in Word', () => {
  it('takes edited text over the stored plan, and parses the edited notation again', () => {
    const bytes = edited(ownDocx, (xml) => xml.replace(/(Total 2026-2027[\s\u00a0\u202f]*:[\s\u00a0\u202f]*)5([\s\u00a0\u202f])000/, '$16$2000').replace('Assurer le partage et la circulation', 'Assurer le partage régulier et la circulation'))
    const { plan: imported, report } = importDocx(bytes, { profile })
    expect(report.failed).toBe(false)
    const row = imported!.axes[0]!.objectives[0]!.rows[0]!
    expect(row.budget!.raw).toMatch(/6[\s\u00a0\u202f]000/)
    // The edited raw text is parsed again as `prepare` parses it (the stored value of 5 000 $ is gone).
    expect(row.budget).toEqual(parseBudgetCell(row.budget!.raw))
    expect(row.actions[0]!.text).toMatch(/^Assurer le partage régulier et la circulation/)
    expect(row.id).toBe(plan.axes[0]!.objectives[0]!.rows[0]!.id)
    // Everything not edited is still the stored form.
    expect(imported!.axes[1]).toEqual(plan.axes[1])
  })
})

describe('budget cells edited in Word', () => {
  // Editing a cell's line reference makes the visible text win over the stored plan: the amounts must then be read from the money format the document shows.
  // (The 2026-2028 plan is the real plan with budget cells.)
  it.each(['fr-CA', 'en-CA'] as const)('keep their amounts (the 2026-2028 plan, %s)', async (locale) => {
    const rows = plan.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows)).filter((row) => row.budget?.raw.startsWith('Voir onglet') && budgetCellAmounts(parseBudgetCell(row.budget.raw)).length > 0)
    expect(rows.length).toBeGreaterThanOrEqual(3)
    const bytes = edited(await planDocx(plan, createContext(plan, { clock: CLOCK, locale })), (xml) => xml.replaceAll('Voir onglet Budget ligne', 'Voir l’onglet Budget ligne'))
    const { plan: imported, report } = importDocx(bytes, { profile })
    expect(report.failed).toBe(false)
    const importedRows = imported!.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows))
    for (const row of rows) {
      const again = importedRows.find((candidate) => candidate.id === row.id)!
      expect(again.budget!.raw).not.toBe(row.budget!.raw)
      expect(again.budget!.unparsed).toBeUndefined()
      expect(budgetCellAmounts(again.budget)).toEqual(budgetCellAmounts(parseBudgetCell(row.budget!.raw)))
    }
  })
})

describe('a Word document that follows the form but was made elsewhere', () => {
  it('keeps every text of the real plan, in order', () => {
    const { plan: imported, report } = importDocx(edited(ownDocx, (xml) => xml, true), { profile })
    expect(report.failed).toBe(false)
    const expected = textsOf(plan, profile).filter((text) => text.kind === 'content').map((text) => plain(text.text))
    const found = textsOf(imported!, profile).map((text) => plain(text.text))
    let at = 0
    const missing = expected.filter((text) => {
      const index = found.indexOf(text, at)
      if (index < 0) return true
      at = index + 1
      return false
    })
    expect(missing).toEqual([])
    expect(imported!.axes.map((axis) => axis.objectives.map((objective) => objective.rows.length))).toEqual(plan.axes.map((axis) => axis.objectives.map((objective) => objective.rows.length)))
  })

  it('matches column headings with typos, case and accents changed', () => {
    const bytes = edited(ownDocx, (xml) => xml.replaceAll('Organisme(s) partenaire(s)', 'ORGANISMES PARTENAIRE').replaceAll('Échéancier', 'Echeancier (optionnel)'), true)
    const { plan: imported, report } = importDocx(bytes, { profile })
    expect(report.issues.filter((problem) => problem.code === 'unknown-column' || problem.code === 'missing-column')).toEqual([])
    expect(imported!.axes[1]!.objectives[0]!.rows[0]!.partners!.raw).toMatch(/Membres du Chantier/)
  })

  it('lists a column the form does not know with its place, and names the missing one', () => {
    const bytes = edited(ownDocx, (xml) => xml.replace(/(<w:t[^>]*>)Budget(<\/w:t>)/, '$1Commentaires$2'), true)
    const { report } = importDocx(bytes, { profile })
    const unknown = report.issues.find((problem) => problem.code === 'unknown-column')!
    expect(unknown.place).toMatchObject({ table: 1, row: 1, columnHeading: 'Commentaires' })
    expect(unknown.message.fr).toContain('«\u00a0Commentaires\u00a0»')
    expect(report.issues.some((problem) => problem.code === 'missing-column' && problem.place.columnHeading === 'Budget')).toBe(true)
    expect(report.unplaced.find((text) => text.place.columnHeading === 'Commentaires')).toMatchObject({ place: { section: expect.stringMatching(/^Axe d/), table: 1, row: 2 }, text: expect.stringMatching(/5[\s\u00a0\u202f]000/) })
  })

  it('skips a blank row with an info finding at its place', () => {
    const blank = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(8)}</w:tr>`
    const bytes = edited(ownDocx, (xml) => xml.replace(/(Budget<\/w:t>(?:(?!<\/w:tr>)[\s\S])*<\/w:tr>)/, `$1${blank}`), true)
    const { plan: imported, report } = importDocx(bytes, { profile })
    expect(report.issues.find((problem) => problem.code === 'empty-row')).toMatchObject({ severity: 'info', place: { table: 1, row: 2 } })
    expect(imported!.axes[0]!.objectives[0]!.rows).toHaveLength(1)
  })

  it('reads an objective whose cell is merged down over its rows as one objective', () => {
    const { plan: imported } = importDocx(edited(ownDocx, (xml) => xml, true), { profile })
    // Axis 4, objective 2 spans two rows in the real plan (vertically merged cell).
    expect(imported!.axes[3]!.objectives.map((objective) => objective.rows.length)).toEqual(plan.axes[3]!.objectives.map((objective) => objective.rows.length))
  })
})

describe('any file', () => {
  it('refuses a workbook as a Word document, without throwing', async () => {
    const { plan: imported, report } = importDocx(await planXlsx(plan, createContext(plan, { clock: CLOCK })), { profile })
    expect(imported).toBeUndefined()
    expect(report.failed).toBe(true)
    expect(report.issues.map((problem) => problem.code)).toEqual(['not-a-document'])
  })

  it('never throws on mutated or truncated DOCX, and always returns a valid report', () => {
    fc.assert(
      fc.property(fc.nat({ max: ownDocx.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean(), (at, byte, truncate) => {
        const bytes = truncate ? ownDocx.slice(0, at) : ownDocx.slice()
        if (!truncate) bytes[at] = byte
        const result = importDocx(bytes, { profile })
        expect(Value.Check(ImportReport, result.report)).toBe(true)
        if (result.report.failed) expect(result.report.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })

  it('never throws on mutated document XML (elements cut out at random)', () => {
    const xml = strFromU8(unzipSync(ownDocx)['word/document.xml']!)
    fc.assert(
      fc.property(fc.nat({ max: xml.length - 1 }), fc.nat({ max: 5000 }), (start, length) => {
        const result = importDocx(edited(ownDocx, () => xml.slice(0, start) + xml.slice(start + length)), { profile })
        expect(Value.Check(ImportReport, result.report)).toBe(true)
        if (result.plan) expect((result.plan satisfies PlanDocument).axes).toBeInstanceOf(Array)
      }),
      { numRuns: 30 },
    )
  })
})

import { readFile } from 'node:fs/promises'
import { builtinProfiles, findProfile, lanaudiere2026, loadProfileText, localize, type OrganisationList, type PlanDocument, preparePlan, resolvePointer } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { importPlan } from '../plan-import.js'

const clock = () => new Date('2026-11-23T12:00:00Z')
const profileOf = (plan: PlanDocument) => findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!

async function rendered(plan: PlanDocument, locale: 'fr-CA' | 'en-CA' = 'fr-CA'): Promise<Uint8Array> {
  return planXlsx(plan, createContext(plan, { clock, locale }))
}

/** The names of an organisation cell of the plan that resolve to no participant or group. */
function unresolved(plan: PlanDocument, pointer: string): string[] {
  const list = resolvePointer(plan, pointer) as OrganisationList
  return (list.value?.names ?? []).filter((name) => !name.ref && !name.placeholder).map((name) => name.text)
}

async function edited(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  edit(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('the toolkit’s own XLSX comes back as the plan it was rendered from', () => {
  for (const [name, make] of Object.entries(examplePlans))
    for (const locale of ['fr-CA', 'en-CA'] as const)
      it(`${name} (${locale}): ids, raw texts and notations equal`, async () => {
        const plan = make()
        const { plan: imported, report } = await importPlan(await rendered(plan, locale), { profile: profileOf(plan) })
        expect(report.failed).toBe(false)
        expect(report.unplaced).toEqual([])
        // The only findings are the plan's own names that match no participant (the 2021 plan has some).
        const names = report.issues.filter((found) => found.code === 'unknown-organisation' || found.code === 'ambiguous-organisation')
        expect(report.issues.filter((found) => found.severity !== 'info' && !names.includes(found))).toEqual([])
        for (const found of names) expect(unresolved(plan, found.pointer!)).toContain(/^«\s(.*?)\s»/.exec(found.message.fr)![1])
        expect(imported).toEqual(plan)
      })
})

describe('an edited cell of the rendered XLSX wins', () => {
  it('takes an edited action text, an edited schedule and an edited participant name, keeping every id', async () => {
    const plan = examplePlans.crevale2026()
    const bytes = await edited(await rendered(plan), (workbook) => {
      const sheet = workbook.getWorksheet('Plan')!
      const headers = Array.from(sheet.getRow(1).values as unknown[], String)
      const action = headers.indexOf(localize(lanaudiere2026.levels.action.columnHeading ?? lanaudiere2026.levels.action.label, 'fr'))
      const schedule = headers.indexOf(localize(lanaudiere2026.columns.schedule.label, 'fr'))
      sheet.getRow(2).getCell(action).value = 'Assurer le partage, revu en comité.'
      sheet.getRow(2).getCell(schedule).value = '[An 7]\n1. Une seule étape.'
      workbook.getWorksheet('Participants')!.getCell('A2').value = 'Au bord des mots (ABM)'
    })
    const { plan: imported, report } = await importPlan(bytes, { profile: profileOf(plan) })
    expect(report.failed).toBe(false)
    const row = imported!.axes[0]!.objectives[0]!.rows[0]!
    expect(row.actions[0]).toMatchObject({ id: plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.id, text: 'Assurer le partage, revu en comité.' })
    expect(row.schedule).toEqual([{ years: { raw: 'An 7', value: { years: [7], mode: 'all' } }, steps: [{ number: 1, text: 'Une seule étape.' }] }])
    expect(imported!.participants!.entries[0]).toMatchObject({ id: plan.participants!.entries[0]!.id, name: 'Au bord des mots (ABM)' })
    const expected = structuredClone(plan)
    expected.participants!.entries[0]!.name = 'Au bord des mots (ABM)'
    Object.assign(expected.axes[0]!.objectives[0]!.rows[0]!, { schedule: row.schedule })
    expected.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Assurer le partage, revu en comité.'
    expect(imported).toEqual(expected)
  })
})

describe('the montage financier on the form', () => {
  /** The 2026-2028 plan with a montage (none of the real plans carries one): lines, a source, a contribution in kind, a line and a year with no amount. */
  const withMontage = (): PlanDocument => ({
    ...examplePlans.crevale2026(),
    financialPlan: {
      fiscalYears: ['2026-2027', '2027-2028', '2028-2029'],
      lines: [
        { line: 12, label: "Déploiement d'actions", amounts: [{ fiscalYear: '2026-2027', cents: 3_300_001 }, { fiscalYear: '2027-2028', cents: 3_000_000 }] },
        { line: 13, label: 'Honoraires professionnels', amounts: [{ fiscalYear: '2026-2027', cents: 1_050_050 }] },
        { line: 14, label: 'Frais de déplacement', amounts: [] },
      ],
      sources: [{ name: 'Table des préfets de Lanaudière', kind: 'FRR', amounts: [{ fiscalYear: '2026-2027', cents: 4_000_000 }, { fiscalYear: '2027-2028', cents: 3_000_000 }] }],
      inKind: [{ organisation: 'CREVALE', amounts: [{ fiscalYear: '2027-2028', cents: 250_000 }] }],
    },
  })

  for (const locale of ['fr-CA', 'en-CA'] as const)
    it(`comes back equal from the rendered XLSX (${locale})`, async () => {
      const plan = withMontage()
      const { plan: imported, report } = await importPlan(await rendered(plan, locale), { profile: profileOf(plan) })
      expect(report.unplaced).toEqual([])
      expect(imported!.financialPlan).toEqual(plan.financialPlan)
      expect(imported).toEqual(plan)
    })

  it('reads amounts as people type them, rows continued under a blank element, and locates what it cannot read', async () => {
    const plan = withMontage()
    const bytes = await edited(await rendered(plan), (workbook) => {
      const sheet = workbook.getWorksheet('Montage financier')!
      const headers = Array.from(sheet.getRow(1).values as unknown[], String)
      const column = (header: string) => headers.indexOf(header)
      const last = sheet.rowCount
      // Line 14 gets two amounts: one typed in the French money format, one on a row that only gives a year and an amount.
      const line14 = [...Array(last).keys()].map((index) => sheet.getRow(index + 1)).find((row) => row.getCell(column('No de ligne')).value === 14)!
      line14.getCell(column('Exercice financier (AAAA-AAAA)')).value = '2026-27'
      line14.getCell(column('Montant ($)')).value = '5 000,50 $'
      sheet.spliceRows(line14.number + 1, 0, [])
      const added = sheet.getRow(line14.number + 1)
      added.getCell(column('Exercice financier (AAAA-AAAA)')).value = '2027-2028'
      added.getCell(column('Montant ($)')).value = 1200
      const wrong = sheet.getRow(sheet.rowCount + 1)
      wrong.getCell(column('Élément')).value = 'Ligne budgétaire'
      wrong.getCell(column('No de ligne')).value = 15
      wrong.getCell(column('Exercice financier (AAAA-AAAA)')).value = '2026'
      wrong.getCell(column('Montant ($)')).value = 10
    })
    const { plan: imported, report } = await importPlan(bytes, { profile: profileOf(plan) })
    expect(imported!.financialPlan!.lines.find((line) => line.line === 14)!.amounts).toEqual([{ fiscalYear: '2026-2027', cents: 500_050 }, { fiscalYear: '2027-2028', cents: 120_000 }])
    expect(imported!.financialPlan!.lines.map((line) => line.line)).toEqual([12, 13, 14])
    const finding = report.issues.find((found) => found.code === 'not-a-fiscal-year')!
    expect(finding.place).toEqual({ sheet: 'Montage financier', cell: expect.stringMatching(/^E\d+$/) })
    expect(finding.message.fr).toContain('«\u00a02026\u00a0»')
    expect(report.unplaced.map((text) => text.text)).toEqual([expect.stringContaining('15')])
  })

  it('has its place on the blank form of a profile with a budget column, and none on one without', async () => {
    const { blankFormXlsx } = await import('../template-xlsx.js')
    const load = async (bytes: Uint8Array) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
      return workbook
    }
    const blank = await load(await blankFormXlsx(lanaudiere2026))
    expect(blank.getWorksheet('Montage financier')!.getRow(1).values).toEqual([undefined, 'Élément', 'No de ligne', 'Libellé ou nom', 'Type ou description', 'Exercice financier (AAAA-AAAA)', 'Montant ($)'])
    expect(blank.getWorksheet('Montage financier')!.getCell('A2').dataValidation).toMatchObject({ type: 'list', errorStyle: 'stop' })
    const english = await load(await blankFormXlsx(lanaudiere2026, { language: 'en' }))
    expect(english.getWorksheet('Financial plan')).toBeDefined()
    const offer = profileOf(examplePlans.crevaleServiceOffer())
    expect((await load(await blankFormXlsx(offer))).getWorksheet('Montage financier')).toBeUndefined()
  })
})

describe('a plan of another shape comes back from its own XLSX', () => {
  it('the Littoral region (docs/examples/littoral/): objectives without axes, in both languages', async () => {
    const folder = new URL('../../../../docs/examples/littoral/', import.meta.url)
    const loaded = loadProfileText(await readFile(new URL('littoral.profile.json', folder), 'utf8'), 'littoral.profile.json')
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
    const profile = loaded.profile
    const plan = preparePlan(JSON.parse(await readFile(new URL('plan.json', folder), 'utf8')), profile) as PlanDocument
    expect(plan.axes).toEqual([])
    expect(plan.notes?.length).toBeGreaterThan(0)
    for (const locale of ['fr-CA', 'en-CA'] as const) {
      const { plan: imported, report } = await importPlan(await planXlsx(plan, createContext(plan, { clock, locale, profile })), { profile })
      expect(report.issues.filter((found) => found.severity !== 'info'), locale).toEqual([])
      expect(report.unplaced, locale).toEqual([])
      // Everything comes back: the period as written, the sub-headings, the notes and what they refer to, and no
      // section the profile marks absent.
      expect(imported, locale).toEqual(plan)
    }
  })
})

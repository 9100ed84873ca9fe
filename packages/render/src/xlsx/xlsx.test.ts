import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { context, seeds } from '../test-support.js'
import { wordsOf } from '../words.js'
import { cellText, planXlsx } from './plan.js'

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

const cents = (value: ExcelJS.CellValue) => Math.round(100 * (typeof value === 'number' ? value : ((value as { result?: number } | null)?.result ?? 0)))

describe('the XLSX of the 2026-2028 plan', () => {
  const plan = seeds.crevale2026()
  const ready = planXlsx(plan, context(plan))

  it('has a Budget sheet and the sheets of the filled form, with frozen headers and landscape print setup', async () => {
    const workbook = await load(await ready)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Budget', 'Document', 'Participants', 'Préparation', 'Plan', 'Priorités', 'Suivi', 'Complémentarité', 'Montage financier'])
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: sheet.name === 'Budget' ? 3 : 1 })
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 })
    }
  })

  it('reads every amount back to the cent, with totals as formulas carrying their values', async () => {
    const sheet = (await load(await ready)).getWorksheet('Budget')!
    const rows: Array<{ label: string; values: ExcelJS.CellValue[] }> = []
    sheet.eachRow((row) => rows.push({ label: String(row.getCell(2).value ?? row.getCell(3).value ?? ''), values: [4, 5, 6, 7].map((column) => row.getCell(column).value) }))
    const byPlace = (place: string) => sheet.getRows(1, sheet.rowCount)!.find((row) => row.getCell(3).value === place)!
    expect(cents(byPlace('Axe 1, objectif 1').getCell(4).value)).toBe(500_000)
    expect(cents(byPlace('Axe 2, objectif 1').getCell(4).value)).toBe(1_750_000)
    expect(cents(byPlace('Axe 3, objectif 1').getCell(4).value)).toBe(1_050_000)
    expect(byPlace('Axe 1, objectif 1').getCell(5).value).toBeNull()
    expect(cents(byPlace('Axe 4, objectif 3').getCell(6).value)).toBe(13_549_300)
    expect(byPlace('Axe 4, objectif 2').getCell(6).value).toBe(0)
    const subtotal = rows.find((row) => row.label === 'Sous-total ligne 12')!
    expect(subtotal.values[0]).toEqual({ formula: 'SUM(D5:D7)', result: 33_000 })
    const total = rows.find((row) => row.label === 'Total')!
    expect((total.values[3] as { formula: string }).formula).toMatch(/^G\d+\+G\d+\+G\d+$/)
    expect(cents(total.values[3]!)).toBe(3_300_000 + 13_549_300)
    expect(sheet.getRow(5).getCell(4).numFmt).toMatch(/^#,##0\.00\\? "\$"$/)
  })

  it('puts the plan table on the Plan sheet, one line per action, the ids in hidden columns', async () => {
    const sheet = (await load(await ready)).getWorksheet('Plan')!
    const column = (header: string) => Array.from(sheet.getRow(1).values as unknown[], String).indexOf(header)
    const lines = sheet.getRows(2, sheet.rowCount - 1)!
    const governance = lines.find((row) => String(row.getCell(column('Objectifs')).value ?? '').startsWith('1. Déterminer une structure de gouvernance'))!
    expect(String(governance.getCell(1).value)).toMatch(/^4\. Maintenir le lieu de concertation/)
    const schedules = lines.map((row) => String(row.getCell(column('Échéancier')).value ?? ''))
    expect(schedules.some((text) => text.includes('[An 7]') && text.includes('3. Priorisation des actions'))).toBe(true)
    expect(lines.some((row) => String(row.getCell(column('Budget')).value ?? '').includes('Voir onglet Budget ligne 13'))).toBe(true)
    for (const hidden of ['level-1-id', 'level-2-id', 'row-id', 'level-3-id']) expect(sheet.getColumn(column(hidden)).hidden, hidden).toBe(true)
    expect(governance.getCell(column('level-2-id')).value).toBe(plan.axes[3]!.objectives[0]!.id)
  })

  it('gives the same bytes for the same plan and clock', async () => {
    expect(Buffer.compare(Buffer.from(await ready), Buffer.from(await planXlsx(plan, context(plan))))).toBe(0)
  })
})

describe('the XLSX of a plan with its montage financier', () => {
  it('lays out the montage lines × fiscal years', async () => {
    const plan = seeds.crevale2026()
    plan.financialPlan = {
      fiscalYears: ['2026-2027', '2027-2028'],
      lines: [{ line: 12, label: "Déploiement d'actions", amounts: [{ fiscalYear: '2026-2027', cents: 3_300_001 }, { fiscalYear: '2027-2028', cents: 3_000_000 }] }],
      sources: [],
      inKind: [],
    }
    const sheet = (await load(await planXlsx(plan, context(plan)))).getWorksheet('Budget')!
    expect(sheet.getRow(3).values).toEqual([undefined, 'Ligne', 'Libellé', 'Provenance', '2026-2027', '2027-2028', 'Total'])
    expect(cents(sheet.getRow(5).getCell(4).value)).toBe(3_300_001)
    expect(cents(sheet.getRow(5).getCell(6).value)).toBe(6_300_001)
    // The montage is also on the form's own sheet, amounts as numbers in the money format, so Excel adds them up.
    const form = (await load(await planXlsx(plan, context(plan)))).getWorksheet('Montage financier')!
    expect(form.getRow(4).values).toEqual([undefined, 'Ligne budgétaire', 12, "Déploiement d'actions", undefined, '2026-2027', 33_000.01])
    expect(form.getRow(4).getCell(6).numFmt).toContain('#,##0.00')
  })
})

describe('a list item with a lead in a cell', () => {
  it.each([
    ['fr-CA', '1. Rencontre 1\u00a0: Rappels'],
    ['en-CA', '1. Rencontre 1: Rappels'],
  ] as const)('takes the colon of its locale (%s)', (locale, expected) => {
    expect(cellText([{ type: 'list', ordered: true, items: [{ lead: 'Rencontre 1', text: 'Rappels' }] }], wordsOf({ locale }).colon)).toBe(expected)
  })
})

describe('the Plan sheet', () => {
  it('sets each row tall enough for its wrapped cells', async () => {
    const plan = seeds.crevale2026()
    const sheet = (await load(await planXlsx(plan, context(plan)))).getWorksheet('Plan')!
    for (let number = 2; number <= sheet.rowCount; number++) {
      const row = sheet.getRow(number)
      const longest = Math.max(...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((column) => String(row.getCell(column).value ?? '').split('\n').length))
      expect(row.height, `row ${number}`).toBeGreaterThanOrEqual(Math.min(409, longest * 15))
    }
    expect(sheet.getRow(1).height).toBeGreaterThan(15)
  })

  it('includes the axis descriptions (the service offer’s volets)', async () => {
    const plan = seeds.crevaleServiceOffer()
    const workbook = await load(await planXlsx(plan, context(plan)))
    // The offer's form has no budget column: no Budget sheet.
    expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain('Budget')
    const sheet = workbook.getWorksheet('Plan')!
    const column = Array.from(sheet.getRow(1).values as unknown[], String).indexOf('Description — Volet')
    const written = sheet.getColumn(column).values.map((value) => String(value ?? '')).join('\n')
    for (const axis of plan.axes) {
      const text = (axis.description ?? []).map((block) => ('text' in block ? block.text : '')).join(' ').slice(0, 40)
      if (text) expect(written).toContain(text)
    }
    expect(written).toContain('Rassembler des partenaires')
  })
})

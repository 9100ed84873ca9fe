import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  builtinProfiles, DOCUMENT_FIELDS, findProfile, lanaudiere2026, loadProfileText, localize, type OrganisationList, type PlanDocument, preparePlan, type Profile, resolvePointer,
  SHEET_NAMES,
} from '@demarche/domain'
import { profileOf as resolvedProfile } from '@demarche/domain/testing'
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

/** The Littoral region's profile and plan (docs/examples/littoral/), prepared as the CLI prepares them. */
async function littoral(): Promise<{ profile: Profile; plan: PlanDocument }> {
  const folder = new URL('../../../../docs/examples/littoral/', import.meta.url)
  const loaded = loadProfileText(await readFile(new URL('littoral.profile.json', folder), 'utf8'), 'littoral.profile.json')
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
  return { profile: loaded.profile, plan: preparePlan(JSON.parse(await readFile(new URL('plan.json', folder), 'utf8')), loaded.profile) as PlanDocument }
}

/** The 1-based column of a sheet whose heading is `header`. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const column = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? '')).indexOf(header)
  if (column < 1) throw new Error(`no column « ${header} » on ${sheet.name}`)
  return column
}

describe('a plan of another shape comes back from its own XLSX', () => {
  it('the Littoral region (docs/examples/littoral/): objectives without axes, in both languages', async () => {
    const { profile, plan } = await littoral()
    expect(plan.axes).toEqual([])
    expect(plan.objectives!.flatMap((objective) => objective.rows).filter((row) => row.heading).length).toBeGreaterThan(1)
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

describe('the Document sheet in the profile’s words', () => {
  const profile = resolvedProfile({
    id: 'table-littoral',
    version: 1,
    extends: 'lanaudiere-2026@1',
    terms: { group: { fr: 'Comité', en: 'Committee' }, fiduciaryField: { fr: 'Organisme porteur du comité', en: 'Committee’s lead organisation' } },
  })
  const plan = () => ({ ...examplePlans.crevale2026(), profile: { id: profile.id, version: profile.version } })
  const fields = async (bytes: Uint8Array) => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Document')!
    return sheet.getColumn(1).values.slice(2).map(String)
  }

  for (const locale of ['fr-CA', 'en-CA'] as const)
    it(`names the group’s fields in the profile’s words and reads them back, and the toolkit’s too (${locale})`, async () => {
      const bytes = await planXlsx(plan(), createContext(plan(), { clock, locale, profile }))
      const [group, fiduciary] = locale === 'fr-CA' ? ['Comité', 'Organisme porteur du comité'] : ['Committee', 'Committee’s lead organisation']
      const written = await fields(bytes)
      expect(written).toContain(group)
      expect(written).toContain(fiduciary)
      expect(written).not.toContain('Chantier')
      const { plan: imported, report } = await importPlan(bytes, { profile })
      expect(report.issues.filter((found) => found.code === 'unknown-field')).toEqual([])
      expect(imported!.metadata.chantier).toEqual(plan().metadata.chantier)
      // A workbook written before the profile had words of its own: the toolkit's names still read.
      const older = await edited(bytes, (workbook) => {
        const sheet = workbook.getWorksheet('Document')!
        sheet.getColumn(1).eachCell((cell) => {
          if (cell.value === group) cell.value = 'Chantier'
          if (cell.value === fiduciary) cell.value = locale === 'fr-CA' ? 'Fiduciaire du chantier' : 'Chantier’s fiduciary'
        })
      })
      const again = await importPlan(older, { profile })
      expect(again.report.issues.filter((found) => found.code === 'unknown-field')).toEqual([])
      expect(again.plan!.metadata.chantier).toEqual(plan().metadata.chantier)
    })
})

describe('the period as written, the sub-headings and the notes on the workbook', () => {
  it('are where a person edits them, in the profile’s words, in both languages', async () => {
    const { profile, plan } = await littoral()
    for (const [locale, language] of [['fr-CA', 'fr'], ['en-CA', 'en']] as const) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load((await planXlsx(plan, createContext(plan, { clock, locale, profile }))) as unknown as ArrayBuffer)
      const document = workbook.getWorksheet(SHEET_NAMES[language].document)!
      const fields = Array.from({ length: document.rowCount }, (_, n) => [String(document.getCell(n + 1, 1).value ?? ''), String(document.getCell(n + 1, 2).value ?? '')])
      expect(fields).toContainEqual([DOCUMENT_FIELDS.periodRaw[language], '2008-2012'])
      // The years' fields say which calendar year is 1, not Lanaudière's « (An) ».
      expect(fields).toContainEqual([language === 'fr' ? 'Première année (1 = 2008)' : 'First year (1 = 2008)', '1'])
      expect(fields).toContainEqual([language === 'fr' ? 'Dernière année (1 = 2008)' : 'Last year (1 = 2008)', '5'])
      const sheet = workbook.getWorksheet(SHEET_NAMES[language].plan)!
      const headers = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? '')).slice(1, 4)
      expect(headers).toEqual(language === 'fr' ? ['Orientations', 'Sous-titre — Orientation', 'Gestes'] : ['Directions', 'Sub-heading — Direction', 'Steps'])
      // The sub-heading on the first line of the actions it heads, visible.
      expect([2, 3, 4].map((row) => sheet.getCell(row, 2).value ?? '')).toEqual(['Dans les services de garde', '', 'Avec les familles'])
      expect(sheet.getColumn(2).hidden).toBe(false)
      const notes = workbook.getWorksheet(SHEET_NAMES[language].notes)!
      expect(Array.from(notes.getRow(1).values as unknown[]).slice(1, 4)).toEqual(language === 'fr' ? ['Renvoi', 'Se rapporte à (cellule, p. ex. Plan!C3)', 'Texte'] : ['Marker', 'Refers to (cell, e.g. Plan!C3)', 'Text'])
      // Each note names the cell it refers to: the results of the first row, the title of the second orientation; the closing remark none.
      const results = columnOf(sheet, localize(profile.columns.results.label, language))
      expect([2, 3, 4].map((row) => [notes.getCell(row, 1).value ?? '', notes.getCell(row, 2).value ?? '', notes.getCell(row, 3).value])).toEqual([
        ['', `${SHEET_NAMES[language].plan}!${sheet.getColumn(results).letter}2`, plan.notes![0]!.text],
        ['*', `${SHEET_NAMES[language].plan}!A5`, plan.notes![1]!.text],
        ['', '', plan.notes![2]!.text],
      ])
      expect(sheet.getCell(`${sheet.getColumn(results).letter}2`).value).toBe(plan.objectives![0]!.rows[0]!.results![0]!.text)
      expect(sheet.getCell('A5').value).toBe(plan.objectives![1]!.title)
    }
  })

  it('a note on one text of a cell refers to the cell, and keeps its exact place in a hidden column', async () => {
    const { profile, plan } = await littoral()
    plan.notes!.splice(2, 0, { id: 'no-second-result', at: '/objectives/1/rows/0/actions/0/text', text: 'Sur le geste lui-même.' }, { id: 'no-one-result', at: '/objectives/0/rows/0/results/0/text', marker: '2', text: 'Sur un seul changement.' })
    const bytes = await planXlsx(plan, createContext(plan, { clock, profile }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const notes = workbook.getWorksheet('Notes')!
    const at = columnOf(notes, 'at')
    expect(notes.getColumn(at).hidden).toBe(true)
    // The action's text is what its cell stands for: no hidden pointer; one result of a cell of results needs one.
    expect([2, 3, 4, 5].map((row) => notes.getCell(row, at).value ?? '')).toEqual(['', '', '', '/objectives/0/rows/0/results/0/text'])
    const { plan: imported, report } = await importPlan(bytes, { profile })
    expect(report.issues.filter((found) => found.severity !== 'info')).toEqual([])
    expect(imported).toEqual(plan)
  })

  it('an empty section the plan keeps though its profile marks it absent has a hidden sheet, and comes back', async () => {
    const plan = examplePlans.crevaleServiceOffer()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await rendered(plan)) as unknown as ArrayBuffer)
    expect(workbook.worksheets.filter((sheet) => sheet.state === 'hidden').map((sheet) => sheet.name)).toEqual(['Participants', 'Préparation', 'Priorités', 'Suivi', 'Complémentarité'])
    expect(plan.participants).toEqual({ entries: [] })
  })

  it('an older workbook, with no sub-heading column, no Notes sheet and no period as written, still imports', async () => {
    const { profile, plan } = await littoral()
    const bytes = await edited(await planXlsx(plan, createContext(plan, { clock, profile })), (workbook) => {
      const sheet = workbook.getWorksheet('Plan')!
      sheet.spliceColumns(columnOf(sheet, 'Sous-titre — Orientation'), 1)
      workbook.removeWorksheet(workbook.getWorksheet('Notes')!.id)
      const document = workbook.getWorksheet('Document')!
      const row = Array.from({ length: document.rowCount }, (_, n) => n + 1).find((n) => document.getCell(n, 1).value === DOCUMENT_FIELDS.periodRaw.fr)!
      document.spliceRows(row, 1)
    })
    const { plan: imported, report } = await importPlan(bytes, { profile })
    expect(report.issues.filter((found) => found.severity !== 'info')).toEqual([])
    expect(report.unplaced).toEqual([])
    const expected = structuredClone(plan)
    delete expected.notes
    delete expected.metadata.period!.raw
    for (const row of expected.objectives!.flatMap((objective) => objective.rows)) delete row.heading
    expect(imported).toEqual(expected)
  })

  it('a blank form filled by a person with a period, a sub-heading and notes imports them', async () => {
    const { profile } = await littoral()
    const { blankFormXlsx } = await import('../template-xlsx.js')
    const bytes = await edited(await blankFormXlsx(profile, { clock }), (workbook) => {
      const document = workbook.getWorksheet('Document')!
      const field = (label: string) => Array.from({ length: document.rowCount }, (_, n) => n + 1).find((n) => document.getCell(n, 1).value === label)!
      document.getCell(field(DOCUMENT_FIELDS.title.fr), 2).value = 'Plan d’action 2013-2015'
      // The person writes the period as the region does, and no year « An ».
      document.getCell(field(DOCUMENT_FIELDS.periodRaw.fr), 2).value = '2013-2015'
      const sheet = workbook.getWorksheet('Plan')!
      const cell = (row: number, header: string) => sheet.getCell(row, columnOf(sheet, header))
      cell(2, 'Orientations').value = 'Lire en famille'
      cell(2, 'Sous-titre — Orientation').value = 'À la bibliothèque'
      cell(2, 'Gestes').value = 'Ouvrir le samedi matin.'
      cell(2, 'Changements visés').value = 'Plus de familles à la bibliothèque.'
      cell(3, 'Orientations').value = 'Lire en famille'
      cell(3, 'Gestes').value = 'Prêter des jeux.'
      cell(4, 'Orientations').value = 'Lire en famille'
      cell(4, 'Sous-titre — Orientation').value = 'À la maison'
      cell(4, 'Gestes').value = 'Remettre un livre par enfant.'
      const notes = workbook.getWorksheet('Notes')!
      // A note on the action of row 3, one on the sub-heading of row 4 (the reference as Excel writes it), a closing remark, and one that names no cell.
      notes.addRow(['1', `Plan!${sheet.getColumn(columnOf(sheet, 'Gestes')).letter}3`, 'Des jeux de société choisis avec les familles.'])
      notes.addRow(['', `='Plan'!$B$4`, 'Le groupe « À la maison » suit les familles inscrites.'])
      notes.addRow(['', '', 'Pour joindre la Table : 418 555-0100.'])
      notes.addRow(['', 'Plan!Z99', 'Une note mal placée.'])
    })
    const { plan: imported, report } = await importPlan(bytes, { profile })
    expect(report.failed).toBe(false)
    expect(imported!.metadata.period).toEqual({ raw: '2013-2015', firstYear: 6, lastYear: 8 })
    const [objective] = imported!.objectives!
    expect(objective!.rows.map((row) => [row.heading, row.actions.map((action) => action.text)])).toEqual([
      ['À la bibliothèque', ['Ouvrir le samedi matin.', 'Prêter des jeux.']],
      ['À la maison', ['Remettre un livre par enfant.']],
    ])
    expect(imported!.notes!.map(({ id, ...note }) => note)).toEqual([
      { at: '/objectives/0/rows/0/actions/1/text', marker: '1', text: 'Des jeux de société choisis avec les familles.' },
      { at: '/objectives/0/rows/1/heading', text: 'Le groupe « À la maison » suit les familles inscrites.' },
      { text: 'Pour joindre la Table : 418 555-0100.' },
      { text: 'Une note mal placée.' },
    ])
    expect(report.issues.filter((found) => found.severity !== 'info').map((found) => [found.code, found.place])).toEqual([['note-place-unknown', { sheet: 'Notes', cell: 'B5' }]])
    expect(report.unplaced).toEqual([{ place: { sheet: 'Notes', cell: 'B5' }, text: 'Plan!Z99' }])
    // Absent sections stay absent: the blank form has no sheet for them.
    expect(Object.keys(imported!).filter((key) => ['participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses'].includes(key))).toEqual([])
  })
})

/** LibreOffice Calc, or a visible skip (a failure when DEMARCHE_REQUIRE_TOOLS is set, as in CI). */
function hasCalc(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    if (existsSync('/usr/lib/libreoffice/program/libsclo.so')) return true
  } catch {
    // reported below
  }
  if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error('LibreOffice Calc is required (DEMARCHE_REQUIRE_TOOLS is set) but is not installed')
  console.warn('\n⚠ LibreOffice Calc is not installed: the XLSX re-saved by LibreOffice is not tested.\n')
  return false
}

describe.runIf(hasCalc())('the Littoral workbook re-saved by LibreOffice Calc', () => {
  it('comes back as the same plan, in both languages', async () => {
    const { profile, plan } = await littoral()
    const folder = mkdtempSync(join(tmpdir(), 'demarche-calc-'))
    try {
      for (const locale of ['fr-CA', 'en-CA'] as const) writeFileSync(join(folder, `${locale}.xlsx`), await planXlsx(plan, createContext(plan, { clock, locale, profile })))
      // One run, in a profile of its own (tests run in parallel), re-saves both as XLSX.
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', join(folder, 'out'), 'fr-CA.xlsx', 'en-CA.xlsx'], { cwd: folder, encoding: 'utf8', timeout: 120_000 })
      for (const locale of ['fr-CA', 'en-CA'] as const) {
        const file = join(folder, 'out', `${locale}.xlsx`)
        if (!existsSync(file)) throw new Error(`LibreOffice did not re-save ${locale}.xlsx: ${run.stdout}${run.stderr}`)
        const { plan: imported, report } = await importPlan(new Uint8Array(readFileSync(file)), { profile })
        expect(report.issues.filter((found) => found.severity !== 'info'), locale).toEqual([])
        expect(report.unplaced, locale).toEqual([])
        expect(imported, locale).toEqual(plan)
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 150_000)
})

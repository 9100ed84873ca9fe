import { builtinProfiles, COLUMN_KEYS, FORM_WORDS, generic, lanaudiere2026, localize, type Profile } from '@demarche/domain'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect.js'
import { blankFormXlsx, FORM_ROWS, formIntro, SHEET_NAMES } from './template-xlsx.js'

const clock = () => new Date('2026-11-23T12:00:00Z')

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

function validations(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation> {
  return (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model
}

describe('the blank XLSX form', () => {
  it('is the same bytes for the same profile and clock, and is detected as XLSX', async () => {
    const first = await blankFormXlsx(lanaudiere2026, { clock })
    expect(Buffer.from(await blankFormXlsx(lanaudiere2026, { clock })).equals(Buffer.from(first))).toBe(true)
    expect(detectFormat(first)).toEqual({ format: 'xlsx', issues: [] })
  })

  for (const profile of builtinProfiles)
    for (const language of ['fr', 'en'] as const)
      it(`of ${profile.id} (${language}) has the profile's headings, sheets for its sections and validation with input messages`, async () => {
        const workbook = await load(await blankFormXlsx(profile, { clock, language }))
        const names = SHEET_NAMES[language]
        const plan = workbook.getWorksheet(names.plan)!
        const headers = (plan.getRow(1).values as unknown[]).slice(1).map(String)
        for (const key of COLUMN_KEYS) {
          const label = localize(profile.columns[key].label, language)
          if (profile.columns[key].presence === 'absent') expect(headers).not.toContain(label)
          else expect(headers).toContain(label)
        }
        expect(workbook.getWorksheet(names.lists)!.state).toBe('hidden')
        expect(workbook.getWorksheet(names.participants) !== undefined).toBe(profile.sections.participants.presence !== 'absent')
        // Every prompt of a present section is on the Instructions sheet.
        const instructions = workbook.getWorksheet(names.instructions)!
        const written = new Set<string>()
        instructions.eachRow((row) => row.eachCell((cell) => written.add(String(cell.value))))
        for (const section of Object.values(profile.sections)) if (section.presence !== 'absent' && section.prompt) expect(written).toContain(localize(section.prompt, language))
        // And how to write a sub-heading and a note, each beside the name it has on the form.
        const help = [...Array(instructions.rowCount).keys()].map((n) => [String(instructions.getCell(n + 1, 1).value ?? ''), String(instructions.getCell(n + 1, 2).value ?? '')])
        const subHeading = Array.from(plan.getRow(1).values as unknown[], (value) => String(value ?? '')).find((header) => header.startsWith(FORM_WORDS[language].rowHeading))!
        expect(help).toEqual(expect.arrayContaining([[subHeading, FORM_WORDS[language].rowHeadingHelp], [names.notes, FORM_WORDS[language].notesHelp]]))
        expect(workbook.getWorksheet(names.notes)!.getRow(1).values).toEqual([undefined, FORM_WORDS[language].noteMarker, FORM_WORDS[language].noteAt, FORM_WORDS[language].text, 'id', 'at'])
        const rules = validations(plan)
        const responsible = headers.indexOf(localize(profile.columns.responsible.label, language))
        if (responsible >= 0 && profile.sections.participants.presence !== 'absent') {
          const letter = plan.getColumn(responsible + 1).letter
          const rule = Object.entries(rules).find(([range]) => range.startsWith(`${letter}2`))
          expect(rule?.[1]).toMatchObject({ type: 'list', showInputMessage: true, errorStyle: 'warning' })
          expect(rule?.[1].formulae[0]).toContain(`$A$${FORM_ROWS + 1}`)
          expect(rule?.[1].prompt).toMatch(language === 'fr' ? /Participants/ : /Participants/)
        }
        for (const sheet of workbook.worksheets.filter((candidate) => candidate.state !== 'hidden')) {
          for (const column of sheet.columns ?? []) expect(column.width ?? 0).toBeGreaterThanOrEqual(6)
          expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 })
        }
      })

  it('lists the transversal priorities and offers them (and only them) on the priorities sheet', async () => {
    const workbook = await load(await blankFormXlsx(lanaudiere2026, { clock }))
    const sheet = workbook.getWorksheet(SHEET_NAMES.fr.priorities)!
    const priorities = lanaudiere2026.transversalPriorities.map((entry) => entry.label.fr)
    expect(priorities.length).toBeGreaterThan(0)
    expect(priorities.map((_, index) => sheet.getCell(index + 2, 1).value)).toEqual(priorities)
    const rule = Object.values(validations(sheet))[0]
    expect(rule).toMatchObject({ type: 'list', errorStyle: 'stop', showInputMessage: true })
    const lists = workbook.getWorksheet(SHEET_NAMES.fr.lists)!
    const [sheetName, range] = rule!.formulae[0]!.split('!')
    expect(sheetName).toBe(`'${SHEET_NAMES.fr.lists}'`)
    const column = range!.match(/\$([A-Z])\$1/)![1]!
    expect(priorities.map((_, index) => lists.getCell(`${column}${index + 1}`).value)).toEqual(priorities)
  })

  it('opens in LibreOffice Calc with its sheets', async () => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    } catch {
      if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error('soffice is required')
      console.warn('⚠ soffice is not installed: skipped')
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'form-'))
    writeFileSync(join(dir, 'form.xlsx'), await blankFormXlsx(lanaudiere2026, { clock }))
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, join(dir, 'form.xlsx')], { stdio: 'ignore', timeout: 120_000 })
    const plan = readFileSync(join(dir, `form-${SHEET_NAMES.fr.plan}.csv`), 'utf8')
    rmSync(dir, { recursive: true, force: true })
    expect(plan).toContain(lanaudiere2026.columns.responsible.label.fr)
  }, 150_000)
})

describe('the blank form’s instructions speak the profile’s words', () => {
  it('reads as it always has for Lanaudière’s form, in both languages', () => {
    for (const language of ['fr', 'en'] as const) expect(formIntro(lanaudiere2026, language)).toBe(FORM_WORDS[language].intro)
  })

  it('names only the levels, schedule column and years of a form without axes, in calendar years', () => {
    const flat: Profile = {
      ...generic,
      levels: { ...generic.levels, axis: { ...generic.levels.axis, presence: 'absent' }, objective: { ...generic.levels.objective, short: { fr: 'orientation', en: 'direction' }, grammar: { gender: 'feminine' } } },
      columns: { ...generic.columns, schedule: { ...generic.columns.schedule, label: { fr: 'Horizon', en: 'Horizon' } } },
      yearScheme: { notation: 'calendar-year', originYear: 2007, startMonth: 1, label: { fr: '{n}', en: '{n}' } },
    }
    expect(formIntro(flat, 'fr')).toBe('Remplissez une ligne par action; répétez l’orientation sur chaque ligne. Ne renommez pas les feuilles ni les en-têtes. Horizon : une ligne [2009] ouvre un bloc d’années, « 1. » numérote une étape, « • » la marque sans numéro, « – » en retrait en liste les éléments.')
    expect(formIntro(flat, 'en')).toMatch(/^Fill one row per action; repeat the direction on every row\. .* Horizon: a line \[2009\] opens/)
  })
})

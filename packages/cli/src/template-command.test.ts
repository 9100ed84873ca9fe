import { lanaudiere2026 } from '@demarche/domain'
import { importDocx } from '@demarche/import'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { memoryIo } from './test-support.js'

function run(argv: string[]) {
  // Real file reads: the command looks for a demarche.config.json from the current folder up, as every command does.
  const captured = memoryIo()
  return main(argv, captured.io).then((code) => ({ code, err: captured.err(), files: captured.files }))
}

describe('demarche template', () => {
  it('writes the blank XLSX form of a profile, in the --locale language', async () => {
    for (const [locale, sheet] of [['fr', 'Préparation'], ['en', 'Preparation']] as const) {
      const result = await run(['template', '--profile', 'lanaudiere-2026', '--format', 'xlsx', '--locale', locale, '-o', 'form.xlsx'])
      expect(result).toMatchObject({ code: 0, err: '' })
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(result.files['form.xlsx'] as unknown as ArrayBuffer)
      expect(workbook.getWorksheet(sheet)).toBeDefined()
    }
  })

  it('writes the blank DOCX form, which the DOCX import reads back without findings of unknown text', async () => {
    const result = await run(['template', '--profile', 'lanaudiere-2026', '--format', 'docx', '-o', 'form.docx'])
    expect(result).toMatchObject({ code: 0, err: '' })
    const bytes = result.files['form.docx'] as Uint8Array
    const { report } = importDocx(bytes, { profile: lanaudiere2026 })
    expect(report).toMatchObject({ format: 'docx', failed: false, unplaced: [] })
  })

  it('exits 2 with a bilingual, located message for a missing or unknown profile, a format not offered, or no -o', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['template', '--format', 'xlsx', '-o', 'f.xlsx'], /--profile <id> est requis/],
      [['template', '--profile', 'nowhere', '--format', 'xlsx', '-o', 'f.xlsx'], /profil inconnu «\u00a0nowhere\u00a0»/],
      [['template', '--profile', 'generic', '--format', 'pdf', '-o', 'f.pdf'], /--format\u00a0: docx \| xlsx/],
      [['template', '--profile', 'generic', '--format', 'xlsx'], /-o <fichier> est requis/],
      [['template', '--profile', 'nowhere', '--format', 'xlsx', '-o', 'f.xlsx', '--locale', 'en'], /unknown profile “nowhere”/],
    ]
    for (const [argv, message] of cases) {
      const result = await run(argv)
      expect(result.code).toBe(2)
      expect(result.err).toMatch(message)
      expect(result.files).toEqual({})
    }
  })
})

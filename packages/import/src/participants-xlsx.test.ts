import { lanaudiere2026 } from '@demarche/domain'
import { profileOf } from '@demarche/domain/testing'
import { examplePlans } from '@demarche/domain/examples'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readFormParticipants } from './participants-xlsx.js'
import { blankFormXlsx, SHEET_NAMES } from './template-xlsx.js'

const clock = () => new Date('2026-11-23T12:00:00Z')
const plan = examplePlans.crevale2026()

/** The blank form filled by exceljs as a coordinator would, row by row; `edit` may spoil it. */
async function filledForm(language: 'fr' | 'en', edit: (sheet: ExcelJS.Worksheet) => void = () => undefined): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await blankFormXlsx(lanaudiere2026, { clock, language })) as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet(SHEET_NAMES[language].participants)!
  const yes = language === 'fr' ? 'Oui' : 'Yes'
  const no = language === 'fr' ? 'Non' : 'No'
  plan.participants!.entries.forEach((entry, index) => {
    const row = sheet.getRow(index + 2)
    row.getCell(1).value = entry.name
    if (entry.contacts) row.getCell(2).value = entry.contacts.raw
    row.getCell(3).value = entry.fiduciary ? yes : no
  })
  edit(sheet)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('the Participants sheet of a filled blank form', () => {
  for (const language of ['fr', 'en'] as const)
    it(`reads back every participant of the 2026-2028 plan, contacts parsed as prepare parses them (${language})`, async () => {
      const { participants, report } = await readFormParticipants(await filledForm(language), { profile: lanaudiere2026 })
      expect(report).toMatchObject({ format: 'xlsx', failed: false, issues: [], unplaced: [] })
      const pick = (entries: NonNullable<typeof plan.participants>["entries"]) => entries.map(({ name, fiduciary, contacts }) => ({ name, fiduciary, contacts }))
      expect(pick(participants!.entries)).toEqual(pick(plan.participants!.entries))
      expect(participants!.entries.some((entry) => entry.fiduciary)).toBe(true)
    })

  it('locates a fiduciary cell that is not yes/no, a duplicate, a row without a name and a renamed heading', async () => {
    const count = plan.participants!.entries.length
    const bytes = await filledForm('fr', (sheet) => {
      sheet.getCell('C3').value = 'peut-être'
      sheet.getCell(`A${count + 2}`).value = plan.participants!.entries[0]!.name.toUpperCase()
      sheet.getCell(`B${count + 3}`).value = 'Jeanne Untel'
      sheet.getCell('B1').value = 'Contacts'
    })
    const { participants, report } = await readFormParticipants(bytes, { profile: lanaudiere2026 })
    expect(report.failed).toBe(false)
    expect(report.issues.map((problem) => [problem.code, problem.place.cell, problem.pointer])).toEqual([
      ['unexpected-heading', 'B1', undefined],
      ['fiduciary-not-yes-no', 'C3', '/participants/entries/1/fiduciary'],
      ['duplicate-participant', `A${count + 2}`, `/participants/entries/${count}/name`],
      ['participant-without-name', `A${count + 3}`, undefined],
    ])
    expect(report.issues[1]!.message.fr).toBe('«\u00a0peut-être\u00a0» n’est ni «\u00a0Oui\u00a0» ni «\u00a0Non\u00a0»\u00a0: l’organisme est importé comme non fiduciaire.')
    expect(report.unplaced).toEqual([{ place: { sheet: 'Participants', cell: `B${count + 3}` }, text: 'Jeanne Untel' }])
    expect(participants!.entries).toHaveLength(count + 1)
  })

  it('heads the contacts and fiduciary columns in the profile’s words, and still reads the toolkit’s former headings', async () => {
    const profile = profileOf({ id: 'comite', version: 1, extends: 'lanaudiere-2026@1', terms: { contacts: { fr: 'Personnes à joindre', en: 'People to reach' }, fiduciaryMark: { fr: 'porteur', en: 'lead' } } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await blankFormXlsx(profile, { clock, language: 'fr' })) as unknown as ArrayBuffer)
    const headings = workbook.getWorksheet(SHEET_NAMES.fr.participants)!.getRow(1).values as unknown[]
    expect(headings.slice(1, 4)).toEqual(['Organisme', 'Personnes à joindre', 'Porteur'])
    // A Lanaudière form made before the headings were the profile's words.
    const older = await filledForm('fr', (sheet) => {
      sheet.getCell('B1').value = 'Personne(s) contact'
      sheet.getCell('C1').value = 'Fiduciaire'
    })
    const { participants, report } = await readFormParticipants(older, { profile: lanaudiere2026 })
    expect(report.issues).toEqual([])
    expect(participants!.entries.filter((entry) => entry.fiduciary).map((entry) => entry.name)).toEqual(plan.participants!.entries.filter((entry) => entry.fiduciary).map((entry) => entry.name))
  })

  it('fails with a located report, never a throw, on a file that is not a workbook', async () => {
    const { participants, report } = await readFormParticipants(new TextEncoder().encode('not a zip'))
    expect(participants).toBeUndefined()
    expect(report).toMatchObject({ format: 'unknown', failed: true })
    expect(report.issues.map((problem) => problem.code)).toEqual(['not-an-office-file'])
  })
})

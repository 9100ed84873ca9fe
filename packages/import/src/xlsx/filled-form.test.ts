import { builtinProfiles, findProfile, formSheets, lanaudiere2026, localize, type PlanDocument } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { importPlan } from '../plan-import.js'
import { blankFormXlsx } from '../template-xlsx.js'

const clock = () => new Date('2026-11-23T12:00:00Z')
const profileOf = (plan: PlanDocument) => findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!

/**
 * The blank form filled with exceljs as a coordinator would: every visible cell typed under its heading,
 * no ids (the hidden columns stay empty).
 */
async function filled(plan: PlanDocument, language: 'fr' | 'en', edit: (workbook: ExcelJS.Workbook) => void = () => undefined): Promise<Uint8Array> {
  const profile = profileOf(plan)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await blankFormXlsx(profile, { clock, language })) as unknown as ArrayBuffer)
  for (const form of formSheets(profile, language, plan)) {
    const sheet = workbook.getWorksheet(form.name)
    // The blank form has no sheet for a section its profile marks absent (the service offer's empty ones).
    if (!sheet && form.rows.length === 0) continue
    if (!sheet) throw new Error(`the blank form has no sheet ${form.name}`)
    const headers = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? ''))
    // The Document sheet lists fields, one a row: each value goes on the row of its field, as a person types it.
    const fields = Array.from({ length: sheet.rowCount }, (_, n) => String(sheet.getRow(n + 1).getCell(1).value ?? ''))
    form.rows.forEach((cells, index) => {
      const line = form.key === 'document' ? fields.indexOf(cells[0]!) + 1 : index + 2
      form.columns.forEach((column, at) => {
        if (column.hidden || cells[at] === '' || (form.key === 'document' && column.key === 'field')) return
        sheet.getRow(line).getCell(headers.indexOf(column.header)).value = cells[at]!
      })
    })
  }
  edit(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/**
 * The plan with its ids left out and references to participants made by name: what a form without ids can
 * carry (the axis headings and roster cells as printed in a Word form live in hidden columns too). A section
 * the profile marks absent and the plan leaves empty has no sheet on the blank form: it is left out.
 */
function withoutIds(plan: PlanDocument): unknown {
  const names = new Map((plan.participants?.entries ?? []).map((entry) => [entry.id, entry.name]))
  const copy = structuredClone(plan)
  for (const axis of copy.axes) delete axis.heading
  for (const entry of copy.participants?.entries ?? []) delete entry.raw
  const profile = profileOf(plan)
  const empty = { participants: copy.participants?.entries.length === 0 && copy.participants.raw === undefined, preparation: copy.preparation?.steps.length === 0 && copy.preparation.intro === undefined, followUp: copy.followUp?.length === 0, complementarity: copy.complementarity?.points.length === 0 && copy.complementarity.heading === undefined, priorityResponses: copy.priorityResponses?.length === 0 }
  for (const [section, isEmpty] of Object.entries(empty) as Array<[keyof typeof empty, boolean]>) if (isEmpty && profile.sections[section].presence === 'absent') delete copy[section]
  return JSON.parse(JSON.stringify(copy, (key, value) => (key === 'id' ? undefined : key === 'participant' ? names.get(value) : value)))
}

describe('a blank form filled with exceljs', () => {
  for (const [name, make] of Object.entries(examplePlans))
    for (const language of ['fr', 'en'] as const)
      it(`imports back to the plan that filled it: ${name} (${language})`, async () => {
        const plan = make()
        const { plan: imported, report } = await importPlan(await filled(plan, language), { profile: profileOf(plan) })
        expect(report.failed).toBe(false)
        expect(report.unplaced).toEqual([])
        expect(withoutIds(imported!)).toEqual(withoutIds(plan))
        // Ids are derived from the places: the same file gives the same ids.
        const again = await importPlan(await filled(plan, language), { profile: profileOf(plan) })
        expect(again.plan).toEqual(imported)
      })

  it('resolves names written as a coordinator writes them, and names the candidates of the others', async () => {
    const plan = examplePlans.crevale2026()
    const bytes = await filled(plan, 'fr', (workbook) => {
      const sheet = workbook.getWorksheet('Plan')!
      const headers = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? ''))
      const column = (key: 'responsible' | 'partners') => headers.indexOf(localize(lanaudiere2026.columns[key].label, 'fr'))
      sheet.getRow(2).getCell(column('responsible')).value = 'crevale'
      sheet.getRow(2).getCell(column('partners')).value = 'CSS des Samares\nCarrefour jeunesse-emploi\nOrganisme inconnu'
    })
    const { plan: imported, report } = await importPlan(bytes, { profile: lanaudiere2026 })
    const row = imported!.axes[0]!.objectives[0]!.rows[0]!
    const samares = imported!.participants!.entries.find((entry) => entry.name === 'Centre de services scolaire des Samares')!
    const crevale = imported!.participants!.entries.find((entry) => entry.acronym === 'CREVALE')!
    expect(row.responsible!.value!.names[0]!.ref).toEqual({ participant: crevale.id })
    expect(row.partners!.value!.names.map((listed) => listed.ref)).toEqual([{ participant: samares.id }, undefined, undefined])
    const findings = report.issues.filter((found) => found.pointer === '/axes/0/objectives/0/rows/0/partners')
    expect(findings.map((found) => [found.code, found.place])).toEqual([
      // F: the blank form has the sub-heading column between the objectives and the actions.
      ['ambiguous-organisation', { sheet: 'Plan', cell: 'F2' }],
      ['unknown-organisation', { sheet: 'Plan', cell: 'F2' }],
    ])
    expect(findings[0]!.message.fr).toContain('Carrefour jeunesse-emploi de Montcalm')
    expect(findings[0]!.message.en).toContain('candidates')
  })
})

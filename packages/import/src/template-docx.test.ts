import { builtinProfiles, crevaleServiceOffer, findProfile, lanaudiere2021, lanaudiere2026, type PlanDocument, type Profile } from '@demarche/domain'
import { profileOf } from '@demarche/domain/testing'
import { examplePlans } from '@demarche/domain/examples'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importDocx } from './docx/import-docx.js'
import { readForm } from './docx/form-reader.js'
import { readDocx } from './docx/read-docx.js'
import { blankFormDocx } from './template-docx.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')

describe('blank DOCX form', () => {
  it('is the same bytes for the same profile and clock, in both languages', async () => {
    for (const language of ['fr', 'en'] as const) expect(await blankFormDocx(lanaudiere2026, { language, clock: CLOCK })).toEqual(await blankFormDocx(lanaudiere2026, { language, clock: CLOCK }))
  })

  it('has a heading and the question of every present section, and the profile’s column headings', async () => {
    for (const profile of builtinProfiles) {
      const read = readDocx(await blankFormDocx(profile, { clock: CLOCK }))
      if (!read.ok) throw new Error('unreadable form')
      const headings = read.content.blocks.flatMap((block) => (block.type === 'paragraph' && block.heading === 1 ? [block.text] : []))
      for (const section of Object.values(profile.sections)) if (section.presence !== 'absent') expect(headings).toContain(section.label.fr)
      // A form with no plan table (the service offer: no action level, no column) has none to head.
      const table = read.content.blocks.filter((block) => block.type === 'table').at(-1)
      const header = table?.type === 'table' ? table.rows[0]!.map((cell) => cell.blocks.map((block) => (block.type === 'paragraph' ? block.text : '')).join('')) : []
      for (const [key, column] of Object.entries(profile.columns)) if (column.presence !== 'absent') expect(header, `${profile.id} ${key}`).toContain(column.label.fr)
    }
  })

  it('lays the plan table on a landscape Letter page, no column narrower than its heading’s longest word, named by the form', async () => {
    for (const language of ['fr', 'en'] as const) {
      const parts = unzipSync(await blankFormDocx(lanaudiere2026, { language, clock: CLOCK }))
      const xml = strFromU8(parts['word/document.xml']!)
      const pages = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((match) => match[1]!)
      expect(pages).toHaveLength(2)
      expect(pages[0]).toMatch(/w:w="12240" w:h="15840"/)
      expect(pages[1]).toMatch(/w:w="15840" w:h="12240" w:orient="landscape"/)
      const planTable = xml.slice(xml.lastIndexOf('<w:tbl>'))
      const widths = [...planTable.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]))
      expect(widths.reduce((total, width) => total + width, 0)).toBeLessThanOrEqual(15840 - 2000)
      // The header row's cells, in grid order (the schedule spans Date and Steps): each is at least its longest word.
      const headings = lanaudiere2026.levels.action.presence !== 'absent' ? 2 : 1
      expect(widths.length).toBe(headings + Object.values(lanaudiere2026.columns).filter((column) => column.presence !== 'absent').length + 1)
      // « responsable(s) » / "organisation(s)": the longest word of the headings; the schedule's Date the shortest column.
      expect(widths[2]).toBeGreaterThanOrEqual(14 * 100 + 220)
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(5 * 100 + 220)
      expect(strFromU8(parts['docProps/core.xml']!)).toContain(`<dc:creator>${language === 'fr' ? lanaudiere2026.title.fr : lanaudiere2026.title.en}</dc:creator>`)
    }
  })

  it('heads the plan table only with an axis level, numbered only when the level is, and names contacts in the profile’s words', async () => {
    const text = async (profile: Profile, language: 'fr' | 'en') => {
      const read = readDocx(await blankFormDocx(profile, { language, clock: CLOCK }))
      if (!read.ok) throw new Error('unreadable form')
      return read.content.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text.trim()] : block.rows.flatMap((row) => row.map((cell) => cell.blocks.map((inner) => (inner.type === 'paragraph' ? inner.text : '')).join('')))))
    }
    // The 2026 form numbers its axes; the 2021 form's priority has no number.
    expect(await text(lanaudiere2026, 'fr')).toContain('Axe d\'intervention 1 :')
    expect(await text(lanaudiere2021, 'fr')).toContain('Priorité :')
    expect(await text(lanaudiere2021, 'en')).toContain('Priority:')
    expect(await text(lanaudiere2026, 'fr')).toContain('Personnes ressources (optionnel)')
    // What to write in the table, in each form's levels: the service offer's « volet » and services, no action level.
    expect(await text(lanaudiere2026, 'fr')).toContain('Copiez ce titre et ce tableau pour chaque axe. Une ligne par action; fusionnez verticalement la cellule de l’objectif sur toutes ses lignes.')
    // The service offer has no plan table (no action level, no column): its services are a list's items.
    expect(await text(crevaleServiceOffer, 'fr')).toContain('Copiez ce titre et cette liste pour chaque volet. Un élément de la liste par service, sa description en dessous, sans puce.')
    expect(await text(crevaleServiceOffer, 'en')).toContain('Copy this heading and this list for each service area. One list item per service, its description below it, unbulleted.')
    // A form without an axis level, its levels unnumbered, a participants section with its own word for contacts.
    const littoral = profileOf({
      id: 'littoral',
      version: 1,
      extends: 'generic@1',
      levels: {
        axis: { presence: 'absent', numbering: 'none' },
        objective: { label: { fr: 'Orientation', en: 'Direction' }, short: { fr: 'orientation', en: 'direction' }, numbering: 'none', grammar: { gender: 'feminine' } },
        action: { label: { fr: 'Gestes', en: 'Steps' }, short: { fr: 'geste', en: 'step' }, numbering: 'none', grammar: { gender: 'masculine' } },
      },
      terms: { contacts: { fr: 'Personnes à joindre', en: 'People to reach' } },
    })
    for (const language of ['fr', 'en'] as const) {
      const paragraphs = await text(littoral, language)
      expect(paragraphs.filter((paragraph) => /^(Axe|Axis)\b/.test(paragraph))).toEqual([])
      expect(paragraphs.join('\n')).not.toMatch(/\b(axe|axis|moyen|means|objectif|objective)\b/i)
      expect(paragraphs).toContain(language === 'fr' ? 'Une ligne par geste; fusionnez verticalement la cellule de l’orientation sur toutes ses lignes.' : 'One row per step; merge the cell of the direction vertically over all its rows.')
      expect(paragraphs).toContain(language === 'fr' ? 'Personnes à joindre (optionnel)' : 'People to reach (optional)')
      // Its table stands under the name of its objectives, where the import finds it.
      expect(paragraphs).toContain(language === 'fr' ? 'Orientation' : 'Direction')
      expect(importDocx(await blankFormDocx(littoral, { language, clock: CLOCK }), { profile: littoral }).report.unplaced).toEqual([])
    }
  })

  it('imports blank: no text left unplaced, no unknown column', async () => {
    const { plan, report } = importDocx(await blankFormDocx(lanaudiere2026, { clock: CLOCK }), { profile: lanaudiere2026 })
    expect(report.failed).toBe(false)
    expect(report.unplaced).toEqual([])
    // The form's instruction above the table is not read as the axis's description.
    expect(plan!.axes.flatMap((axis) => axis.description ?? [])).toEqual([])
    for (const language of ['fr', 'en'] as const) {
      const offer = importDocx(await blankFormDocx(crevaleServiceOffer, { clock: CLOCK, language }), { profile: crevaleServiceOffer })
      expect(offer.report.unplaced).toEqual([])
      expect(offer.plan!.axes.flatMap((axis) => axis.description ?? [])).toEqual([])
    }
    expect(report.issues.filter((problem) => problem.code === 'unknown-column' || problem.code === 'missing-column')).toEqual([])
    const core = strFromU8(unzipSync(await blankFormDocx(lanaudiere2026, { clock: CLOCK }))['docProps/core.xml']!)
    expect(core).toContain('2026-11-23T12:00:00Z')
  })
})

/** The 2026-2028 plan typed into the form's layout with the `docx` library, as another program would fill it. */
async function filledForm(plan: PlanDocument, profile: Profile): Promise<Uint8Array> {
  const text = (value: string, bold = false) => new Paragraph({ children: [new TextRun({ text: value, bold })] })
  const lines = (raw: string | undefined) => (raw ?? '').split('\n').map((line) => text(line))
  const cell = (children: Paragraph[], merge?: 'restart' | 'continue') => new TableCell({ children: children.length > 0 ? children : [text('')], ...(merge && { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }) })
  const section = (key: keyof Profile['sections']) => [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(profile.sections[key].label.fr)] }), ...(profile.sections[key].prompt ? [text(profile.sections[key].prompt!.fr)] : [])]
  const numbered = (items: ReadonlyArray<{ number?: number; text: string }>) => items.map((item) => text(`${item.number}. ${item.text}`))
  const header = (values: string[]) => new TableRow({ children: values.map((value) => cell([text(value, true)])) })
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plan.metadata.title)] }),
    ...section('participants'),
    new Table({ rows: [header(['Organismes', 'Personnes ressources']), ...plan.participants!.entries.map((entry) => new TableRow({ children: [cell([text(entry.name)]), cell(lines(entry.contacts?.raw))] }))] }),
    ...section('preparation'),
    ...plan.preparation!.steps.map((step) => new Paragraph({ children: [new TextRun(`${step.number}. `), new TextRun({ text: step.title!, bold: true }), new TextRun(` : ${step.text}`)] })),
    ...section('followUp'),
    ...numbered(plan.followUp!),
    ...section('complementarity'),
    ...numbered(plan.complementarity!.points),
  ]
  for (const axis of plan.axes) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Axe d'intervention ${axis.number ?? ''} : ${axis.title}`)] }))
    const rows = [
      new TableRow({ children: ['Objectifs', 'Moyens / Actions / Projets', 'Organisme(s) responsable(s)', 'Organisme(s) partenaire(s)', 'Résultats', 'Indicateurs', 'Échéancier', 'Budget'].map((value) => cell([text(value, true)])) }),
    ]
    for (const objective of axis.objectives)
      objective.rows.forEach((row, index) =>
        rows.push(
          new TableRow({
            children: [
              cell(index === 0 ? [text(`${objective.number} ${objective.title}`)] : [], objective.rows.length > 1 ? (index === 0 ? 'restart' : 'continue') : undefined),
              cell(row.actions.map((action) => text(action.label ? `${action.label} - ${action.text}` : action.text))),
              cell(lines(row.responsible?.raw)),
              cell(lines(row.partners?.raw)),
              cell((row.results ?? []).map((result) => text(`. ${result.text}`))),
              cell((row.indicators ?? []).map((indicator) => text(indicator.text))),
              cell((row.schedule ?? []).flatMap((block) => [text(block.years.raw, true), ...block.steps.map((step) => text(step.number !== undefined ? `${step.number}. ${step.text}` : step.text))])),
              cell(lines(row.budget?.raw)),
            ],
          }),
        ),
      )
    children.push(new Table({ rows }))
  }
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })))
}

/** What the form carries of a plan: its texts and raw notations, ids and parsed values aside. */
function formTexts(plan: PlanDocument) {
  return {
    participants: plan.participants!.entries.map((entry) => [entry.name, entry.contacts?.raw.replace(/\n/g, ' ')]),
    // Step kinds are not written in the form: the import infers them from the title (checked apart).
    steps: plan.preparation!.steps.map((step) => [step.number, step.title, step.text]),
    followUp: plan.followUp!.map((item) => [item.number, item.text]),
    complementarity: plan.complementarity!.points.map((item) => [item.number, item.text]),
    axes: plan.axes.map((axis) => ({
      title: axis.title,
      objectives: axis.objectives.map((objective) => ({
        number: objective.number,
        title: objective.title,
        rows: objective.rows.map((row) => ({
          actions: row.actions.map((action) => [action.label, action.text]),
          responsible: row.responsible?.raw.split(/\n/),
          results: row.results?.map((result) => result.text),
          schedule: row.schedule?.map((block) => [block.years.raw, block.steps.map((step) => [step.number, step.text])]),
          budget: row.budget?.raw,
        })),
      })),
    })),
  }
}

describe('a blank form filled by another program', () => {
  it('imports back to the plan that filled it (texts, numbers, raw notations, objectives spanning rows)', async () => {
    const plan = examplePlans.crevale2026()
    const profile = findProfile(plan.profile.id, plan.profile.version, builtinProfiles)!
    const { plan: imported, report } = importDocx(await filledForm(plan, profile), { profile })
    expect(report.failed).toBe(false)
    expect(formTexts(imported!)).toEqual(formTexts(plan))
    const kinds = imported!.preparation!.steps.map((step) => step.kind)
    expect(kinds.filter((kind, index) => kind === plan.preparation!.steps[index]!.kind).length).toBeGreaterThanOrEqual(11)
    // Names resolved against the roster, as `prepare` resolves them.
    const ref = imported!.axes[0]!.objectives[0]!.rows[0]!.responsible!.value!.names[0]!.ref as { participant: string }
    expect(imported!.participants!.entries.find((entry) => entry.id === ref.participant)).toMatchObject({ acronym: 'CREVALE' })
  })
})

describe('a roster in the profile’s words', () => {
  it('finds the contact people’s column and the fiduciary by the profile’s terms, and by the toolkit’s', async () => {
    const profile = profileOf({
      id: 'table',
      version: 1,
      extends: 'lanaudiere-2026@1',
      terms: { contacts: { fr: 'Gens à joindre', en: 'People to reach' }, fiduciaryMark: { fr: 'porteur', en: 'lead' } },
    })
    const bold = (value: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value, bold: true })] })] })
    const plain = (value: string) => new TableCell({ children: [new Paragraph(value)] })
    const roster = (heading: string, rows: Array<[string, string]>) =>
      new Document({
        sections: [{
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(profile.sections.participants.label.fr)] }),
            new Table({ rows: [new TableRow({ children: [bold('Organismes'), bold(heading)] }), ...rows.map(([name, contacts]) => new TableRow({ children: [plain(name), plain(contacts)] }))] }),
          ],
        }],
      })
    const entries = async (document: Document) => {
      const read = readDocx(new Uint8Array(await Packer.toArrayBuffer(document)))
      if (!read.ok) throw new Error('unreadable')
      return readForm(read.content, profile).plan.participants!.entries.map((entry) => [entry.name, entry.fiduciary, entry.contacts?.raw])
    }
    expect(await entries(roster('Gens à joindre', [['Ville du Littoral (porteur)', 'Ann Roy'], ['Bibliothèque (fiduciaire)', 'Luc Roy']]))).toEqual([
      ['Ville du Littoral', true, 'Ann Roy'],
      ['Bibliothèque', true, 'Luc Roy'],
    ])
    expect(await entries(roster('Personnes ressources', [['Ville du Littoral', 'Ann Roy']]))).toEqual([['Ville du Littoral', false, 'Ann Roy']])
  })
})

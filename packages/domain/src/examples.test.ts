import { describe, expect, it } from 'vitest'
import { examplePlans } from './examples.js'
import { notationsAreCurrent } from './prepare.js'
import { crevaleServiceOffer } from './profile/crevale-service-offer.js'
import { lanaudiere2021 } from './profile/lanaudiere-2021.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'
import type { Profile } from './profile/profile.js'
import { seedText } from './test-support.js'
import { validatePlan } from './validate.js'

const plan2026 = examplePlans.crevale2026()
const plan2021 = examplePlans.crevale2021()
const offer = examplePlans.crevaleServiceOffer()

describe('the seed documents as data', () => {
  it.each([
    ['2026-2028', plan2026, lanaudiere2026],
    ['2021', plan2021, lanaudiere2021],
    ['offre de service', offer, crevaleServiceOffer],
  ] as const)('%s validates against its profile, with every parsed value current', (_, plan, profile) => {
    const result = validatePlan(plan)
    expect(result.issues).toEqual([])
    expect(result.profile).toBe(profile)
    expect(notationsAreCurrent(plan, profile)).toBe(true)
  })
})

describe('seed 000: plan de travail 2026-2028', () => {
  const entries = plan2026.participants!.entries

  it('keeps every participant and contact as written', () => {
    expect(entries).toHaveLength(35)
    expect(entries[0]).toMatchObject({ name: 'Au bord des mots', contacts: { value: { names: ['Catherine Larrivière'] } } })
    const fiduciaries = entries.filter((entry) => entry.fiduciary)
    expect(fiduciaries).toHaveLength(1)
    expect(fiduciaries[0]).toMatchObject({
      name: "Comité régional pour la valorisation de l'éducation (CREVALE)",
      acronym: 'CREVALE',
      note: 'Organisme fiduciaire du Chantier',
      contacts: { raw: 'Ann-Marie Picard' },
    })
    // The seed mixes Cyrillic letters into a name: kept as written for the rules to catch.
    const table = entries.find((entry) => entry.name === 'Table des préfets de Lanaudière')
    expect(table?.contacts?.value?.names).toEqual(['Maude Pelletier', 'Anne-Marie Hé\u0442\u0443'])
    expect(entries.filter((entry) => entry.kind === 'elected-official').map((entry) => entry.name)).toEqual([
      'Préfet de la MRC de Montcalm',
      'Préfète Matawinie',
    ])
    expect(entries.flatMap((entry) => entry.contacts?.value?.names ?? [])).toHaveLength(42)
  })

  it('keeps the 14 dated preparation steps, ending with the official deposit', () => {
    const steps = plan2026.preparation!.steps
    expect(steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(steps.map((step) => step.date?.value)).toEqual([
      '2025-05-22', '2025-09-16', '2025-10-30', '2025-11-04', '2025-11-18', '2025-12-04', '2026-01-20',
      '2026-01-26', '2026-02-10', '2026-02-11', '2026-02-16', '2026-02-16', '2026-02-20', '2026-02-26',
    ])
    expect(steps.at(-1)).toMatchObject({
      kind: 'official-deposit',
      title: 'Dépôt officiel le 26 février 2026',
      text: 'dépôt du plan de travail et du montage financier par courriel à la Table des préfets de Lanaudière.',
    })
    expect(steps[12]?.kind).toBe('fiduciary-board-resolution')
    expect(plan2026.metadata.depositDate).toBe('2026-02-26')
  })

  it('keeps follow-up mechanisms, complementarity points and one response per transversal priority', () => {
    expect(plan2026.followUp!.map((item) => item.number)).toEqual([1, 2, 3, 4])
    expect(plan2026.followUp![0]?.text).toContain('(28 heures par semaine)')
    expect(plan2026.complementarity!.points).toHaveLength(6)
    expect(plan2026.complementarity!.points[1]?.text).toContain('(P2, action 1)')
    expect(plan2026.complementarity!.points[1]?.text).toContain('*Guide des pratiques communes*')
    expect(plan2026.priorityResponses!.map((response) => response.priorityId)).toEqual(
      lanaudiere2026.transversalPriorities.map((priority) => priority.id),
    )
    expect(plan2026.priorityResponses![2]?.blocks[0]).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^Le Chantier ne propose pas directement de services de proximité/),
    })
  })

  it('keeps the four axes with their objectives, means, partners, results, schedules and budgets', () => {
    expect(plan2026.axes.map((axis) => axis.number)).toEqual([undefined, 2, 3, 4])
    expect(plan2026.axes.map((axis) => axis.objectives.length)).toEqual([1, 2, 1, 4])
    const first = plan2026.axes[0]!.objectives[0]!.rows[0]!
    expect(first.actions.map((action) => action.label)).toEqual(['A', 'B'])
    expect(first.partners?.value?.names.map((name) => name.ref)).toEqual([{ partnerGroup: 'chantier-members' }, { partnerGroup: 'chantier-coordination' }])
    const knowledge = plan2026.axes[1]!.objectives[0]!.rows[0]!
    expect(knowledge.actions[0]?.content?.[1]).toMatchObject({ type: 'list', items: expect.arrayContaining([{ text: 'Everest;' }]) })
    expect(knowledge.schedule?.[0]?.steps).toHaveLength(5)
    expect(knowledge.budget?.value?.parts[1]).toMatchObject({ kind: 'amount', amount: { total: 1_750_000, fiscalYear: '2026-2027' } })
    const phase2 = plan2026.axes[1]!.objectives[1]!.rows[0]!
    expect(phase2.schedule?.map((block) => [block.years.raw, block.steps.map((step) => step.number)])).toEqual([
      ['An 6', [1, 2, 3, 4]],
      ['An 7', [5]],
    ])
    const governance = plan2026.axes[3]!
    expect(governance.objectives[2]!.rows[0]!.budget?.value?.parts[0]).toMatchObject({ amount: { total: 13_549_300, hasCurrency: false } })
    expect(governance.objectives[1]!.rows[0]!.budget?.value?.parts[0]).toMatchObject({ amount: { total: 0, hasCurrency: true } })
    expect(governance.objectives[3]!.rows[0]!.schedule?.[0]?.years.value).toEqual({ years: [6, 7, 8], mode: 'all' })
    expect(governance.objectives[3]!.rows[0]!.schedule?.[0]?.steps[0]?.items).toHaveLength(4)
    // The seed's own slip ("efficacité, efficacité") is kept for the rules to report.
    expect(governance.objectives[1]!.rows[0]!.results?.[1]?.text).toContain('(efficacité, efficacité et portée')
    const rows = plan2026.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows))
    expect(rows.flatMap((row) => row.indicators ?? [])).toEqual([])
    expect(rows.flatMap((row) => row.results ?? [])).toHaveLength(15)
  })

  it('contains every line of the seed plan table', () => {
    const table = seedText('000-plan-2026-2028').split("Axe d'intervention :")[1]
    expect(missingLines("Axe d'intervention :" + table, plan2026, lanaudiere2026)).toEqual([])
  })

  it('would notice a dropped or altered line', () => {
    const table = "Axe d'intervention :" + seedText('000-plan-2026-2028').split("Axe d'intervention :")[1]
    const altered = examplePlans.crevale2026()
    altered.axes[3]!.objectives[1]!.rows[0]!.schedule!.pop()
    altered.axes[0]!.objectives[0]!.rows[0]!.actions[1]!.text = 'Favoriser les arrimages.'
    expect(missingLines(table, altered, lanaudiere2026)).toEqual([
      'Favoriser l\'arrimages avec les concertations locales et régionales via la collaboration avec des partenaires membres et non-membres du Chantier.',
      // "An 7" is dropped too but still appears elsewhere: the check is by text, not by place.
      'Priorisation des actions ou des retombées à pérenniser en fonction des critères approuvés par les membres du Chantier et de la faisabilité de leur continuité.',
    ])
  })
})

describe('seed 001: plan de travail 2021', () => {
  const rows = plan2021.axes[0]!.objectives.flatMap((objective) => objective.rows)

  it('keeps the roster as written and each name of it', () => {
    expect(plan2021.participants!.raw).toBe(
      "Ville de L'Assomption, TCGFL, DSP, CREVALE, CRUL, UQTR, Cégep régional de Lanaudière, CS des Samares, CS des Affluents, CLDS de Joliette, MDJ du grand Joliette",
    )
    expect(plan2021.participants!.entries.map((entry) => entry.name)).toHaveLength(11)
    expect(plan2021.participants!.entries.some((entry) => entry.fiduciary)).toBe(false)
  })

  it('keeps the priority, the undated meetings and the other steps', () => {
    expect(plan2021.regionalPriority).toMatch(/de la population lanadoise\.$/)
    expect(plan2021.axes[0]?.title).toMatch(/de la population Lanaudaise\.$/)
    const steps = plan2021.preparation!.steps
    expect(steps.map((step) => step.kind)).toEqual(['meeting', 'meeting', 'meeting', 'meeting', 'survey', 'online-draft', 'budget-proposal'])
    expect(steps.every((step) => step.date === undefined)).toBe(true)
    expect(steps[3]?.text).toBe('Bonification finale du plan de travail, acceptation du plan de travail')
  })

  it('keeps objectives numbered across the plan, with their action rows and placeholders', () => {
    expect(plan2021.axes[0]!.objectives.map((objective) => [objective.number, objective.rows.length])).toEqual([
      [1, 3],
      [2, 10],
      [3, 3],
    ])
    expect(rows.filter((row) => row.actions.length === 0)).toHaveLength(3)
    expect(rows.flatMap((row) => row.schedule ?? []).map((block) => block.years.raw)).toEqual([
      '1', '1', '1 et 2', '1', '1 et 2', '1', '1 2', '2', '1 ou 2', '2', '3', '3', '4', '1', '2', '3',
    ])
    expect(rows.find((row) => row.schedule?.[0]?.years.raw === '1 ou 2')?.schedule?.[0]?.years.value).toEqual({ years: [1, 2], mode: 'any' })
    expect(rows[7]?.responsible?.value).toEqual({
      names: [{ text: 'CREVALE', ref: { participant: expect.any(String) } }, { text: 'AUTRE', placeholder: 'other' }],
      mode: 'any',
    })
    expect(rows.at(-1)?.responsible?.value?.names).toEqual([{ text: 'À déterminer', placeholder: 'to-be-determined' }])
    expect(rows.filter((row) => row.partners?.raw === '...')).toHaveLength(5)
    expect(rows.every((row) => row.budget === undefined && row.indicators === undefined)).toBe(true)
  })

  it('contains every line of the seed plan table', () => {
    const table = seedText('001-plan-2021').split('**PLAN DE TRAVAIL')[1]
    expect(missingLines('**PLAN DE TRAVAIL' + table, plan2021, lanaudiere2021)).toEqual([])
  })
})

describe('seed 003: offre de service', () => {
  it('keeps the five volets, their taglines and services', () => {
    expect(offer.axes.map((axis) => [axis.title, axis.objectives.length])).toEqual([
      ['Mobilisation', 2],
      ['Sensibilisation', 3],
      ['Accompagnement', 7],
      ['Transfert de connaissances', 1],
      ['Évaluation', 2],
    ])
    expect(offer.axes[3]?.description).toEqual([{ type: 'paragraph', text: 'Valoriser la recherche scientifique pour mieux comprendre, agir et décider.' }])
    expect(offer.axes[3]?.objectives[0]?.details).toHaveLength(4)
    expect(offer.axes.every((axis) => axis.objectives.every((objective) => objective.rows.length === 0))).toBe(true)
  })

  it('contains every line of the brochure', () => {
    expect(missingLines(seedText('003-offre-de-service'), offer, crevaleServiceOffer)).toEqual([])
  })
})

/**
 * The lines of a seed's text that do not appear in the encoded document (or, for table headings, in its
 * profile). Markup of the text export is dropped first: HTML tags, list markers, numbering, "**" and "\$".
 */
function missingLines(source: string, plan: object, profile: Profile): string[] {
  const haystack = squash([...strings(plan), ...strings(profile)].join(' '))
  const lines = source
    .replace(/<[^>]+>/g, '\n')
    .replace(/\\\$/g, '$')
    .replace(/\*\*/g, '')
    .replace(/\^\{([^}]*)\}/g, '$1')
    .split(/\n|\t|\s+(?=\d{1,2}\.\s)|\s+(?=-\s)|(?<=\S)\s+\.\s+/)
    .map((line) => squash(line.replace(/^(?:\d{1,2}\.?|[-•.n]|[A-Z] -)(?:\s+|$)/, '').replace(/-$/, '')))
    .filter((line) => line !== '' && !/^(?:\d+\.?|-+)$/.test(line))
  return lines.filter((line) => !haystack.includes(line))
}

const NOT_TEXT = new Set(['id', 'effect', 'ref', 'kind', 'type', 'priorityId', 'placeholder', 'value', 'unparsed', 'mode', 'profile'])

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const item of value) yield* strings(item)
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) if (!NOT_TEXT.has(key)) yield* strings(child)
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

describe('generatedPlan', () => {
  it('makes a valid plan of the asked number of rows, about 1.5 kB each', async () => {
    const { generatedPlan } = await import('./examples.js')
    const plan = generatedPlan(120)
    expect(validatePlan(plan).issues).toEqual([])
    expect(plan.axes.flatMap((axis) => axis.objectives.flatMap((objective) => objective.rows))).toHaveLength(120)
    expect(JSON.stringify(plan).length / 120).toBeGreaterThan(1_000)
  })
})

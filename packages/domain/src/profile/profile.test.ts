import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import type { PlanDocument } from '../plan/plan-document.js'
import { preparePlan } from '../prepare.js'
import { validatePlan } from '../validate.js'
import { walkPlan } from '../walk.js'
import { Profile } from './profile.js'
import { builtinProfiles, findProfile } from './registry.js'

const absent = (fr: string) => ({ label: { fr }, presence: 'absent' as const })

/** Another region's form, described only as data: other level names, no owners, no budget. */
const mauricie: Profile = {
  id: 'mauricie-2027',
  version: 1,
  title: { fr: 'Plan stratégique régional de la Mauricie' },
  documentType: 'work-plan',
  levels: {
    axis: { label: { fr: 'Orientation stratégique' }, short: { fr: 'Orientation' }, presence: 'required', numbering: 'plan-wide' },
    objective: { label: { fr: 'Stratégie' }, short: { fr: 'stratégie' }, presence: 'required', numbering: 'per-parent' },
    action: { label: { fr: 'Projet' }, short: { fr: 'projet' }, presence: 'required', numbering: 'none' },
  },
  columns: {
    responsible: absent('Responsable'),
    partners: absent('Partenaires'),
    results: { label: { fr: 'Cibles' }, presence: 'required' },
    indicators: { label: { fr: 'Indicateurs' }, presence: 'optional' },
    schedule: { label: { fr: 'Échéance' }, presence: 'required' },
    budget: absent('Budget'),
  },
  sections: {
    regionalPriority: absent('Priorité'),
    participants: { label: { fr: 'Membres' }, presence: 'required' },
    preparation: absent('Démarche'),
    followUp: { label: { fr: 'Suivi' }, presence: 'optional' },
    complementarity: absent('Complémentarité'),
    priorityResponses: absent('Priorités'),
    narrative: { label: { fr: 'Contexte' }, presence: 'optional' },
  },
  transversalPriorities: [],
  standardEffects: [],
  partnerGroups: [],
  preparationStepKinds: [],
  yearScheme: { originYear: 2024, startMonth: 7, label: { fr: 'Année {n}' } },
  budgetLines: [],
}

const draft = {
  schemaVersion: 1,
  id: 'mauricie-plan-2027',
  profile: { id: 'mauricie-2027', version: 1 },
  metadata: { title: 'Plan 2027', language: 'fr-CA', chantier: { name: 'Table régionale de l’éducation de la Mauricie' }, status: 'draft' },
  participants: { entries: [{ name: 'Ville de Trois-Rivières', kind: 'organisation', fiduciary: false }] },
  preparation: { steps: [] },
  followUp: [],
  complementarity: { points: [] },
  priorityResponses: [],
  axes: [
    {
      number: 1,
      title: 'Valoriser la formation professionnelle',
      objectives: [
        {
          number: 1,
          title: 'Faire connaître les métiers',
          rows: [{ actions: [{ text: 'Salon des métiers' }], results: [{ text: '500 visiteurs' }], schedule: [{ years: { raw: 'Année 3' }, steps: [] }] }],
        },
      ],
    },
  ],
} as unknown as PlanDocument

describe('a profile described purely as data', () => {
  it('is itself validated by the Profile schema, as are the built-in ones', () => {
    const check = Compile(Profile)
    for (const profile of [...builtinProfiles, mauricie]) expect(check.Check(profile)).toBe(true)
    expect(check.Check({ ...mauricie, levels: { axis: mauricie.levels.axis } })).toBe(false)
  })

  it('validates a plan of that region, with its own level names in place labels', () => {
    const plan = preparePlan(draft, mauricie)
    expect(validatePlan(plan, { profiles: [mauricie] })).toMatchObject({ ok: true, issues: [] })
    expect([...walkPlan(plan, mauricie)].map((visit) => visit.label.fr)).toEqual([
      'Orientation 1',
      'Orientation 1, stratégie 1',
      'Orientation 1, stratégie 1',
      'Orientation 1, stratégie 1',
    ])
    expect(plan.axes[0]!.objectives[0]!.rows[0]!.schedule![0]!.years.value).toEqual({ years: [3], mode: 'all' })
  })

  it('refuses owners, budgets and sections the region does not have, and requires its targets', () => {
    const plan = preparePlan(draft, mauricie)
    const row = plan.axes[0]!.objectives[0]!.rows[0]!
    row.responsible = { raw: 'CREVALE' }
    delete row.results
    plan.preparation!.steps.push({ id: 'st-1', kind: 'meeting', text: 'Rencontre' })
    const result = validatePlan(plan, { profiles: [mauricie] })
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['absent-section', '/preparation/steps'],
      ['required', '/axes/0/objectives/0/rows/0/results'],
      ['absent-column', '/axes/0/objectives/0/rows/0/responsible'],
    ])
  })

  it('is found by id and version among the profiles given', () => {
    expect(findProfile('lanaudiere-2026')?.version).toBe(1)
    expect(findProfile('mauricie-2027', 1, [mauricie])).toBe(mauricie)
    expect(findProfile('mauricie-2027')).toBeUndefined()
  })
})

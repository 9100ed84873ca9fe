import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolvePointer } from './pointer.js'
import { seedPlans } from './test-support.js'
import { validatePlan } from './validate.js'

describe('validatePlan on corrupted copies of the seeds', () => {
  it('locates each problem with a pointer and says it in French and English', () => {
    const plan = seedPlans.crevale2026() as unknown as Record<string, any>
    delete plan.participants.entries[3].name
    plan.axes[1].objectives[0].rows[0].colour = 'red'
    plan.metadata.depositDate = '2026-02-30'
    plan.preparation.steps[0].number = 'un'
    const result = validatePlan(plan)
    expect(result.ok).toBe(false)
    expect(result.issues.map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/metadata/depositDate', 'format'],
      ['/participants/entries/3/name', 'required'],
      ['/preparation/steps/0/number', 'type'],
      ['/axes/1/objectives/0/rows/0/colour', 'unknown-property'],
    ])
    expect(result.issues[1]?.message).toEqual({ fr: 'La propriété « name » est obligatoire.', en: 'Property "name" is required.' })
    for (const issue of result.issues) expect(issue.message.fr).not.toBe(issue.message.en)
  })

  it('refuses a column the profile does not have', () => {
    const plan = seedPlans.crevale2021()
    plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: '5 000 $' }
    const result = validatePlan(plan)
    expect(result.issues).toEqual([
      {
        code: 'absent-column',
        pointer: '/axes/0/objectives/0/rows/0/budget',
        message: { fr: 'La colonne « budget » n’existe pas dans le profil de ce plan.', en: 'Column "budget" does not exist in this plan\'s profile.' },
      },
    ])
  })

  it('requires the columns the profile requires', () => {
    const plan = seedPlans.crevale2026()
    delete plan.axes[2]!.objectives[0]!.rows[0]!.schedule
    expect(validatePlan(plan).issues.map((issue) => issue.pointer)).toEqual(['/axes/2/objectives/0/rows/0/schedule'])
  })

  it('reports duplicate ids, unknown vocabulary and stale parsed values', () => {
    const plan = seedPlans.crevale2026()
    const axes = plan.axes
    axes[1]!.objectives[1]!.id = axes[1]!.objectives[0]!.id
    plan.priorityResponses![0]!.priorityId = 'petite-enfance'
    axes[0]!.objectives[0]!.rows[0]!.budget!.raw = 'Total 27-28 1 000$'
    const result = validatePlan(plan)
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['duplicate-id', '/axes/1/objectives/1/id'],
      ['unknown-vocabulary', '/priorityResponses/0/priorityId'],
      ['stale-notation', '/axes/0/objectives/0/rows/0/budget'],
    ])
  })

  it('names an unknown profile', () => {
    const plan = seedPlans.crevale2026()
    plan.profile = { id: 'mauricie-2027', version: 1 }
    expect(validatePlan(plan).issues).toMatchObject([{ code: 'unknown-profile', pointer: '/profile' }])
  })

  it('never throws on any JSON value and every pointer it gives resolves up to its last segment', () => {
    const plan = seedPlans.crevale2026()
    const mutated = fc.tuple(fc.constantFrom(...allPointers(plan)), fc.jsonValue()).map(([pointer, value]) => {
      const copy = structuredClone(plan) as unknown
      setAt(copy, pointer, value)
      return copy
    })
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), (input) => {
        const result = validatePlan(input)
        for (const issue of result.issues) {
          const parent = issue.pointer.split('/').slice(0, -1).join('/')
          expect(resolvePointer(input, parent)).not.toBeUndefined()
          expect(issue.message.fr.length * issue.message.en.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 1500 },
    )
  }, 60_000)
})

function allPointers(value: unknown, base = ''): string[] {
  if (value === null || typeof value !== 'object') return [base]
  const entries = Array.isArray(value) ? value.map((child, i) => [String(i), child] as const) : Object.entries(value)
  return [base, ...entries.flatMap(([key, child]) => allPointers(child, `${base}/${key}`))].filter(Boolean)
}

function setAt(document: unknown, pointer: string, value: unknown): void {
  const segments = pointer.slice(1).split('/')
  const last = segments.pop()!
  let current = document as Record<string, unknown>
  for (const segment of segments) current = current[segment] as Record<string, unknown>
  current[last] = value
}

import { describe, expect, it } from 'vitest'
import labelsBefore from './fixtures/labels-before.json' with { type: 'json' }
import { placeNames } from './labels.js'
import type { PlanDocument } from './plan/plan-document.js'
import { resolvePointer } from './pointer.js'
import { crevaleServiceOffer } from './profile/crevale-service-offer.js'
import { lanaudiere2021 } from './profile/lanaudiere-2021.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'
import type { Profile } from './profile/profile.js'
import { seedPlans } from './test-support.js'
import { type NodeVisit, type NotationVisit, rowsOf, type TextVisit, visitPlan, walkPlan } from './walk.js'

const seeds = [
  ['crevale2026', lanaudiere2026],
  ['crevale2021', lanaudiere2021],
  ['crevaleServiceOffer', crevaleServiceOffer],
] as const

function walked(plan: PlanDocument, profile: Profile) {
  const nodes: NodeVisit[] = []
  const texts: TextVisit[] = []
  const notations: NotationVisit[] = []
  visitPlan(plan, profile, { node: (visit) => void nodes.push(visit), text: (visit) => void texts.push(visit), notation: (visit) => void notations.push(visit) })
  return { nodes, texts, notations }
}

describe('visitPlan', () => {
  it.each(seeds)('gives every node, text and notation of %s a pointer that resolves to it', (name, profile) => {
    const plan = seedPlans[name]()
    const { nodes, texts, notations } = walked(plan, profile)
    expect(nodes.length).toBeGreaterThan(0)
    for (const visit of nodes) expect(resolvePointer(plan, visit.pointer)).toBe(visit.node)
    for (const visit of texts) expect(resolvePointer(plan, visit.pointer)).toBe(visit.text)
    for (const visit of notations) {
      expect(resolvePointer(plan, visit.pointer)).toBe(visit.stored)
      expect((visit.owner as Record<string, unknown>)[visit.key]).toBe(visit.stored)
    }
  })

  it.each(seeds)('visits every id of %s once, in document order', (name, profile) => {
    const plan = seedPlans[name]()
    const ids: string[] = []
    const collect = (value: unknown, pointer: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => collect(item, `${pointer}/${index}`))
      else if (value && typeof value === 'object') {
        if (pointer !== '' && pointer !== '/profile' && typeof (value as { id?: unknown }).id === 'string') ids.push(pointer)
        for (const [key, child] of Object.entries(value)) collect(child, `${pointer}/${key}`)
      }
    }
    collect(plan, '')
    expect(walked(plan, profile).nodes.map((visit) => visit.pointer)).toEqual(ids)
  })

  it('visits texts in document order, a row before its texts', () => {
    const plan = seedPlans.crevale2026()
    const order: string[] = []
    visitPlan(plan, lanaudiere2026, { node: (visit) => void (visit.kind === 'row' && order.push(visit.pointer)), text: (visit) => void order.push(visit.pointer) })
    const row = order.indexOf('/axes/0/objectives/0/rows/0')
    expect(order[row - 1]).toBe('/axes/0/objectives/0/title')
    expect(order[row + 1]).toBe('/axes/0/objectives/0/rows/0/actions/0/text')
    expect(order.at(-1)).toBe('/axes/3/objectives/3/rows/0/budget/raw')
  })

  it('counts the table of the 2026-2028 plan', () => {
    const visits = [...walkPlan(seedPlans.crevale2026(), lanaudiere2026)]
    const count = (kind: string) => visits.filter((visit) => visit.kind === kind).length
    expect([count('axis'), count('objective'), count('row'), count('action')]).toEqual([4, 8, 8, 9])
  })
})

describe('labels', () => {
  // Captured from the labels before the walker: the rules engine's labeller for every pointer of each seed
  // plan (every value, every next index, every column of every row), and walkPlan's labels.
  it.each(seeds)('name every place of %s as before', (name, profile) => {
    const plan = seedPlans[name]()
    const before = (labelsBefore as Record<string, { labels: Record<string, unknown>; walk: unknown[] }>)[name]!
    const names = placeNames(plan, profile)
    const now = Object.fromEntries(Object.keys(before.labels).map((pointer) => [pointer, { ...names.labelOf(pointer) }]))
    expect(now).toEqual(before.labels)
    const walk = [...walkPlan(plan, profile)].map((visit) => ({ kind: visit.kind, pointer: visit.pointer, label: { ...visit.label } }))
    expect(walk).toEqual(before.walk)
  })

  it('labels a text by its place and a cell by its column', () => {
    const { texts } = walked(seedPlans.crevale2026(), lanaudiere2026)
    const budget = texts.find((visit) => visit.pointer === '/axes/1/objectives/0/rows/0/budget/raw')!
    expect(budget.label).toEqual({ fr: 'Axe 2, objectif 1 — Budget', en: 'Axis 2, objective 1 — Budget' })
    expect(texts.find((visit) => visit.pointer === '/preparation/steps/13/text')!.label.fr).toBe('Étape 14 de la préparation')
    expect(texts.find((visit) => visit.pointer === '/followUp/1/text')!.label.fr).toBe('Mécanisme de suivi 2')
  })

  it('tells rows apart when an objective has several', () => {
    const rows = rowsOf(seedPlans.crevale2021(), lanaudiere2021)
    expect(rows).toHaveLength(16)
    expect(rows[4]?.label).toEqual({ fr: 'Priorité, objectif 2, ligne 2', en: 'Priority, objective 2, row 2' })
  })

  it('numbers unnumbered objectives across the plan when the profile numbers them plan-wide', () => {
    const plan = seedPlans.crevale2026()
    for (const axis of plan.axes) for (const objective of axis.objectives) delete objective.number
    const planWide: Profile = { ...lanaudiere2026, levels: { ...lanaudiere2026.levels, objective: { ...lanaudiere2026.levels.objective, numbering: 'plan-wide' } } }
    expect(placeNames(plan, planWide).labelOf('/axes/1/objectives/1').fr).toBe('Axe 2, objectif 3')
    expect(placeNames(plan, lanaudiere2026).labelOf('/axes/1/objectives/1').fr).toBe('Axe 2, objectif 2')
  })

  it('leaves an absent level out of labels rather than inventing a number for it', () => {
    const plan = seedPlans.crevale2026()
    const noObjective: Profile = { ...lanaudiere2026, levels: { ...lanaudiere2026.levels, objective: { ...lanaudiere2026.levels.objective, presence: 'absent' } } }
    expect(placeNames(plan, noObjective).labelOf('/axes/1/objectives/1/rows/0/budget')).toEqual({ fr: 'Axe 2 — Budget', en: 'Axis 2 — Budget' })
    const noAction: Profile = { ...lanaudiere2026, levels: { ...lanaudiere2026.levels, action: { ...lanaudiere2026.levels.action, presence: 'absent' } } }
    expect(placeNames(plan, noAction).labelOf('/axes/0/objectives/0/rows/0/actions/1').fr).toBe('Axe 1, objectif 1')
  })
})

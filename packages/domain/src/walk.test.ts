import { describe, expect, it } from 'vitest'
import { resolvePointer } from './pointer.js'
import { lanaudiere2021 } from './profile/lanaudiere-2021.js'
import { lanaudiere2026 } from './profile/lanaudiere-2026.js'
import { seedPlans } from './test-support.js'
import { type RowVisit, rowsOf, walkPlan } from './walk.js'

describe('walkPlan', () => {
  const plan = seedPlans.crevale2026()
  const visits = [...walkPlan(plan, lanaudiere2026)]

  it('visits every axis, objective, row and action once, in document order', () => {
    const count = (kind: string) => visits.filter((visit) => visit.kind === kind).length
    expect([count('axis'), count('objective'), count('row'), count('action')]).toEqual([4, 8, 8, 9])
  })

  it('gives each node a pointer that resolves to it', () => {
    for (const visit of visits) expect(resolvePointer(plan, visit.pointer)).toBe(visit.node)
  })

  it('labels places as a reviewer names them, in French and English', () => {
    const actions = visits.filter((visit) => visit.kind === 'action')
    expect(actions[0]?.label).toEqual({ fr: 'Axe 1, objectif 1, action A', en: 'Axis 1, objective 1, action A' })
    expect(actions[2]?.label.fr).toBe('Axe 2, objectif 1')
    expect(visits.find((visit) => visit.kind === 'objective' && visit.axis.number === 4 && visit.objective.number === 3)?.label.fr).toBe(
      'Axe 4, objectif 3',
    )
  })

  it('tells rows apart when an objective has several', () => {
    const rows = [...rowsOf(seedPlans.crevale2021(), lanaudiere2021)]
    expect(rows).toHaveLength(16)
    expect(rows[4]?.label).toEqual({ fr: 'Priorité 1, objectif 2, ligne 2', en: 'Priority 1, objective 2, row 2' })
  })

  it('visits the same rows, pointers and labels as the full walk', () => {
    for (const [plan, profile] of [[seedPlans.crevale2021(), lanaudiere2021], [seedPlans.crevale2026(), lanaudiere2026]] as const) {
      const walked = [...walkPlan(plan, profile)].filter((visit) => visit.kind === 'row')
      const place = (visit: RowVisit) => ({ pointer: visit.pointer, label: visit.label, row: visit.row, rowIndex: visit.rowIndex })
      expect([...rowsOf(plan, profile)].map(place)).toEqual(walked.map(place))
    }
  })
})

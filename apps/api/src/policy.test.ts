import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, draftOf, testApp, type TestApp } from './test-support.js'
import type { Principal } from './plugins/auth.js'
import { may, POLICY, policyTable, readablePlans, relationOf } from './policy.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

describe(`who may do what (${DATABASE})`, () => {
  it('refuses each forbidden role on each protected operation', async () => {
    const { app, keys } = t
    const cases: Array<[string, string, string, object | undefined, number]> = [
      ['reviewer', 'POST', '/v1/plans', draftOf('by-reviewer'), 403],
      ['otherCoordinator', 'POST', '/v1/plans', draftOf('by-other'), 403],
      ['coordinator', 'POST', '/v1/plans/crevale-2026-2028/accept', {}, 403],
      ['coordinator', 'POST', '/v1/plans/crevale-2026-2028/return', { reason: 'x' }, 403],
      ['reviewer', 'POST', '/v1/plans/crevale-2021/resubmit', {}, 403],
      ['otherCoordinator', 'POST', '/v1/plans/crevale-2026-2028/comments', { pointer: '', body: 'x' }, 404],
      ['reviewer', 'GET', '/v1/api-keys', undefined, 403],
      ['coordinator', 'GET', '/v1/audit', undefined, 403],
      ['reviewer', 'POST', '/v1/chantiers', { name: 'X', programmeId: 'demarche-lanaudoise' }, 403],
      ['anonymous', 'POST', '/v1/plans/crevale-2021/evaluations', {}, 403],
      ['anonymous', 'POST', '/v1/organisations', { name: 'Nouvel organisme' }, 403],
    ]
    for (const [role, method, url, payload, status] of cases) {
      const key = (keys as Record<string, string>)[role]
      const response = await app.inject({ method: method as 'POST', url, headers: key ? bearer(key) : {}, ...(payload && { payload }) })
      expect(response.statusCode, `${role} ${method} ${url}: ${response.body.slice(0, 120)}`).toBe(status)
      expect(response.json().code).toMatch(/forbidden|not-found/)
    }
  })
})

describe('the policy', () => {
  it('is the table docs/api.md publishes', async () => {
    const docs = await readFile(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    const published = docs.slice(docs.indexOf('<!-- policy:begin -->') + '<!-- policy:begin -->'.length, docs.indexOf('<!-- policy:end -->')).trim()
    expect(published).toBe(policyTable())
  })

  it('tells the coordinator of a plan’s chantier from the others, and reads accepted plans only where the table says so', () => {
    const coordinator: Principal = { keyId: 'k', role: 'coordinator', chantierIds: ['a'] }
    const anonymous: Principal = { keyId: null, role: 'anonymous', chantierIds: [] }
    const reviewer: Principal = { keyId: 'r', role: 'reviewer', chantierIds: [] }
    expect(relationOf(coordinator, { chantierId: 'a' })).toBe('chantier-coordinator')
    expect(relationOf(coordinator, { chantierId: 'b' })).toBe('coordinator')
    expect(relationOf(coordinator)).toBe('coordinator')
    expect(may(coordinator, 'plan.read', { chantierId: 'b', status: 'deposited' })).toBe(false)
    expect(may(coordinator, 'plan.read', { chantierId: 'b', status: 'accepted' })).toBe(true)
    expect(may(coordinator, 'plan.update', { chantierId: 'a', status: 'draft' })).toBe(true)
    expect(may(coordinator, 'plan.update', { chantierId: 'b', status: 'accepted' })).toBe(false)
    expect(may(anonymous, 'plan.read', { chantierId: 'a', status: 'draft' })).toBe(false)
    expect(may(anonymous, 'plan.evaluate', { chantierId: 'a', status: 'accepted' })).toBe(false)
    // An accepted plan is public, its review trail is not; what writes to the trail is the chantier's and the reviewers'.
    expect(may(anonymous, 'plan.read-trail', { chantierId: 'a', status: 'accepted' })).toBe(false)
    expect(may(coordinator, 'plan.read-trail', { chantierId: 'b', status: 'accepted' })).toBe(false)
    expect(may(coordinator, 'plan.read-trail', { chantierId: 'a', status: 'draft' })).toBe(true)
    expect(may(coordinator, 'plan.evaluate', { chantierId: 'b', status: 'accepted' })).toBe(false)
    expect(may(reviewer, 'plan.read-trail', { chantierId: 'b', status: 'deposited' })).toBe(true)
    expect(may(coordinator, 'organisation.create')).toBe(false)
    expect(may(reviewer, 'organisation.create')).toBe(true)
    expect(may(reviewer, 'plan.accept', { chantierId: 'a', status: 'deposited' })).toBe(true)
    expect(may(reviewer, 'plan.deposit', { chantierId: 'a', status: 'draft' })).toBe(false)
    expect(readablePlans(reviewer)).toEqual({ all: true })
    expect(readablePlans(coordinator)).toEqual({ all: false, chantierIds: ['a'] })
    expect(readablePlans(anonymous)).toEqual({ all: false, chantierIds: [] })
    // The assessment: the plan's chantier reads it once the Table has answered, not while it is written.
    expect(may(coordinator, 'plan.read-assessment', { chantierId: 'a', status: 'under_review' })).toBe(false)
    expect(may(coordinator, 'plan.read-assessment', { chantierId: 'a', status: 'returned' })).toBe(true)
    expect(may(coordinator, 'plan.read-assessment', { chantierId: 'a', status: 'resubmitted' })).toBe(true)
    expect(may(coordinator, 'plan.read-assessment', { chantierId: 'b', status: 'accepted' })).toBe(false)
    expect(may(coordinator, 'plan.assess', { chantierId: 'a', status: 'under_review' })).toBe(false)
    expect(may(reviewer, 'plan.assess', { chantierId: 'a', status: 'under_review' })).toBe(true)
    // Every action has a cell for every relation, and only the reads of plans and of assessments depend on their status.
    for (const [action, row] of Object.entries(POLICY)) for (const cell of Object.values(row)) expect(cell === 'accepted' || cell === 'answered' ? action : 'ok').toMatch(/^(ok|plan\.read|plan\.read-assessment)$/)
  })
})

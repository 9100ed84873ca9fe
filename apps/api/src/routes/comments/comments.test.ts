import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, testApp, type TestApp } from '../../test-support.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
}, 60_000)
afterAll(async () => t?.close())

const url = '/v1/plans/crevale-2026-2028/comments'

describe(`comment threads (${DATABASE})`, () => {
  it('replies join the thread at its place; the thread is resolved and reopened with who and when', async () => {
    const { app, keys } = t
    const opened = await app.inject({ method: 'POST', url, headers: bearer(keys.reviewer), payload: { pointer: '/axes/3/objectives/3', body: '« An 6-7 et 8 » dépasse la période.' } })
    expect(opened.statusCode, opened.body).toBe(201)
    const thread = opened.json()
    expect(thread).toMatchObject({ replyTo: null, resolved: false, resolvedAt: null, resolvedBy: null })

    const reply = await app.inject({ method: 'POST', url, headers: bearer(keys.coordinator), payload: { replyTo: thread.id, body: 'Corrigé : An 6-7.' } })
    expect(reply.statusCode, reply.body).toBe(201)
    expect(reply.json()).toMatchObject({ replyTo: thread.id, pointer: '/axes/3/objectives/3' })
    // A reply to a reply stays in the thread of the comment that opened it.
    const second = await app.inject({ method: 'POST', url, headers: bearer(keys.reviewer), payload: { replyTo: reply.json().id, body: 'Merci.' } })
    expect(second.json()).toMatchObject({ replyTo: thread.id, pointer: '/axes/3/objectives/3' })

    const resolved = await app.inject({ method: 'POST', url: `${url}/${reply.json().id}/resolve`, headers: bearer(keys.reviewer) })
    expect(resolved.statusCode, resolved.body).toBe(200)
    expect(resolved.json()).toMatchObject({ id: thread.id, resolved: true, resolvedBy: expect.stringContaining('reviewer') })
    expect(Date.parse(resolved.json().resolvedAt)).toBeGreaterThan(Date.parse(thread.createdAt) - 1)
    const again = await app.inject({ method: 'POST', url: `${url}/${thread.id}/resolve`, headers: bearer(keys.coordinator) })
    expect(again.json()).toEqual(resolved.json())

    const reopened = await app.inject({ method: 'POST', url: `${url}/${thread.id}/reopen`, headers: bearer(keys.coordinator) })
    expect(reopened.json()).toMatchObject({ id: thread.id, resolved: false, resolvedAt: null, resolvedBy: null })

    const listed = (await app.inject({ method: 'GET', url, headers: bearer(keys.reviewer) })).json()
    expect(listed.filter((comment: { replyTo: string | null }) => comment.replyTo === thread.id)).toHaveLength(2)
    const actions = (await app.inject({ method: 'GET', url: '/v1/audit?limit=500', headers: bearer(keys.admin) })).json()
    const logged = (actions.items ?? actions).map((entry: { action: string }) => entry.action)
    expect(logged).toEqual(expect.arrayContaining(['comment.resolve', 'comment.reopen']))
  })

  it('names its place unless it replies, and replies only within the plan', async () => {
    const { app, keys } = t
    const placeless = await app.inject({ method: 'POST', url, headers: bearer(keys.reviewer), payload: { body: 'Où ?' } })
    expect(placeless.statusCode).toBe(400)
    expect(placeless.json().errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/pointer', code: 'required' })])
    const other = await app.inject({ method: 'POST', url: '/v1/plans/crevale-2021/comments', headers: bearer(keys.reviewer), payload: { pointer: '', body: 'Ailleurs.' } })
    expect(other.statusCode, other.body).toBe(201)
    const crossing = await app.inject({ method: 'POST', url, headers: bearer(keys.reviewer), payload: { replyTo: other.json().id, body: 'Réponse égarée.' } })
    expect(crossing.statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `${url}/cm_nothing/resolve`, headers: bearer(keys.reviewer) })).statusCode).toBe(404)
  })
})

import { describe, expect, it } from 'vitest'
import { SummaryCache } from './summary-cache.js'

/** A load that resolves when told to, counting its calls. */
function controlledLoad<T>(value: T) {
  let calls = 0
  let release: () => void = () => {}
  const load = () => {
    calls++
    return new Promise<T>((resolve) => (release = () => resolve(value)))
  }
  return { load, release: () => release(), calls: () => calls }
}

describe('SummaryCache', () => {
  it('keeps what it read until the plan is written', async () => {
    const cache = new SummaryCache<{ version: number }>(true)
    let version = 1
    let loads = 0
    const load = async () => (loads++, { version })
    expect(await cache.read('p', load)).toEqual({ version: 1 })
    expect(await cache.read('p', load)).toEqual({ version: 1 })
    expect(loads).toBe(1)
    version = 2
    cache.forget('p')
    expect(await cache.read('p', load)).toEqual({ version: 2 })
    expect(loads).toBe(2)
  })

  it('does not keep a read that overlapped a write: the next read asks again', async () => {
    const cache = new SummaryCache<{ version: number }>(true)
    const slow = controlledLoad({ version: 1 })
    const pending = cache.read('p', slow.load)
    cache.forget('p') // a write commits while the read's query runs
    slow.release()
    expect(await pending).toEqual({ version: 1 })
    const fresh = controlledLoad({ version: 2 })
    const next = cache.read('p', fresh.load)
    fresh.release()
    expect(await next).toEqual({ version: 2 })
    expect(fresh.calls()).toBe(1)
  })

  it('never keeps absent plans, and asks every time when off (several instances over PostgreSQL)', async () => {
    const on = new SummaryCache<{ version: number }>(true)
    let loads = 0
    const missing = async () => (loads++, undefined)
    await on.read('gone', missing)
    await on.read('gone', missing)
    expect(loads).toBe(2)
    const off = new SummaryCache<{ version: number }>(false)
    const present = async () => (loads++, { version: 1 })
    await off.read('p', present)
    await off.read('p', present)
    expect(loads).toBe(4)
  })

  it('holds at most its bound, forgetting the oldest first', async () => {
    const cache = new SummaryCache<{ id: string }>(true, 2)
    let loads = 0
    const load = (id: string) => async () => (loads++, { id })
    for (const id of ['a', 'b', 'c']) await cache.read(id, load(id))
    await cache.read('c', load('c'))
    await cache.read('b', load('b'))
    expect(loads).toBe(3)
    await cache.read('a', load('a'))
    expect(loads).toBe(4)
  })
})

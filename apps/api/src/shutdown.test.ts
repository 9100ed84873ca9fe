import { describe, expect, it } from 'vitest'
import { DATABASE, testApp } from './test-support.js'

describe(`graceful shutdown (${DATABASE})`, () => {
  it('finishes the requests in flight before closing, and refuses new connections after', async () => {
    const t = await testApp({}, { ready: false })
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    t.app.get('/slow', async () => {
      await gate
      return { done: true }
    })
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const inFlight = fetch(`${address}/slow`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const closing = t.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    release()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ done: true })
    await closing
    await expect(fetch(`${address}/healthz`)).rejects.toThrow()
  }, 60_000)
})

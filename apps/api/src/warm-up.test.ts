import { describe, expect, it } from 'vitest'
import { planSample } from './warm-up.js'
import { DATABASE, testApp } from './test-support.js'

// The sample plan is built in, not read from the database: one pass (PGlite) says it all.
describe.skipIf(DATABASE === 'postgres')('warm-up at start', () => {
  it('serializes a real plan through the routes’ plan serializer once the app is ready', async () => {
    const { app, close } = await testApp()
    try {
      await app.ready()
      const written = app.warmUp()
      expect(written).toBeDefined()
      // What GET /v1/plans/{id} would send for that plan: the whole document, nothing dropped.
      expect(JSON.parse(written ?? '')).toEqual(JSON.parse(JSON.stringify(planSample())))
    } finally {
      await close()
    }
  })
})

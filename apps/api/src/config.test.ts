import { describe, expect, it } from 'vitest'
import { readConfig } from './config.js'

describe('readConfig', () => {
  it('fills defaults and converts integers and booleans from their text', () => {
    expect(readConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DEMO_DATA: true, RATE_LIMIT_PER_MINUTE: 600, CORS_ORIGINS: '' })
    expect(readConfig({ PORT: '8080', DEMO_DATA: 'false', BODY_LIMIT_BYTES: '2048', UNRELATED: 'x' })).toMatchObject({ PORT: 8080, DEMO_DATA: false, BODY_LIMIT_BYTES: 2048 })
    expect(readConfig({ DEMO_DATA: '0' }).DEMO_DATA).toBe(false)
    expect(readConfig({ DEMO_DATA: '1' }).DEMO_DATA).toBe(true)
    expect(readConfig({ PORT: '' }).PORT).toBe(3000)
    expect(readConfig({}) as Record<string, unknown>).not.toHaveProperty('UNRELATED')
  })

  it('names each bad variable and what it got', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT: .*integer.*"abc"/)
    expect(() => readConfig({ PORT: '8.5' })).toThrow(/PORT: must be integer \(got "8\.5"\)/)
    expect(() => readConfig({ PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(/PORT: [\s\S]*LOG_LEVEL: /)
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: /)
    expect(() => readConfig({ DEMO_DATA: 'perhaps' })).toThrow(/DEMO_DATA: /)
  })
})

import { describe, expect, it } from 'vitest'
import { BoundedCache } from './bounded-cache.js'

describe('BoundedCache', () => {
  it('drops the oldest values once the total size is over the limit', () => {
    const cache = new BoundedCache(10)
    cache.set('a', 'aaaa')
    cache.set('b', Buffer.from('bbbb'))
    cache.set('c', 'cccc')
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('b')?.toString()).toBe('bbbb')
    expect(cache.get('c')).toBe('cccc')
  })

  it('counts a key stored twice once', () => {
    const cache = new BoundedCache(10)
    cache.set('a', 'aaaa')
    cache.set('b', 'bbbb')
    cache.set('b', 'bbbb')
    expect(cache.get('a')).toBe('aaaa')
  })

  it('does not keep a value larger than the whole cache', () => {
    const cache = new BoundedCache(3)
    cache.set('a', 'ééé')
    expect(cache.get('a')).toBeUndefined()
  })
})

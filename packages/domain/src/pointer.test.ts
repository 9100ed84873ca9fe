import { describe, expect, it } from 'vitest'
import { joinPointer, parsePointer, pointerOf, pointerResolves, resolvePointer } from './pointer.js'

describe('JSON Pointers', () => {
  it('escapes and reads back "~" and "/" in keys', () => {
    const pointer = pointerOf('a/b', 'c~d', 0)
    expect(pointer).toBe('/a~1b/c~0d/0')
    expect(parsePointer(pointer)).toEqual(['a/b', 'c~d', '0'])
    expect(joinPointer('/x', 'y/z')).toBe('/x/y~1z')
    expect(parsePointer('')).toEqual([])
    expect(() => parsePointer('axes/0')).toThrow(SyntaxError)
  })

  it('resolves own properties and array indexes only', () => {
    const document = { axes: [{ title: 'Un' }], 'a/b': 1 }
    expect(resolvePointer(document, '/axes/0/title')).toBe('Un')
    expect(resolvePointer(document, '/a~1b')).toBe(1)
    expect(resolvePointer(document, '')).toBe(document)
    for (const pointer of ['/axes/length', '/axes/01', '/axes/1', '/toString', '/axes/0/constructor', '/axes/0/title/length'])
      expect(pointerResolves(document, pointer), pointer).toBe(false)
  })
})

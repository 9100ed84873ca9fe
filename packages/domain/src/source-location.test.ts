import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sourceLocator } from './source-location.js'

describe('sourceLocator', () => {
  const text = '{\n  "title": "Plan",\n  "axes": [\n    { "id": "a/1", "objectives": [] }\n  ],\n  "é~": 1\n}\n'
  const locate = sourceLocator(text)!

  it('gives the line and column span of the value a pointer designates', () => {
    expect(locate('/title')).toEqual({ startLine: 2, startColumn: 12, endLine: 2, endColumn: 18 })
    expect(locate('/axes/0/id')).toEqual({ startLine: 4, startColumn: 13, endLine: 4, endColumn: 18 })
    expect(locate('')).toEqual({ startLine: 1, startColumn: 1, endLine: 7, endColumn: 2 })
    expect(locate('/é~0')).toEqual({ startLine: 6, startColumn: 9, endLine: 6, endColumn: 10 })
  })

  it('falls back to the nearest value on the way for a place that is not written yet', () => {
    expect(locate('/axes/0/objectives/3/rows')).toEqual({ startLine: 4, startColumn: 34, endLine: 4, endColumn: 36 })
    expect(locate('/axes/7')).toEqual(locate('/axes'))
  })

  it('is undefined for a text that is not JSON, and for a string that is not a pointer', () => {
    expect(sourceLocator('{"a": ')).toBeUndefined()
    expect(locate('title')).toBeUndefined()
  })

  it('places every pointer of a real plan on the line that holds its value', () => {
    const source = readFileSync(new URL('../examples/crevale-2026-2028.plan.json', import.meta.url), 'utf8')
    const lines = source.split('\n')
    const locateReal = sourceLocator(source)!
    const region = locateReal('/axes/1/objectives/0/rows/0/responsible/raw')!
    expect(lines[region.startLine - 1]!.slice(region.startColumn - 1, region.endColumn - 1)).toBe('"CREVALE"')
    expect(lines[region.startLine - 1]!.slice(0, region.startColumn - 1).trim()).toBe('"raw":')
  })
})

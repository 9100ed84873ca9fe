import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { resolvePointer } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { formatSarif, ruleName } from './sarif.js'

describe('the SARIF log', () => {
  const log = JSON.parse(formatSarif([{ file: 'plan.json', report: evaluatePlan(examplePlans.crevale2021()) }], { locale: 'en' }))
  const driver = log.runs[0].tool.driver

  it('says where to learn about the tool', () => {
    expect(driver.informationUri).toBe('https://www.npmjs.com/package/@demarche/rules')
  })

  it('names each rule in PascalCase, distinct from its id', () => {
    expect(driver.rules.length).toBeGreaterThan(0)
    for (const rule of driver.rules) {
      expect(rule.name).not.toBe(rule.id)
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
    }
    expect(ruleName('schedule-within-period')).toBe('ScheduleWithinPeriod')
  })
})

describe('the SARIF log of a file whose text is given', () => {
  const path = new URL('../../../domain/examples/crevale-2026-2028.plan.json', import.meta.url)
  const source = readFileSync(path, 'utf8')
  const plan = JSON.parse(source) as unknown
  const report = evaluatePlan(plan)
  const log = JSON.parse(formatSarif([{ file: 'crevale-2026-2028.plan.json', report, source }]))
  const results = log.runs[0].results as Array<{ properties: { pointer: string }; locations: [{ physicalLocation: { region?: Region } }] }>
  const lines = source.split('\n')
  const textOf = (region: Region) => {
    const span = lines.slice(region.startLine - 1, region.endLine)
    span[span.length - 1] = span.at(-1)!.slice(0, region.endColumn - 1)
    span[0] = span[0]!.slice(region.startColumn - 1)
    return span.join('\n')
  }

  it('places every finding at a line and column: the value its pointer designates, or the nearest one that is written', () => {
    expect(results.length).toBeGreaterThan(5)
    for (const result of results) {
      const region = result.locations[0].physicalLocation.region
      expect(region, result.properties.pointer).toBeDefined()
      let pointer = result.properties.pointer
      while (resolvePointer(plan, pointer) === undefined) pointer = pointer.slice(0, pointer.lastIndexOf('/'))
      expect(JSON.parse(textOf(region!)), result.properties.pointer).toEqual(resolvePointer(plan, pointer))
    }
  })

  it('leaves the region out when the text is not given', () => {
    const without = JSON.parse(formatSarif([{ file: 'plan.json', report }]))
    expect(without.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plan.json' } })
  })
})

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

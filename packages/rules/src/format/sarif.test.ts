import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
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

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { examplePlans } from '@demarche/domain/examples'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../index.js'
import { formatReport } from './index.js'

const reports = [
  { file: 'plans/crevale-2026-2028.plan.json', report: evaluatePlan(examplePlans.crevale2026()) },
  { file: 'plans/crevale-2021.plan.json', report: evaluatePlan(examplePlans.crevale2021()) },
]
const total = reports.reduce((sum, { report }) => sum + report.findings.length, 0)

describe('report formats', () => {
  it('stylish: one line per finding and a summary line, in the chosen language', () => {
    const fr = formatReport('stylish', reports, { locale: 'fr' })
    expect(fr).toContain('plans/crevale-2026-2028.plan.json  lanaudiere-2026@1 · score 97 / 100')
    expect(fr.trimEnd().split('\n').at(-1)).toBe('✖ 2 fichiers\u00a0: 0 erreur, 35 avertissements, 3 informations')
    expect(fr).toContain('Axe 4, objectif 4 — Échéancier — An 8 hors de la période du plan (An 6 à An 7).')
    // Errors, then warnings, then information, in each file's block.
    for (const block of fr.split('\n\n').slice(0, 2)) {
      const levels = block.split('\n').flatMap((line) => /\s(erreur|avertissement|information)\s/.exec(line)?.[1] ?? [])
      expect(levels.length).toBeGreaterThan(0)
      expect(levels).toEqual([...levels].sort((a, b) => ['erreur', 'avertissement', 'information'].indexOf(a) - ['erreur', 'avertissement', 'information'].indexOf(b)))
    }
    const en = formatReport('stylish', reports, { locale: 'en', color: true })
    expect(en).toContain('\u001b[33m')
    expect(en).toContain('Axis 4, objective 4 — Schedule — Year 8 outside the plan period (Year 6 to Year 7).')
    expect(formatReport('stylish', [{ file: 'x', report: evaluatePlan(examplePlans.crevaleServiceOffer()) }], { locale: 'en' }).trimEnd().split('\n').at(-1)).toBe('✔ 1 file: 0 errors, 0 warnings, 0 infos')
  })

  it('json: the report itself, or one entry per file', () => {
    expect(JSON.parse(formatReport('json', reports.slice(0, 1)))).toEqual(reports[0]!.report)
    const many = JSON.parse(formatReport('json', reports)) as Array<{ file: string }>
    expect(many.map((entry) => entry.file)).toEqual(reports.map(({ file }) => file))
  })

  it('sarif: a valid SARIF 2.1.0 log with a result per finding, located by file and pointer', () => {
    const log = JSON.parse(formatReport('sarif', reports, { locale: 'en' }))
    const require = createRequire(import.meta.url)
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(2)
    const results = log.runs.flatMap((run: { results: unknown[] }) => run.results)
    expect(results).toHaveLength(total)
    const outside = results.find((result: { ruleId: string }) => result.ruleId === 'schedule-within-period')
    expect(outside).toMatchObject({
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/crevale-2026-2028.plan.json' } }, logicalLocations: [{ fullyQualifiedName: '/axes/3/objectives/3/rows/0/schedule/0/years' }] }],
    })
    for (const run of log.runs) for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    expect(results.filter((result: { level: string }) => result.level === 'note')).toHaveLength(3)
  })

  it('junit: well-formed XML with a failing case per rule that has warnings or errors', () => {
    const xml = formatReport('junit', reports, { locale: 'fr' })
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml)
    const suites = parsed.testsuites.testsuite as Array<{ name: string; failures: string; testcase: unknown }>
    const failingRules = new Set(reports.flatMap(({ file, report }) => report.findings.filter((f) => f.severity !== 'info').map((f) => `${file}|${f.ruleId}`)))
    expect(Number(parsed.testsuites.failures)).toBe(failingRules.size)
    expect(suites.some((suite) => suite.name === 'plans/crevale-2021.plan.json — Responsables et partenaires')).toBe(true)
  })

  it('markdown: score, criteria with their status in words, findings grouped by criterion', () => {
    const md = formatReport('markdown', reports.slice(1), { locale: 'fr' })
    expect(md).toContain('**Score de complétude\u00a0: 92,4 / 100**')
    expect(md).toContain('| Budget et montage financier | sans objet | 0 | 0 | 2 | 0 / 0 |')
    expect(md).toContain('### Responsables et partenaires\n\n*0 erreur, 21 avertissements, 0 information*')
    expect(md).toContain('« ... » tient la place d’un organisme à nommer')
  })
})

import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { evaluatePlan, fingerprinter } from '@demarche/rules'
import { avisHtml } from '../avis/html.js'
import { describe, expect, it } from 'vitest'
import { context, hasTool, seeds } from '../test-support.js'
import { planHtml } from './plan.js'
import { reportHtml } from './report.js'

const java = hasTool('java', ['-version'])
const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

interface Message {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url: string
  message: string
  extract?: string
}

/**
 * The W3C's Nu HTML Checker (the validator behind validator.w3.org/nu), run on every HTML document the package
 * makes of the real plans, in both languages: plans, reports with and without links into the plan, and the
 * reviewer's letter (a request on an element and one confirmed finding).
 */
describe.skipIf(!java)('the HTML documents, as the W3C checker reads them', () => {
  it('have no error and no warning', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vnu-'))
    const files: string[] = []
    for (const [name, plan] of Object.entries(seeds))
      for (const locale of ['fr-CA', 'en-CA'] as const) {
        const document = plan()
        const write = (kind: string, html: string) => {
          const file = join(folder, `${name}.${kind}.${locale}.html`)
          writeFileSync(file, html)
          files.push(file)
        }
        write('plan', planHtml(document, context(document, locale)))
        const report = evaluatePlan(document)
        write('report', reportHtml({ report, plan: document, planHref: 'plan.html' }, context(document, locale)))
        write('report-alone', reportHtml({ report }, context(document, locale)))
        const confirmed = report.findings[0]
        const assessment = {
          criteria: [{ criterion: report.criteria[0]!.id, status: 'to-clarify' as const, note: 'À préciser.' }],
          recommendation: 'return' as const,
          reasons: 'Le plan est retourné pour une précision.',
          findings: confirmed ? [{ fingerprint: fingerprinter(document)(confirmed), decision: 'confirm' as const }] : [],
          requests: [{ id: 'r1', pointer: '/axes/0', text: 'Précisez la description de l’axe.' }],
        }
        write('letter', avisHtml({ plan: document, report, assessment, version: 1, author: 'Analyste', assessedAt: '2026-11-20T15:30:00Z' }, context(document, locale)))
      }
    const { stderr } = await promisify(execFile)('java', ['-Xss8m', '-jar', vnu, '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 64 * 1024 * 1024 })
    const messages = (JSON.parse(stderr) as { messages: Message[] }).messages
    const problems = messages.filter((message) => message.type !== 'info' || message.subType === 'warning')
    expect(problems.map((message) => `${message.url.split('/').at(-1)}: ${message.subType ?? message.type}: ${message.message} ${message.extract ?? ''}`)).toEqual([])
    expect(files).toHaveLength(Object.keys(seeds).length * 8)
  }, 120_000)
})

import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { main } from './main.js'
import { memoryIo } from './test-support.js'

const evaluations = vi.hoisted(() => ({ count: 0 }))
vi.mock('@demarche/rules', async (original) => {
  const rules = await original<typeof import('@demarche/rules')>()
  return {
    ...rules,
    createRulesEngine: (...args: Parameters<typeof rules.createRulesEngine>) => {
      const engine = rules.createRulesEngine(...args)
      return {
        ...engine,
        evaluate: (...evaluateArgs: Parameters<typeof engine.evaluate>) => {
          evaluations.count++
          return engine.evaluate(...evaluateArgs)
        },
      }
    },
  }
})

const plan2026 = fileURLToPath(new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url))

function run(argv: string[]) {
  const captured = memoryIo()
  return main(argv, captured.io).then((code) => ({ code, out: captured.out(), err: captured.err(), files: captured.files }))
}

describe('demarche render', () => {
  it('stops with exit code 2 and says why when CHROMIUM_PATH leads nowhere (no silent pdfkit layout)', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium')
    try {
      const french = await run(['render', plan2026, '--format', 'pdf', '-o', 'plan.pdf'])
      expect(french.code).toBe(2)
      expect(french.err).toMatch(/^demarche render: CHROMIUM_PATH désigne « \/nowhere\/chromium », mais aucun fichier n’existe à cet endroit\./)
      expect(french.files).toEqual({})
      const english = await run(['render', plan2026, '--format', 'pdf', '--locale', 'en', '-o', 'plan.pdf'])
      expect(english.err).toMatch(/^demarche render: CHROMIUM_PATH points to "\/nowhere\/chromium", but no file exists there\./)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('writes the plan as HTML to standard output with -o -', async () => {
    const result = await run(['render', plan2026, '--format', 'html', '-o', '-'])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^<!DOCTYPE html>\n<html lang="fr-CA">/)
  })

  it('writes a DOCX, an XLSX and the English Markdown report to files', async () => {
    const docx = await run(['render', plan2026, '--format', 'docx', '-o', 'plan.docx'])
    expect(docx.code).toBe(0)
    expect(strFromU8(unzipSync(docx.files['plan.docx'] as Uint8Array)['word/document.xml']!)).toContain('Déploiement de la phase 2')
    const xlsx = await run(['render', plan2026, '--format', 'xlsx', '-o', 'plan.xlsx'])
    expect(Object.keys(unzipSync(xlsx.files['plan.xlsx'] as Uint8Array))).toContain('xl/workbook.xml')
    const report = await run(['render', plan2026, '--format', 'markdown', '--report', '--locale', 'en', '-o', 'report.md'])
    expect(report.files['report.md']).toContain('**Completeness score: 97 / 100**')
    // The report holds what lint and the service report, spelling included (unless --no-spelling).
    expect(report.files['report.md']).toContain('leurs appropriation')
    const unchecked = await run(['render', plan2026, '--format', 'markdown', '--report', '--no-spelling', '-o', 'report.md'])
    expect(unchecked.files['report.md']).not.toContain('leurs appropriation')
  })

  it('evaluates the plan only when a report is asked', async () => {
    evaluations.count = 0
    for (const format of ['html', 'markdown', 'docx', 'xlsx']) expect((await run(['render', plan2026, '--format', format, '-o', `plan.${format}`])).code).toBe(0)
    expect(evaluations.count).toBe(0)
    expect((await run(['render', plan2026, '--format', 'html', '--report', '-o', 'report.html'])).code).toBe(0)
    expect(evaluations.count).toBe(1)
  }, 30_000)

  it('explains what is wrong with a call', async () => {
    expect((await run(['render', plan2026, '--format', 'odt', '-o', 'x'])).code).toBe(2)
    expect((await run(['render', plan2026, '--format', 'html'])).err).toContain('-o <fichier> est requis (-o crevale-2026-2028.html, ou -o - pour la sortie standard)')
    expect((await run(['render', plan2026, '--format', 'docx', '--report', '--locale', 'en'])).err).toContain('-o <file> is required (-o crevale-2026-2028.report.docx, or -o - for standard output)')
    expect((await run(['render', plan2026, '--format', 'xlsx', '--report', '-o', 'x'])).code).toBe(2)
    expect((await run(['render', plan2026, plan2026, '--format', 'html', '-o', '-'])).code).toBe(2)
    const broken = await run(['render', `${plan2026}.missing`, '--format', 'html', '-o', '-'])
    expect(broken.code).toBe(1)
  })
})

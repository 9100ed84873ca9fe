import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatedPlan } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { LARGE_PLAN_BYTES } from './status.js'
import { memoryIo } from './test-support.js'

const folder = mkdtempSync(join(tmpdir(), 'demarche-status-'))
const large = join(folder, 'large.plan.json')
writeFileSync(large, JSON.stringify(generatedPlan(800)))
const small = new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url).pathname

describe('the status line of a long command on one plan', () => {
  it('names each stage on a terminal, then erases itself, leaving the output whole', async () => {
    expect(readFileSync(large).length).toBeGreaterThan(LARGE_PLAN_BYTES)
    const run = memoryIo(true)
    expect(await main(['render', large, '--format', 'docx', '--report', '-o', 'large.report.docx'], run.io)).toBe(0)
    const said = run.err()
    const lines = [...said.matchAll(/\r\u001b\[2K([^\r]*)/g)].map((match) => match[1]!)
    // The line is redrawn each second while a stage waits: the seconds only go up, and the stages come in order.
    const seconds = lines.filter(Boolean).map((line) => Number(/(\d+) s$/.exec(line)![1]))
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b))
    const stages = lines.map((line) => line.replace(/\d+ s$/, 'N s')).filter((line, index, all) => index === 0 || line !== all[index - 1])
    expect(stages).toEqual([
      `${large} — validation… N s`,
      `${large} — évaluation… N s`,
      `${large} — mise en page DOCX… N s`,
      `${large} — écriture… N s`,
      '',
    ])
    expect(said.endsWith('\r\u001b[2K')).toBe(true)
    expect(run.files['large.report.docx']).toBeInstanceOf(Uint8Array)
  }, 120_000)

  it('speaks English with --locale en, and says what lint is doing on one large plan', async () => {
    const run = memoryIo(true)
    await main(['lint', large, '--locale', 'en', '--format', 'json'], run.io)
    expect(run.err()).toContain(`\r\u001b[2K${large} — evaluating… 0 s\r\u001b[2K`)
  })

  it('writes nothing when the output is not a terminal, or the plan is small', async () => {
    const piped = memoryIo(false)
    expect(await main(['render', large, '--format', 'markdown', '-o', 'large.md'], piped.io)).toBe(0)
    expect(piped.err()).toBe('')
    const quick = memoryIo(true)
    expect(await main(['render', small, '--format', 'markdown', '-o', 'small.md'], quick.io)).toBe(0)
    expect(quick.err()).toBe('')
  })
})

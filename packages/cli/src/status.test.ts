import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatedPlan } from '@demarche/domain/examples'
import { describe, expect, it } from 'vitest'
import type { Io } from './io.js'
import { main } from './main.js'
import { LARGE_PLAN_BYTES } from './status.js'

const folder = mkdtempSync(join(tmpdir(), 'demarche-status-'))
const large = join(folder, 'large.plan.json')
writeFileSync(large, JSON.stringify(generatedPlan(800)))
const small = new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url).pathname

function capture(isTty: boolean) {
  const err: string[] = []
  const files: Record<string, string | Uint8Array> = {}
  const io: Io = {
    stdout: () => undefined,
    stderr: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path, text) => {
      files[path] = text
    },
    writeBytes: async (path, bytes) => {
      files[path] = bytes
    },
    isTty,
  }
  return { io, err, files }
}

describe('the status line of a long command on one plan', () => {
  it('names each stage on a terminal, then erases itself, leaving the output whole', async () => {
    expect(readFileSync(large).length).toBeGreaterThan(LARGE_PLAN_BYTES)
    const run = capture(true)
    expect(await main(['render', large, '--format', 'docx', '--report', '-o', 'large.report.docx'], run.io)).toBe(0)
    const said = run.err.join('')
    const stages = [...said.matchAll(/\r\u001b\[2K([^\r]*)/g)].map((match) => match[1]!.replace(/\d+ s$/, 'N s'))
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
    const run = capture(true)
    await main(['lint', large, '--locale', 'en', '--format', 'json'], run.io)
    expect(run.err.join('')).toContain(`\r\u001b[2K${large} — evaluating… 0 s\r\u001b[2K`)
  })

  it('writes nothing when the output is not a terminal, or the plan is small', async () => {
    const piped = capture(false)
    expect(await main(['render', large, '--format', 'markdown', '-o', 'large.md'], piped.io)).toBe(0)
    expect(piped.err.join('')).toBe('')
    const quick = capture(true)
    expect(await main(['render', small, '--format', 'markdown', '-o', 'small.md'], quick.io)).toBe(0)
    expect(quick.err.join('')).toBe('')
  })
})

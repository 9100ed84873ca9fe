import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planXlsx } from '@demarche/render/xlsx'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from './main.js'
import { memoryIo } from './test-support.js'

let folder: string
let workbook: string
const plan = examplePlans.crevale2026()

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-import-'))
  workbook = join(folder, 'plan.xlsx')
  await writeFile(workbook, await planXlsx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function run(argv: string[]) {
  const captured = memoryIo()
  const code = await main(argv, captured.io)
  return { code, out: captured.out(), err: captured.err(), files: captured.files }
}

describe('demarche import', () => {
  it('reads the toolkit’s own workbook back to the plan (its profile named in the file), exit 0', async () => {
    const result = await run(['import', workbook, '-o', 'plan.json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(new TextDecoder().decode(result.files['plan.json'] as Uint8Array))).toEqual(plan)
    expect(result.out).toMatch(/0 erreur\(s\), 0 avertissement\(s\), 1 information\(s\), 0 texte\(s\) non placé\(s\)/)
    expect(result.out).toContain('Budget')
  })

  it('prints the report as SARIF or JSON, the plan on standard output with -o -', async () => {
    const sarif = await run(['import', workbook, '--profile', 'lanaudiere-2026', '--format', 'sarif', '--locale', 'en'])
    expect(sarif.code).toBe(0)
    const log = JSON.parse(sarif.out)
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'derived-sheet', level: 'note', locations: [{ logicalLocations: [{ name: 'Budget' }] }] })
    const json = await run(['import', workbook, '--format', 'json', '-o', '-'])
    expect(JSON.parse(json.err)).toMatchObject({ file: workbook, format: 'xlsx', failed: false })
  })

  it('exits 2 with a clear, located message on a file that is not a workbook, truncated, or missing, and writes nothing', async () => {
    const text = join(folder, 'notes.xlsx')
    await writeFile(text, 'Ceci n’est pas un classeur.')
    const truncated = join(folder, 'truncated.xlsx')
    const { readFile } = await import('node:fs/promises')
    await writeFile(truncated, (await readFile(workbook)).subarray(0, 4000))
    const cases: Array<[string[], RegExp]> = [
      [['import', text, '--profile', 'lanaudiere-2026', '-o', 'out.json'], /notes\.xlsx : .*(archive|Office)/],
      [['import', truncated, '--profile', 'lanaudiere-2026', '-o', 'out.json'], /truncated\.xlsx : /],
      [['import', join(folder, 'absent.xlsx'), '-o', 'out.json'], /absent\.xlsx : lecture impossible/],
      // The file is refused before any profile is asked for.
      [['import', text, '-o', 'out.json', '--locale', 'en'], /notes\.xlsx: .*(archive|Office)/],
      [['import', workbook, '--profile', 'nowhere', '-o', 'out.json'], /Profil inconnu/],
      [['import', workbook, '--format', 'xml'], /--format : stylish \| json \| markdown \| sarif \| junit/],
    ]
    for (const [argv, message] of cases) {
      const result = await run(argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.err).toMatch(message)
      expect(result.files).toEqual({})
    }
  })
})

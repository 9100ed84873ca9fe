import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { LANAUDIERE_NAMES } from '@demarche/domain/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const repository = new URL('../../../', import.meta.url)
const bin = new URL('../dist/bin.js', import.meta.url).pathname
const doc = await readFile(new URL('docs/regions.md', repository), 'utf8')
/** Every `demarche …` line of the page's `sh` blocks, in order. */
const commands = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  block[1]!.split('\n').filter((line) => line.startsWith('demarche ')).map((line) => line.slice('demarche '.length).split(/\s+/)),
)

let folder: string
const outputs: Record<string, string> = {}
const standardOutputs: Record<string, string> = {}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-region-'))
  await cp(new URL('docs/examples/region/', repository), folder, { recursive: true })
  for (const [index, argv] of commands.entries()) {
    const result = await run('node', [bin, ...argv], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).catch((error: { code: number; stdout: string; stderr: string }) => error)
    outputs[`${index}: ${argv.join(' ')}`] = `${result.stdout}${result.stderr}`
    standardOutputs[`${index}: ${argv.join(' ')}`] = result.stdout
    if ('code' in result && result.code !== 0) throw new Error(`demarche ${argv.join(' ')} exited ${result.code}:\n${result.stderr}`)
  }
}, 180_000)

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('docs/regions.md: a made-up region through the CLI alone', () => {
  it('runs every command of the page (each exits 0)', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8)
    expect(Object.keys(outputs)).toHaveLength(commands.length)
  })

  it('validates and lints with the region’s own profile and rule set', () => {
    expect(Object.values(outputs).join('\n')).toContain('plan.json : valide (exemple@1)')
    const json = Object.entries(standardOutputs).find(([command]) => command.includes('--format json'))![1]
    const report = JSON.parse(json) as { ruleSet: { id: string }; profile: { id: string }; score: number }
    expect(report).toMatchObject({ ruleSet: { id: 'exemple' }, profile: { id: 'exemple' } })
  })

  it('renders in the region’s words, none of Lanaudière’s', async () => {
    const html = await readFile(join(folder, 'plan.html'), 'utf8')
    const markdown = await readFile(join(folder, 'plan.md'), 'utf8')
    const report = await readFile(join(folder, 'report.md'), 'utf8')
    for (const word of ['Orientation 1', 'Stratégie 1', 'Porteur', 'Alliés', 'Cibles', 'Échéance', 'Membres de la table']) expect(markdown).toContain(word)
    expect(html).toContain('Porteur')
    expect(report).toContain('Orientations, stratégies et gestes')
    const pdfText = (await run('pdftotext', [join(folder, 'plan.pdf'), '-'], { encoding: 'utf8' })).stdout
    expect(pdfText).toContain('Porteur')
    for (const [name, text] of Object.entries({ html, markdown, report, pdfText, ...outputs })) expect(text, name).not.toMatch(LANAUDIERE_NAMES)
  })

  it('tells an unknown profile with the list of the known ones, the region’s included', async () => {
    const plan = JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8')) as { profile: { id: string } }
    plan.profile.id = 'ailleurs'
    await writeFile(join(folder, 'ailleurs.json'), JSON.stringify(plan))
    const result = await run('node', [bin, 'validate', 'ailleurs.json'], { cwd: folder, encoding: 'utf8' }).catch((error: { code: number; stderr: string }) => error)
    expect(result).toMatchObject({ code: 1 })
    expect((result as { stderr: string }).stderr).toContain('profils connus : lanaudiere-2026@1, lanaudiere-2021@1, generic@1, crevale-service-offer@1, exemple@1')
  })

  it('locates a mistake in the region’s profile file by line and column', async () => {
    const profile = await readFile(join(folder, 'exemple.profile.json'), 'utf8')
    await writeFile(join(folder, 'exemple.profile.json'), profile.replace('"presence": "absent" }\n  },', '"presence": "gone" }\n  },'))
    const result = await run('node', [bin, 'validate', 'plan.json'], { cwd: folder, encoding: 'utf8' }).catch((error: { code: number; stderr: string }) => error)
    await writeFile(join(folder, 'exemple.profile.json'), profile)
    expect(result).toMatchObject({ code: 2 })
    const line = profile.split('\n').findIndex((text) => text.includes('"budget": { "presence": "absent" }')) + 1
    expect((result as { stderr: string }).stderr).toMatch(new RegExp(`^exemple\\.profile\\.json:${line}:\\d+ /columns/budget/presence  `))
  })
})

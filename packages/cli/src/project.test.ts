import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Io, nodeIo } from './io.js'
import { main } from './main.js'

const region = new URL('../../../docs/examples/region/', import.meta.url)
let folder: string

function capturedIo(cwd: string): { io: Io; out: () => string; err: () => string } {
  const out: string[] = []
  const err: string[] = []
  const stream = (sink: string[]) => ({ write: (chunk: string | Uint8Array) => (sink.push(String(chunk)), true), isTTY: false }) as unknown as NodeJS.WriteStream
  const io = nodeIo({ stdout: stream(out), stderr: stream(err) })
  // Files are named relative to the folder the command runs in, as a shell would.
  return { io: { ...io, cwd, readFile: (path) => io.readFile(resolve(cwd, path)), writeFile: (path, text) => io.writeFile(resolve(cwd, path), text) }, out: () => out.join(''), err: () => err.join('') }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-project-'))
  await cp(region, join(folder, 'with-config'), { recursive: true })
  await mkdir(join(folder, 'with-config', 'plans'))
  await cp(new URL('plan.json', region), join(folder, 'with-config', 'plans', 'plan.json'))
  await mkdir(join(folder, 'flags'))
  for (const file of ['exemple.profile.json', 'exemple.rules.json', 'plan.json']) await cp(new URL(file, region), join(folder, 'flags', file))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('profiles and rule sets from files', () => {
  it('finds demarche.config.json from a subfolder', async () => {
    const run = capturedIo(join(folder, 'with-config', 'plans'))
    expect(await main(['prepare', 'plan.json', '--write'], run.io)).toBe(0)
    expect(await main(['lint', 'plan.json', '--format', 'json'], run.io)).toBe(0)
    expect(JSON.parse(run.out())).toMatchObject({ ruleSet: { id: 'exemple', version: 1 }, profile: { id: 'exemple', version: 1 } })
  })

  it('takes --profile and --rules files where there is no config', async () => {
    const run = capturedIo(join(folder, 'flags'))
    expect(await main(['validate', 'plan.json'], run.io)).toBe(1)
    expect(run.err()).toContain('Profil inconnu : « exemple » (profils connus : lanaudiere-2026@1, lanaudiere-2021@1, generic@1, crevale-service-offer@1).')
    const flagged = capturedIo(join(folder, 'flags'))
    const flags = ['--profile', 'exemple.profile.json', '--rules', 'exemple.rules.json']
    expect(await main(['prepare', 'plan.json', '--write', ...flags], flagged.io)).toBe(0)
    expect(await main(['validate', 'plan.json', ...flags], flagged.io)).toBe(0)
    expect(flagged.out()).toContain('plan.json : valide (exemple@1)')
    expect(await main(['lint', 'plan.json', '--ruleset', 'exemple@1', '--locale', 'en', ...flags], flagged.io)).toBe(0)
    expect(flagged.out()).toContain('exemple@1 · score')
  })

  it('refuses a profile id where a file is expected, and a bad config with its place', async () => {
    const run = capturedIo(join(folder, 'flags'))
    expect(await main(['validate', 'plan.json', '--profile', 'exemple'], run.io)).toBe(2)
    expect(run.err()).toContain('--profile attend un fichier de profil (.json, .yaml) : « exemple » n’en est pas un.')
    await mkdir(join(folder, 'bad'))
    await writeFile(join(folder, 'bad', 'demarche.config.json'), '{\n  "profiles": "exemple.profile.json"\n}\n')
    const bad = capturedIo(join(folder, 'bad'))
    expect(await main(['validate', 'plan.json', '--locale', 'en'], bad.io)).toBe(2)
    expect(bad.err()).toMatch(/^demarche\.config\.json:2:15 \/profiles {2}Invalid value: /)
  })

  it('keeps an identical definition given twice once; refuses a different one of the same id@version, naming both files', async () => {
    const once = capturedIo(join(folder, 'flags'))
    const onceCode = await main(['validate', 'plan.json', '--profile', 'exemple.profile.json', '--locale', 'en'], once.io)
    const twice = capturedIo(join(folder, 'flags'))
    expect(await main(['validate', 'plan.json', '--profile', 'exemple.profile.json', '--profile', 'exemple.profile.json', '--locale', 'en'], twice.io)).toBe(onceCode)
    expect([twice.out(), twice.err()]).toEqual([once.out(), once.err()])
    const changed = JSON.parse(await readFile(join(folder, 'flags', 'exemple.profile.json'), 'utf8'))
    changed.title.fr = 'Une autre définition'
    await writeFile(join(folder, 'flags', 'autre.profile.json'), JSON.stringify(changed))
    const other = capturedIo(join(folder, 'flags'))
    expect(await main(['validate', 'plan.json', '--profile', 'exemple.profile.json', '--profile', 'autre.profile.json', '--locale', 'en'], other.io)).toBe(2)
    expect(other.err()).toBe('autre.profile.json /version  Profile "exemple@1" is already defined differently in exemple.profile.json: another definition needs a new version.  [profile-exists]\n')
  })

  it('prints the schemas of profile, rule set and config files, as committed', async () => {
    for (const [kind, file] of [
      ['profile', '../../domain/schemas/profile.schema.json'],
      ['rule-set', '../../rules/schemas/rule-set.schema.json'],
      ['config', '../schemas/demarche.config.schema.json'],
    ] as const) {
      const run = capturedIo(folder)
      expect(await main(['schema', kind], run.io)).toBe(0)
      expect(JSON.parse(run.out())).toEqual(JSON.parse(await readFile(new URL(file, import.meta.url), 'utf8')))
    }
    const unknown = capturedIo(folder)
    expect(await main(['schema', 'plans'], unknown.io)).toBe(2)
    const planSchema = capturedIo(join(folder, 'with-config'))
    expect(await main(['schema', '--profile', 'exemple@1'], planSchema.io)).toBe(0)
    expect(JSON.parse(planSchema.out())).toMatchObject({ $id: 'PlanDocument.exemple.v1' })
  })
})

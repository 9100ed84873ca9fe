import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { strToU8, zipSync } from 'fflate'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from './main.js'
import { memoryIo } from './test-support.js'

const examples = new URL('../../../docs/examples/', import.meta.url)
let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-region-commands-'))
  await cp(new URL('littoral/', examples), join(folder, 'littoral'), { recursive: true })
  await cp(new URL('region/', examples), join(folder, 'region'), { recursive: true })
  await mkdir(join(folder, 'elsewhere'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** Runs the CLI in a folder, as a shell would there: files named relative to it, demarche.config.json found from it. */
async function runIn(cwd: string, argv: string[]) {
  const captured = memoryIo()
  const io = { ...captured.io, cwd, readFile: (path: string) => readFile(resolve(cwd, path), 'utf8'), readBytes: async (path: string) => new Uint8Array(await readFile(resolve(cwd, path))) }
  const code = await main(argv, io)
  return { code, out: captured.out(), err: captured.err(), files: captured.files }
}

const isZip = (bytes: unknown) => bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b

describe('a region’s profile in template, schema and import', () => {
  it('writes the blank form of the project’s profile, by id or with none given, in both example regions', async () => {
    const littoral = join(folder, 'littoral')
    for (const [cwd, argv] of [
      [littoral, ['template', '--profile', 'littoral', '--format', 'docx', '-o', 'x.docx']],
      [littoral, ['template', '--format', 'xlsx', '-o', 'x.xlsx']],
      [join(folder, 'region'), ['template', '--profile', 'exemple', '--format', 'docx', '-o', 'x.docx']],
    ] as const) {
      const result = await runIn(cwd, [...argv])
      expect(result.err, argv.join(' ')).toBe('')
      expect(result.code).toBe(0)
      expect(isZip(Object.values(result.files)[0])).toBe(true)
    }
    const schema = await runIn(littoral, ['schema', '--profile', 'littoral'])
    expect(schema.code).toBe(0)
    expect(JSON.stringify(JSON.parse(schema.out))).toContain('littoral')
  })

  it('writes the blank form of a --profile file from another folder, the file alone or with its id', async () => {
    const file = join(folder, 'littoral', 'littoral.profile.json')
    for (const argv of [
      ['template', '--profile', file, '--format', 'docx', '-o', 'x.docx'],
      ['template', '--profile', file, '--profile', 'littoral@1', '--format', 'xlsx', '-o', 'x.xlsx'],
    ]) {
      const result = await runIn(join(folder, 'elsewhere'), argv)
      expect(result.err, argv.join(' ')).toBe('')
      expect(result.code).toBe(0)
    }
    const unknown = await runIn(join(folder, 'elsewhere'), ['template', '--profile', 'littoral', '--format', 'docx', '-o', 'x.docx'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/profil inconnu «\u00a0littoral\u00a0»/)
  })

  it('accepts the config’s profile file given again; refuses another definition of the same id@version, naming both files', async () => {
    const littoral = join(folder, 'littoral')
    // The example plan is not prepared (no ids yet): the same findings, whether the profile file is given again or not.
    const plain = await runIn(littoral, ['validate', 'plan.json'])
    const again = await runIn(littoral, ['validate', '--profile', 'littoral.profile.json', 'plan.json'])
    expect(again.err).not.toContain('profile-exists')
    expect(plain.err + plain.out).toContain('[required]')
    expect([again.code, again.out, again.err]).toEqual([plain.code, plain.out, plain.err])
    const changed = JSON.parse(await readFile(join(littoral, 'littoral.profile.json'), 'utf8'))
    changed.title.fr = 'Un autre plan'
    await writeFile(join(folder, 'elsewhere', 'other.profile.json'), JSON.stringify(changed))
    const other = await runIn(littoral, ['validate', '--profile', '../elsewhere/other.profile.json', 'plan.json'])
    expect(other.code).toBe(2)
    expect(other.err).toContain('[profile-exists]')
    expect(other.err).toContain('other.profile.json')
    expect(other.err).toContain('défini autrement dans littoral.profile.json')
  })
})

describe('demarche import: the file first, then its profile', () => {
  const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

  it('refuses a zip bomb, an entity expansion and a corrupted archive before asking for a profile', async () => {
    const cwd = join(folder, 'elsewhere')
    const lol = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`
    const files: Record<string, Uint8Array> = {
      'bomb.docx': zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }),
      'entities.docx': zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(lol) }),
      'broken.docx': zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8('<w:document/>'.repeat(400)) }).subarray(0, 300),
    }
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(cwd, name), bytes)
      const result = await runIn(cwd, ['import', name, '-o', '-'])
      expect(result.code, name).toBe(2)
      expect(result.err, name).toMatch(new RegExp(`^${name.replace('.', '\\.')} : `))
      expect(result.err, name).not.toContain('--profile')
      expect(result.files).toEqual({})
    }
  })

  it('asks for --profile for a document that names none, unless the project loads a single region profile', async () => {
    const doc = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Plan d’action 2008-2012</w:t></w:r></w:p></w:body></w:document>`
    const bytes = zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(doc) })
    await writeFile(join(folder, 'elsewhere', 'plain.docx'), bytes)
    await writeFile(join(folder, 'littoral', 'plain.docx'), bytes)
    const asked = await runIn(join(folder, 'elsewhere'), ['import', 'plain.docx', '-o', '-'])
    expect(asked.code).toBe(2)
    expect(asked.err).toMatch(/--profile <id> est requis/)
    const region = await runIn(join(folder, 'littoral'), ['import', 'plain.docx', '-o', 'plan.json', '--format', 'json'])
    expect(region.err).toBe('')
    expect(JSON.parse(new TextDecoder().decode(region.files['plan.json'] as Uint8Array)).profile).toEqual({ id: 'littoral', version: 1 })
  })

  it('reads the toolkit’s own DOCX with no --profile: the profile comes from the plan it stores', async () => {
    const plan = examplePlans.crevale2026()
    const cwd = join(folder, 'elsewhere')
    await writeFile(join(cwd, 'own.docx'), await planDocx(plan, createContext(plan, { clock: () => new Date('2026-11-28T12:00:00Z') })))
    const result = await runIn(cwd, ['import', 'own.docx', '-o', 'plan.json'])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(new TextDecoder().decode(result.files['plan.json'] as Uint8Array)).profile).toEqual(plan.profile)
  })
})

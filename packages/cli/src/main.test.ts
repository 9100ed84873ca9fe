import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Io } from './io.js'
import { main } from './main.js'

const seed = fileURLToPath(new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url))

function memoryIo(files: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const written: Record<string, string> = {}
  const io: Io = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      if (path in files) return files[path]!
      if (path === seed) return readFile(seed, 'utf8')
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    },
    readBytes: async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    },
    writeFile: async (path, text) => {
      written[path] = text
    },
    createFile: async (path, text) => {
      written[path] = text
    },
    writeBytes: async () => undefined,
    isTty: false,
  }
  return { io, out: () => out.join(''), err: () => err.join(''), written }
}

describe('demarche validate', () => {
  it('accepts a seed plan with exit code 0', async () => {
    const run = memoryIo()
    expect(await main(['validate', seed], run.io)).toBe(0)
    expect(run.out()).toContain('valide (lanaudiere-2026@1)')
  })

  it('prints located, bilingual errors for a corrupted copy and exits 1', async () => {
    const plan = JSON.parse(await readFile(seed, 'utf8'))
    delete plan.axes[1].objectives[0].title
    plan.axes[0].objectives[0].rows[0].results[0].text = 7
    const files = { 'bad.json': JSON.stringify(plan) }
    const fr = memoryIo(files)
    expect(await main(['validate', 'bad.json'], fr.io)).toBe(1)
    expect(fr.err()).toContain('/axes/1/objectives/0/title  La propriété « title » est obligatoire.')
    expect(fr.err()).toContain('/axes/0/objectives/0/rows/0/results/0/text  La valeur doit être un texte.')
    const en = memoryIo(files)
    expect(await main(['validate', 'bad.json', '--locale', 'en'], en.io)).toBe(1)
    expect(en.err()).toContain('bad.json: invalid — 2 problems')
    expect(en.err()).toContain('/axes/1/objectives/0/title  Property "title" is required.')
  })

  it('reports unreadable files and bad JSON without stopping at the first', async () => {
    const run = memoryIo({ 'broken.json': '{"axes": [' })
    expect(await main(['validate', 'missing.json', 'broken.json', seed], run.io)).toBe(2)
    expect(run.err()).toContain('missing.json : lecture impossible — fichier ou dossier introuvable.')
    expect(run.err()).toContain('JSON invalide : broken.json — ')
    expect(run.out()).toContain('valide')
    const notJson = memoryIo({ 'broken.json': '{"axes": [' })
    expect(await main(['validate', 'broken.json'], notJson.io)).toBe(1)
  })

  it('explains its usage on a bad call with exit code 2', async () => {
    for (const argv of [[], ['validate'], ['frobnicate', 'x.json'], ['validate', 'x.json', '--locale', 'de'], ['--nope']]) {
      const run = memoryIo()
      expect(await main(argv, run.io)).toBe(2)
      expect(run.err()).not.toBe('')
    }
    const help = memoryIo()
    expect(await main(['--help'], help.io)).toBe(0)
    expect(help.out()).toContain('Usage: demarche')
  })
})

describe('demarche prepare', () => {
  it('assigns ids and parsed values to a hand-written draft and writes it back', async () => {
    const plan = JSON.parse(await readFile(seed, 'utf8'))
    const row = plan.axes[0].objectives[0].rows[0]
    delete row.id
    row.budget = { raw: 'Total 26-27 2 500$' }
    const run = memoryIo({ 'draft.json': JSON.stringify(plan) })
    expect(await main(['prepare', 'draft.json', '--write'], run.io)).toBe(0)
    const prepared = JSON.parse(run.written['draft.json']!)
    expect(prepared.axes[0].objectives[0].rows[0].id).toMatch(/^rw-/)
    expect(prepared.axes[0].objectives[0].rows[0].budget.value.parts[0].amount.total).toBe(250_000)
  })

  it('refuses a draft of an unknown profile', async () => {
    const run = memoryIo({ 'x.json': JSON.stringify({ profile: { id: 'nowhere', version: 1 } }) })
    expect(await main(['prepare', 'x.json'], run.io)).toBe(1)
    expect(run.err()).toContain('x.json : Profil inconnu : « nowhere » (profils connus : lanaudiere-2026@1, lanaudiere-2021@1, generic@1, crevale-service-offer@1).')
  })
})

describe('demarche schema', () => {
  it('prints the JSON Schema of all plans or of one profile', async () => {
    const all = memoryIo()
    expect(await main(['schema'], all.io)).toBe(0)
    expect(JSON.parse(all.out())).toMatchObject({ $id: 'PlanDocument', $schema: 'https://json-schema.org/draft/2020-12/schema' })
    const one = memoryIo()
    expect(await main(['schema', '--profile', 'lanaudiere-2021'], one.io)).toBe(0)
    expect(JSON.parse(one.out()).$id).toBe('PlanDocument.lanaudiere-2021.v1')
    const unknown = memoryIo()
    expect(await main(['schema', '--profile', 'nowhere'], unknown.io)).toBe(2)
    expect(unknown.err()).toContain('lanaudiere-2026')
  })
})

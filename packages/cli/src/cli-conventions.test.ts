import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeIo, type Io } from './io.js'
import { main } from './main.js'
import { type Message, messages } from './messages.js'

// Conventions every command follows, checked as classes rather than message by message.

const seed = fileURLToPath(new URL('../../domain/examples/crevale-2026-2028.plan.json', import.meta.url))

/** The real process I/O, with the two streams captured. */
function capturedIo(): { io: Io; out: () => string; err: () => string } {
  const out: string[] = []
  const err: string[] = []
  const stream = (sink: string[]) => ({ write: (chunk: string | Uint8Array) => (sink.push(String(chunk)), true), isTTY: false }) as unknown as NodeJS.WriteStream
  return { io: nodeIo({ stdout: stream(out), stderr: stream(err) }), out: () => out.join(''), err: () => err.join('') }
}

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-cli-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('exit codes: 0 done, 1 findings or invalid plans, 2 usage or I/O', () => {
  const cases: Array<{ argv: string[]; code: number; says: RegExp }> = [
    { argv: ['frobnicate', 'x.json'], code: 2, says: /^Commande inconnue : « frobnicate »\./ },
    { argv: ['frobnicate', '--locale', 'en'], code: 2, says: /^Unknown command: "frobnicate"\./ },
    { argv: ['validate'], code: 2, says: /^validate : aucun fichier donné\./ },
    { argv: ['lint', '--nope', seed], code: 2, says: /^Arguments invalides : / },
    { argv: ['validate', 'nowhere/missing.json'], code: 2, says: /^nowhere\/missing\.json : lecture impossible — fichier ou dossier introuvable\.\n$/ },
    { argv: ['prepare', 'nowhere/missing.json', '--locale', 'en'], code: 2, says: /^nowhere\/missing\.json: cannot read — no such file or folder\.\n$/ },
    { argv: ['lint', 'nowhere/missing.json'], code: 2, says: /^nowhere\/missing\.json : lecture impossible — fichier ou dossier introuvable\.\n$/ },
    { argv: ['lint', '.'], code: 2, says: /^\. : lecture impossible — c’est un dossier, pas un fichier\.\n$/ },
    { argv: ['validate', seed], code: 0, says: /^$/ },
  ]
  it.each(cases)('$argv → $code', async ({ argv, code, says }) => {
    const run = capturedIo()
    expect(await main(argv, run.io)).toBe(code)
    expect(run.err()).toMatch(says)
    // A failure never prints a success mark or a stack trace.
    if (code !== 0) expect(run.out() + run.err()).not.toMatch(/✔|\n\s+at /)
  })

  it('names the path and the reason when -o points into a folder that does not exist', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const run = capturedIo()
      const target = join(folder, 'no-such-folder', 'plan.html')
      expect(await main(['render', seed, '--format', 'html', '-o', target, '--locale', locale], run.io)).toBe(2)
      expect(run.err()).toBe(`${messages.cannotWrite(target, 'ENOENT')[locale]}\n`)
    }
  })

  it('writes where it can', async () => {
    const run = capturedIo()
    const target = join(folder, 'plan.md')
    expect(await main(['render', seed, '--format', 'markdown', '-o', target], run.io)).toBe(0)
    expect(await readFile(target, 'utf8')).toContain('# ')
  })
})

describe('every message the CLI writes', () => {
  // Keyed by factory, so that a message added to the catalogue without samples here does not type-check.
  const samples: Record<keyof typeof messages, Message[]> = {
    unknownCommand: [messages.unknownCommand('x')],
    noFile: [messages.noFile('validate')],
    noFileMatches: [messages.noFileMatches()],
    onePlanOnly: [messages.onePlanOnly()],
    badLocale: [messages.badLocale()],
    badOption: [messages.badOption('--stage', ['draft', 'submission'])],
    badArguments: [messages.badArguments('x')],
    unknownProfile: [messages.unknownProfile('x', ['a', 'b'])],
    importNeedsProfile: [messages.importNeedsProfile(['a@1', 'b@1'])],
    profileIsFile: [messages.profileIsFile('exemple')],
    unknownSchema: [messages.unknownSchema('x')],
    assessUsage: [messages.assessUsage()],
    assessNeedsAuthor: [messages.assessNeedsAuthor()],
    letterUsage: [messages.letterUsage()],
    letterNeedsAssessment: [messages.letterNeedsAssessment()],
    outputRequired: [messages.outputRequired('plan.avis.docx')],
    invalidPlan: [messages.invalidPlan()],
    invalidAssessment: [messages.invalidAssessment(1), messages.invalidAssessment(2)],
    valid: [messages.valid('a@1')],
    invalid: [messages.invalid(1), messages.invalid(2)],
    invalidJson: [messages.invalidJson('x')],
    about: [messages.about('f.json', messages.valid('a@1'))],
    working: (['read', 'validate', 'evaluate', 'render-html', 'render-markdown', 'render-docx', 'render-pdf', 'render-xlsx', 'write'] as const).map((stage) => messages.working('plan.json', stage, 3)),
    cannotRead: ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EWHATEVER', undefined].map((code) => messages.cannotRead('f.json', code)),
    cannotWrite: ['ENOENT', 'EACCES', 'EEXIST', 'EWHATEVER', undefined].map((code) => messages.cannotWrite('f.json', code)),
  }

  it.each(Object.values(samples).flat().map((message) => [message.fr, message]))('%s — in French and English, each with its typography', (_, message) => {
    expect(message.fr.trim()).not.toBe('')
    expect(message.en.trim()).not.toBe('')
    expect(message.fr).not.toBe(message.en)
    // French: a space before « : » and guillemets; English: no space before a colon, no guillemets.
    expect(message.fr).not.toMatch(/[^\s]:(\s|$)/)
    expect(message.fr).not.toMatch(/"/)
    expect(message.en).not.toMatch(/\s:/)
    expect(message.en).not.toMatch(/[«»]/)
  })
})

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RenderError } from '../errors.js'
import { findChromium } from './chromium.js'
import { planPdf } from '../pdf.js'
import { createContext } from '../context.js'
import { seeds } from '../test-support.js'

const folder = mkdtempSync(join(tmpdir(), 'chromium-path-'))
const notExecutable = join(folder, 'chromium.txt')
writeFileSync(notExecutable, 'not a program')
chmodSync(notExecutable, 0o644)

function failure(run: () => unknown): RenderError {
  try {
    run()
  } catch (error) {
    if (error instanceof RenderError) return error
    throw error
  }
  throw new Error('expected a RenderError')
}

describe('a Chromium path someone chose', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('is an error, in French and English, when CHROMIUM_PATH leads to no file', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium')
    const error = failure(() => findChromium())
    expect(error.code).toBe('chromium-not-found')
    expect(error.text.fr).toBe(
      'CHROMIUM_PATH désigne « /nowhere/chromium », mais aucun fichier n’existe à cet endroit. Corrigez le chemin ou retirez la variable pour utiliser le Chromium du système, ou la mise en page sans Chromium (pdfkit).',
    )
    expect(error.text.en).toContain('CHROMIUM_PATH points to "/nowhere/chromium", but no file exists there.')
  })

  it('names a folder and a file that cannot run for what they are', () => {
    vi.stubEnv('CHROMIUM_PATH', folder)
    expect(failure(() => findChromium()).text.en).toContain('it is a folder, not a program')
    expect(failure(() => findChromium(notExecutable)).text.fr).toMatch(/^Le chemin de Chromium donné désigne « .+chromium\.txt », mais le fichier n’est pas exécutable\./)
  })

  it('is taken as given when it runs, and an empty CHROMIUM_PATH means none was chosen', () => {
    expect(findChromium('/bin/sh')).toBe('/bin/sh')
    vi.stubEnv('CHROMIUM_PATH', '')
    expect(() => findChromium()).not.toThrow()
  })

  it('stops a PDF render instead of falling back to pdfkit in silence', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium')
    const plan = seeds.crevale2026()
    await expect(planPdf(plan, createContext(plan))).rejects.toMatchObject({ name: 'RenderError', code: 'chromium-not-found' })
    // pdfkit was asked for by name: the Chromium setting does not matter to it.
    await expect(planPdf(plan, createContext(plan), { engine: 'pdfkit' })).resolves.toBeInstanceOf(Uint8Array)
  })
})

describe('a plan whose profile the context does not know', () => {
  it('is a RenderError naming the profile in both languages', () => {
    const error = failure(() => createContext({ profile: { id: 'nope', version: 3 } }))
    expect(error.code).toBe('unknown-profile')
    expect(error.text).toEqual({ fr: 'Profil inconnu : « nope@3 ».', en: 'Unknown profile: "nope@3".' })
  })
})

describe('the engine `auto` picks for a large plan', () => {
  it('is pdfkit past CHROMIUM_MAX_ROWS rows, whatever the Chromium setting; Chromium up to it', async () => {
    const { generatedPlan } = await import('@demarche/domain/examples')
    const { CHROMIUM_MAX_ROWS, chromiumSuits } = await import('../pdf.js')
    expect(chromiumSuits(generatedPlan(CHROMIUM_MAX_ROWS))).toBe(true)
    expect(chromiumSuits(generatedPlan(CHROMIUM_MAX_ROWS + 1))).toBe(false)
    expect(chromiumSuits({ axes: [{ objectives: [{ rows: 'not rows' }, null] }, 7] })).toBe(true)
    // A Chromium path leading nowhere is not even looked at: the large plan never goes to Chromium.
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium')
    try {
      const large = generatedPlan(CHROMIUM_MAX_ROWS + 1)
      const pdf = await planPdf(large, createContext(large))
      // Chromium's PDFs name their producer "Skia/PDF"; pdfkit's do not.
      expect(pdf.length).toBeGreaterThan(0)
      expect(new TextDecoder('latin1').decode(pdf)).not.toContain('Skia/PDF')
    } finally {
      vi.unstubAllEnvs()
    }
  }, 60_000)
})

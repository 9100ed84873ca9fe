// Helpers for this package's tests: real seed plans, a fixed clock, system tools, text comparison.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { PlanDocument } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext, type RenderLocale } from './context.js'

export const seeds = {
  crevale2026: () => examplePlans.crevale2026(),
  crevale2021: () => examplePlans.crevale2021(),
  crevaleServiceOffer: () => examplePlans.crevaleServiceOffer(),
} as const

export const CLOCK = () => new Date('2026-11-23T12:00:00Z')

export function context(plan: PlanDocument, locale: RenderLocale = 'fr-CA') {
  return createContext(plan, { clock: CLOCK, locale })
}

/**
 * Whether a system tool (chromium, pdftotext, pdfinfo, pandoc) is installed. When it is not, the test
 * says so visibly and is skipped — unless DEMARCHE_REQUIRE_TOOLS is set (CI), where its absence fails.
 */
export function hasTool(command: string, probe: string[] = ['--version']): boolean {
  try {
    execFileSync(command, probe, { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error(`${command} is required (DEMARCHE_REQUIRE_TOOLS is set) but is not installed`)
    console.warn(`\n⚠ ${command} is not installed: the tests that need it are skipped.\n`)
    return false
  }
}

/** Every text the chantier wrote in a plan, except budget cells (whose amounts are re-typeset). */
export function sourceTexts(plan: PlanDocument): string[] {
  const texts: string[] = []
  const skip = new Set(['id', 'effect', 'ref', 'kind', 'type', 'priorityId', 'placeholder', 'value', 'unparsed', 'mode', 'profile', 'budget', 'schemaVersion', 'status', 'language', 'label', 'heading', 'raw', 'depositDate'])
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key !== undefined && !skip.has(key)) texts.push(value)
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key === 'items' ? 'items' : key))
    else if (value && typeof value === 'object') for (const [k, child] of Object.entries(value)) if (!skip.has(k)) walk(child, k)
  }
  walk(plan)
  return texts.filter((text) => text.trim() !== '')
}

/** Text as a reader sees it: emphasis marks, typographic spaces and quotes, and line breaks folded. */
export function normalize(text: string): string {
  return text
    .replace(/\*\*|\*/g, '')
    .replace(/[«»"“”]/g, '"')
    .replace(/"\s+/g, '"')
    .replace(/\s+"/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/ ([:;!?])/g, '$1')
    .trim()
}

/** Writes a file under test-output/ (kept by CI as an artefact, ignored by git). */
export function testOutput(name: string, data: Uint8Array | string): string {
  const dir = new URL('../test-output/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL(name, dir)
  writeFileSync(file, data)
  return file.pathname
}

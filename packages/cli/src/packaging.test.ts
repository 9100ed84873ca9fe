import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The packages as a user outside this repository gets them: each packed as it would be published
// (`pnpm pack` turns `workspace:^` into versions), installed from the tarballs into a fresh project, and
// used there as the READMEs show — validate, walk, evaluate, format, render to every format.

const root = fileURLToPath(new URL('../../../', import.meta.url))
const PACKAGES = ['domain', 'rules', 'render', 'import', 'cli'] as const

let project: string
let tarballs: Record<(typeof PACKAGES)[number], string>

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'demarche-outside-'))
  const packed = join(project, 'tarballs')
  await mkdir(packed)
  for (const name of PACKAGES) execFileSync('pnpm', ['pack', '--pack-destination', packed], { cwd: join(root, 'packages', name), stdio: 'pipe' })
  const files = await readdir(packed)
  tarballs = Object.fromEntries(PACKAGES.map((name) => [name, `file:${join(packed, files.find((file) => file.startsWith(`demarche-${name}-`))!)}`])) as typeof tarballs
  const dependencies = Object.fromEntries(PACKAGES.map((name) => [`@demarche/${name}`, tarballs[name]]))
  // The tarballs depend on each other by version (^0.1.0): point those at the tarballs too.
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'outside', private: true, type: 'module', dependencies, pnpm: { overrides: dependencies } }))
  execFileSync('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'], { cwd: project, stdio: 'pipe' })
}, 240_000)

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true })
})

const SNIPPETS = `
import { validatePlan, walkPlan } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { evaluatePlan, formatReport } from '@demarche/rules'
import { createContext, planHtml, planMarkdown } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { planXlsx } from '@demarche/render/xlsx'
import { planPdf } from '@demarche/render/pdf'
import { blankFormXlsx, detectFormat } from '@demarche/import'
import { lanaudiere2026 } from '@demarche/domain'

const plan = examplePlans.crevale2026()
const result = validatePlan(JSON.parse(JSON.stringify(plan)))
if (!result.ok) throw new Error('invalid')
const places = [...walkPlan(result.plan, result.profile)].map((visit) => visit.label.fr)
const report = evaluatePlan(plan)
const context = createContext(plan, { locale: 'fr-CA', clock: () => new Date('2026-11-23') })
const bytes = async (value) => Buffer.from(await value)
const pdf = await bytes(planPdf(plan, context))
console.log(JSON.stringify({
  places: places.slice(0, 2),
  score: report.score,
  stylish: formatReport('stylish', [{ file: 'plan.json', report }], { locale: 'fr', color: false }).split('\\n')[0],
  html: planHtml(plan, context).slice(0, 15),
  markdown: planMarkdown(plan, context).split('\\n')[0],
  docx: (await bytes(planDocx(plan, context))).subarray(0, 2).toString(),
  xlsx: (await bytes(planXlsx(plan, context))).subarray(0, 2).toString(),
  pdf: pdf.subarray(0, 5).toString(),
  blankForm: detectFormat(await blankFormXlsx(lanaudiere2026)).format,
  // Chromium's PDFs name Skia as their producer; pdfkit's name this package.
  pdfProducer: pdf.toString('latin1').includes('Skia/PDF') ? 'chromium' : 'pdfkit',
}))
`

describe('the packages installed from their tarballs in a project of their own', () => {
  it('install without the monorepo: no workspace: ranges are left in the published manifests', () => {
    const manifest = execFileSync('tar', ['-xzOf', tarballs.render.slice('file:'.length), 'package/package.json'], { encoding: 'utf8' })
    expect(manifest).not.toContain('workspace:')
    expect(JSON.parse(manifest).peerDependenciesMeta?.['playwright-core']?.optional).toBe(true)
  })

  it('run the READMEs’ snippets: validate, walk, evaluate, format and render every format', async () => {
    await writeFile(join(project, 'snippets.mjs'), SNIPPETS)
    const run = spawnSync(process.execPath, ['snippets.mjs'], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
    expect(run.stderr).toBe('')
    const out = JSON.parse(run.stdout)
    expect(out.places).toEqual(['Axe 1', 'Axe 1, objectif 1'])
    expect(out.score).toBe(97)
    expect(out.stylish).toContain('plan.json')
    expect(out.html).toBe('<!DOCTYPE html>')
    expect(out.markdown).toMatch(/^# /)
    expect([out.docx, out.xlsx]).toEqual(['PK', 'PK'])
    expect(out.pdf).toBe('%PDF-')
    expect(out.blankForm).toBe('xlsx')
    // playwright-core is an optional peer, not installed here: the PDF falls back to pdfkit, as documented.
    expect(out.pdfProducer).toBe('pdfkit')
  }, 120_000)

  it('link the demarche command', () => {
    const plan = join(root, 'packages/domain/examples/crevale-2026-2028.plan.json')
    const run = spawnSync(join(project, 'node_modules/.bin/demarche'), ['validate', plan], { cwd: project, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('valide (lanaudiere-2026@1)')
  })
})

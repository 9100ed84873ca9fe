// Issue 11's check through the API: the region of another shape (docs/examples/littoral/: no axis level, no
// numbers, calendar years, absent sections, its own level names) registered from its files as they are, its
// plan created, evaluated, rendered in every format and both languages, its report made, its own DOCX and XLSX
// and its blank form read back; no output shows a word of Lanaudière's (the list the CLI's test uses).
import { execFile, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { loadProfileText, type PlanDocument, preparePlan } from '@demarche/domain'
import { bilingualTexts, LANAUDIERE_WORDS, officeText, visibleText } from '@demarche/domain/testing'
import { openZip } from '@demarche/import'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, regionExample, testApp, type TestApp } from './test-support.js'
import type { Definitions } from './services/registry.js'
import type { Task } from './workers/tasks.js'

const hasPdftotext = await promisify(execFile)('pdftotext', ['-v']).then(() => true, () => false)

/** A command's standard output for `input` on its standard input. */
function run(command: string, argv: string[], input: Buffer): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv)
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve({ stdout: Buffer.concat(chunks).toString('utf8') }) : reject(new Error(`${command} exited ${code}`))))
    child.stdin.end(input)
  })
}

const FOLDER = new URL('../../../docs/examples/littoral/', import.meta.url)
const json = { 'content-type': 'application/json' }
const OFFICE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

let t: TestApp
let admin: Record<string, string>
let coordinator: Record<string, string>
let planId = ''
let plan: PlanDocument
/** Every output, by what it is: the texts a reader sees. */
const outputs: Record<string, string> = {}
/** The 201 answers of the imports of the plan's own DOCX and XLSX. */
const imported: Partial<Record<'docx' | 'xlsx', unknown>> = {}
const bytes: Record<string, Buffer> = {}
/** Every task sent to the work pool while the Littoral plan goes through the service. */
const tasks: Task[] = []

function office(name: string, body: Buffer): string {
  const opened = openZip(new Uint8Array(body), (path) => path.endsWith('.xml'))
  if (!opened.ok) throw new Error(`${name} is not an Office file: ${JSON.stringify(opened.issues)}`)
  return officeText(opened.parts, true)
}

describe(`the Littoral region through the API (${DATABASE})`, () => {
  beforeAll(async () => {
    t = await testApp()
    admin = { ...bearer(t.keys.admin), ...json }
    const profileText = await readFile(new URL('littoral.profile.json', FOLDER), 'utf8')
    const rulesText = await readFile(new URL('littoral.rules.json', FOLDER), 'utf8')
    const post = async (url: string, headers: Record<string, string>, payload: unknown) => {
      const response = await t.app.inject({ method: 'POST', url, headers, payload: payload as string })
      if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`)
      // A registration answers the definition itself, `extends` applied (the absent parts of `generic` included): not a document.
      if (!/profiles|rule-sets/.test(url)) outputs[`POST ${url}`] = bilingualTexts(response.json()).join('\n')
      return response
    }
    // Another region registered first: none of its definitions may travel with a task on a Littoral plan.
    const other = await regionExample()
    await post('/v1/profiles', admin, other.profileText)
    await post('/v1/rule-sets', admin, other.rulesText)
    await post('/v1/profiles', admin, profileText)
    await post('/v1/rule-sets', admin, rulesText)
    const pooled = t.app.work.run.bind(t.app.work)
    t.app.work.run = ((task: Task) => {
      tasks.push(structuredClone(task))
      return pooled(task as never)
    }) as typeof t.app.work.run
    await post('/v1/programmes', admin, { id: 'littoral', name: 'Table de concertation du Littoral', reviewingBody: 'Table de concertation du Littoral', profile: 'littoral@1', ruleSet: 'littoral@1' })
    await post('/v1/chantiers', admin, { id: 'lecture-littoral', name: 'Lecture au Littoral', programmeId: 'littoral' })
    const key = (await post('/v1/api-keys', admin, { role: 'coordinator', chantierIds: ['lecture-littoral'], label: 'Lecture au Littoral' })).json().key as string
    coordinator = bearer(key)
    const loaded = loadProfileText(profileText, 'littoral.profile.json')
    if (!loaded.ok) throw new Error(`littoral.profile.json: ${JSON.stringify(loaded.issues)}`)
    plan = preparePlan(JSON.parse(await readFile(new URL('plan.json', FOLDER), 'utf8')), loaded.profile) as PlanDocument
    planId = (await post('/v1/plans', { ...coordinator, ...json }, { chantierId: 'lecture-littoral', document: plan })).json().id
    outputs.evaluation = bilingualTexts((await post(`/v1/plans/${planId}/evaluations`, coordinator, undefined)).json()).join('\n')
    outputs['POST /v1/evaluate'] = bilingualTexts((await post('/v1/evaluate', json, plan)).json()).join('\n')
    const get = async (url: string, headers = coordinator) => {
      const response = await t.app.inject({ method: 'GET', url, headers })
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`)
      return response.rawPayload
    }
    for (const locale of ['fr-CA', 'en-CA']) {
      // One PDF (a Chromium print takes seconds on a loaded machine): its words are the HTML's, checked in both languages.
      for (const format of locale === 'fr-CA' ? ['html', 'markdown', 'docx', 'pdf', 'xlsx'] : ['html', 'markdown', 'docx', 'xlsx']) bytes[`document ${format} ${locale}`] = await get(`/v1/plans/${planId}/document?format=${format}&locale=${locale}`)
      for (const format of ['html', 'markdown']) bytes[`report ${format} ${locale}`] = await get(`/v1/plans/${planId}/report?format=${format}&locale=${locale}`)
      bytes[`blank form ${locale}`] = await get(`/v1/profiles/littoral/form?locale=${locale}`)
    }
    for (const [name, body] of Object.entries(bytes)) {
      if (/docx|xlsx|blank form/.test(name)) outputs[name] = office(name, body)
      else if (!name.includes('pdf')) outputs[name] = visibleText(body.toString('utf8'))
    }
    if (hasPdftotext) outputs['document pdf fr-CA'] = (await run('pdftotext', ['-raw', '-', '-'], bytes['document pdf fr-CA']!)).stdout
    // Its own Word and Excel files, read back into the plan.
    for (const format of ['docx', 'xlsx'] as const) {
      const response = await t.app.inject({ method: 'POST', url: `/v1/plans/imports?chantierId=lecture-littoral&profile=littoral@1`, headers: { ...coordinator, 'content-type': OFFICE[format] }, payload: bytes[`document ${format} fr-CA`] })
      outputs[`import ${format}`] = `${response.statusCode}\n${bilingualTexts(response.json()).join('\n')}`
      imported[format] = response.json()
    }
    // The workbook names its profile (Document sheet): the worker asks for it, and is sent it.
    const named = await t.app.inject({ method: 'POST', url: '/v1/plans/imports?chantierId=lecture-littoral', headers: { ...coordinator, 'content-type': OFFICE.xlsx }, payload: bytes['document xlsx fr-CA'] })
    outputs['import xlsx (profile named by the workbook)'] = `${named.statusCode}\n${bilingualTexts(named.json()).join('\n')}`
  }, 120_000)

  afterAll(async () => {
    await t?.close()
  })

  it('registers its files as written and evaluates its plan with its own rule set', async () => {
    const stored = (await t.app.inject({ method: 'GET', url: `/v1/plans/${planId}`, headers: coordinator })).json()
    expect(stored.document.profile).toEqual({ id: 'littoral', version: 1 })
    expect(stored.document.axes).toEqual([])
    const report = (await t.app.inject({ method: 'POST', url: '/v1/evaluate', headers: json, payload: plan as never })).json()
    expect(report.ruleSet).toEqual({ id: 'littoral', version: 1 })
    const labels = Object.fromEntries(report.criteria.map((criterion: { id: string; label: unknown }) => [criterion.id, criterion.label]))
    expect(labels['plan-table']).toEqual({ fr: 'Orientations et gestes', en: 'Directions and steps' })
    expect(Object.keys(labels)).not.toContain('budget')
  })

  it('renders the plan and its report in every format and both languages, in its words', () => {
    expect(outputs['document markdown fr-CA']).toContain('### Orientation — Éveiller les tout-petits à la lecture')
    expect(outputs['document markdown fr-CA']).toContain('#### Dans les services de garde')
    expect(outputs['document markdown en-CA']).toMatch(/Direction/)
    expect(outputs['document docx fr-CA']).toContain('Table de concertation du Littoral')
    expect(outputs['document xlsx fr-CA']).toContain('Prêter des trousses de livres aux éducatrices.')
    expect(outputs['report markdown fr-CA']).toContain('Orientations et gestes')
    expect(outputs['report markdown en-CA']).toContain('Directions and steps')
    expect(bytes['document pdf fr-CA']!.subarray(0, 5).toString()).toBe('%PDF-')
    if (hasPdftotext) expect(outputs['document pdf fr-CA']).toContain('Éveiller les tout-petits à la lecture')
  })

  it('sends each task only the Littoral profile and rule set (with their registered `extends` chain), never the other region’s', () => {
    const sent = tasks.flatMap((task) => (task.definitions ? [JSON.parse(task.definitions) as Definitions] : []))
    // Evaluations, renders, reports and imports; POST /v1/evaluate is asked for the profile it names, then sent it.
    expect(tasks.length).toBeGreaterThanOrEqual(15)
    expect(sent.length).toBeGreaterThanOrEqual(12)
    for (const definitions of sent) {
      expect(definitions.profiles.map((profile) => `${profile.id}@${profile.version}`)).toEqual(['littoral@1'])
      expect(definitions.ruleSets.map((set) => `${set.id}@${set.version}`)).toEqual(['littoral@1'])
    }
    const imports = tasks.filter((task) => task.kind === 'import-plan' && task.profile === undefined)
    expect(imports.map((task) => [task.definitions === undefined, task.kind === 'import-plan' && task.ask === true])).toEqual([[true, true], [false, false]])
    const evaluate = tasks.filter((task) => task.kind === 'evaluate-body')
    expect(evaluate.map((task) => [task.definitions === undefined, task.kind === 'evaluate-body' && task.ask === true])).toEqual([[true, true], [false, false]])
  })

  it('reads its own DOCX and XLSX back', () => {
    expect(outputs['import docx']).toMatch(/^201\n/)
    expect(outputs['import xlsx']).toMatch(/^201\n/)
    // Read whole: nothing left unplaced, no warning, the plan's objectives, groups and notes as stored.
    for (const format of ['docx', 'xlsx'] as const) {
      const body = imported[format] as { import: { unplaced: unknown[]; issues: Array<{ severity: string }> }; plan: { document: PlanDocument } }
      expect(body.import.unplaced, format).toEqual([])
      expect(body.import.issues.filter((found) => found.severity !== 'info'), format).toEqual([])
      const { id: _id, ...document } = body.plan.document
      const { id: _planId, ...source } = plan
      expect(document, format).toEqual(source)
    }
    expect(outputs['import xlsx (profile named by the workbook)']).toMatch(/^201\n/)
  })

  it('shows none of Lanaudière’s words in any output, report or message, in either language', () => {
    if (!hasPdftotext && process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error('pdftotext is required (DEMARCHE_REQUIRE_TOOLS is set)')
    expect(Object.keys(outputs).length).toBeGreaterThanOrEqual(hasPdftotext ? 23 : 22)
    // The blank form's Document sheet names the group's fields in the profile's words (its `terms`), none left.
    expect(outputs['blank form fr-CA']).toContain(' Comité ')
    expect(outputs['blank form fr-CA']).toContain(' Organisme porteur du comité ')
    expect(outputs['blank form en-CA']).toContain(' Committee’s lead organisation ')
    const found = Object.entries(outputs).flatMap(([name, text]) => [...text.matchAll(new RegExp(LANAUDIERE_WORDS.source, 'gi'))].map((match) => `${name}: « ${text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, ' ')} »`))
    expect(found).toEqual([])
  })
})

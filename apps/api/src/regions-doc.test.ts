// docs/regions.md, section 5, is a test: every line of its `sh` block runs with bash, curl and jq against
// a service started here (on PGlite, or PostgreSQL with DATABASE_URL), in a copy of the made-up region's
// folder as section 4 leaves it (plan.json prepared). Then what the commands wrote is read.
import { execFile, execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { LANAUDIERE_NAMES } from '@demarche/domain/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, DATABASE, REGION_FOLDER, regionExample, testApp, type TestApp } from './test-support.js'

const run = promisify(execFile)
const repository = new URL('../../../', import.meta.url)
const doc = await readFile(new URL('docs/regions.md', repository), 'utf8')
const section = doc.slice(doc.indexOf('## 5. Through the API'), doc.indexOf('\n## ', doc.indexOf('## 5. Through the API') + 1))
/** The section's one `sh` block: the commands an admin and a coordinator run. */
const script = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''

const tools = ['bash', 'curl', 'jq', 'pdftotext'].filter((tool) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' })
    return false
  } catch {
    return true
  }
})
if (tools.length > 0 && process.env.DEMARCHE_REQUIRE_TOOLS) throw new Error(`${tools.join(', ')} required (DEMARCHE_REQUIRE_TOOLS is set) but not installed`)

let t: TestApp
let folder: string
let output = ''

describe.skipIf(tools.length > 0)(`docs/regions.md: the made-up region through the API (${DATABASE})${tools.length > 0 ? ` — skipped: ${tools.join(', ')} missing` : ''}`, () => {
  beforeAll(async () => {
    t = await testApp()
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = t.app.server.address() as AddressInfo
    folder = await mkdtemp(join(tmpdir(), 'demarche-region-api-'))
    await cp(REGION_FOLDER, folder, { recursive: true })
    // Section 4 prepared plan.json (`demarche prepare plan.json --write`): the same, with the region's profile.
    await writeFile(join(folder, 'plan.json'), JSON.stringify((await regionExample()).plan, null, 2))
    // The page's address, as the service here listens; A: the admin key.
    const commands = script.replace('http://127.0.0.1:3000/v1', `http://127.0.0.1:${port}/v1`)
    const result = await run('bash', ['-euo', 'pipefail', '-c', commands], { cwd: folder, env: { ...process.env, A: t.keys.admin }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    output = `${result.stdout}${result.stderr}`
    if ('code' in result && result.code !== 0) throw new Error(`the commands of docs/regions.md section 5 exited ${result.code}:\n${output}`)
  }, 240_000)

  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('registers the region’s files and creates its programme, chantier and plan (every command succeeds)', async () => {
    expect(script.split('\n').filter((line) => line.startsWith('curl ')).length).toBeGreaterThanOrEqual(10)
    const profiles = (await t.app.inject({ method: 'GET', url: '/v1/profiles' })).json() as Array<{ id: string; origin: string }>
    expect(profiles.filter((profile) => profile.origin === 'registered').map((profile) => profile.id)).toEqual(['exemple'])
    const ruleSets = (await t.app.inject({ method: 'GET', url: '/v1/rule-sets' })).json() as Array<{ id: string; origin: string }>
    expect(ruleSets.find((set) => set.id === 'exemple')).toMatchObject({ origin: 'registered' })
    const programmes = (await t.app.inject({ method: 'GET', url: '/v1/programmes' })).json()
    expect(programmes).toContainEqual(expect.objectContaining({ id: 'exemple', profile: 'exemple@1', ruleSet: 'exemple@1' }))
    const plans = (await t.app.inject({ method: 'GET', url: '/v1/plans?chantierId=lecture', headers: bearer(t.keys.admin) })).json()
    expect(plans.items).toHaveLength(1)
    expect(plans.items[0]).toMatchObject({ profileId: 'exemple', status: 'deposited' })
  })

  it('evaluates the plan with the programme’s rule set, stored and not stored', async () => {
    const stored = JSON.parse(await readFile(join(folder, 'evaluation.json'), 'utf8'))
    expect(stored.ruleSet).toBe('exemple@1')
    expect(stored.score).toBeGreaterThan(0)
    const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'))
    expect(report).toMatchObject({ ruleSet: { id: 'exemple', version: 1 }, profile: { id: 'exemple', version: 1 }, valid: true })
    expect(report.criteria.map((criterion: { label: { fr: string } }) => criterion.label.fr)).toContain('Orientations, stratégies et gestes')
  })

  it('renders the plan and its report in every format, in the region’s words and none of Lanaudière’s', async () => {
    const html = await readFile(join(folder, 'api-plan.html'), 'utf8')
    const markdown = await readFile(join(folder, 'api-plan.md'), 'utf8')
    const report = await readFile(join(folder, 'api-report.md'), 'utf8')
    for (const word of ['Orientation 1', 'Stratégie 1', 'Porteur', 'Alliés', 'Cibles', 'Échéance', 'Membres de la table']) expect(markdown).toContain(word)
    expect(html).toContain('Porteur')
    expect(report).toContain('Directions, strategies and steps')
    const pdfText = (await run('pdftotext', [join(folder, 'api-plan.pdf'), '-'], { encoding: 'utf8' })).stdout
    expect(pdfText).toContain('Porteur')
    for (const name of ['api-plan.docx', 'api-plan.xlsx']) expect((await readFile(join(folder, name))).subarray(0, 2).toString()).toBe('PK')
    for (const [name, text] of Object.entries({ html, markdown, report, pdfText, output })) expect(text, name).not.toMatch(LANAUDIERE_NAMES)
  })
})

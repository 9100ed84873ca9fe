import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { loadProfileText, type PlanDocument, textsOf } from '@demarche/domain'
import { bilingualTexts, LANAUDIERE_WORDS, officeText, visibleText as visible } from '@demarche/domain/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Issue 11's check of "a model that carries other shapes": a region whose plan has no axis level, no numbers,
 * calendar years, absent sections, its own level names in both languages, groups of actions and notes, written
 * only as files (docs/examples/littoral/), through every command of the CLI. Its documents must carry every
 * text it wrote and none of Lanaudière's words.
 */
const run = promisify(execFile)
const repository = new URL('../../../', import.meta.url)
const bin = new URL('../dist/bin.js', import.meta.url).pathname
const hasPdftotext = await run('pdftotext', ['-v']).then(() => true, () => false)
const requireTools = process.env.DEMARCHE_REQUIRE_TOOLS === '1'

const COMMANDS = [
  ['prepare', 'plan.json', '--write'],
  ['validate', 'plan.json'],
  ['lint', 'plan.json'],
  ['lint', 'plan.json', '--locale', 'en'],
  ['lint', 'plan.json', '--format', 'json'],
  ['render', 'plan.json', '--format', 'html', '-o', 'plan.html'],
  ['render', 'plan.json', '--format', 'markdown', '-o', 'plan.md'],
  ['render', 'plan.json', '--format', 'docx', '-o', 'plan.docx'],
  ['render', 'plan.json', '--format', 'pdf', '-o', 'plan.pdf'],
  ['render', 'plan.json', '--format', 'xlsx', '-o', 'plan.xlsx'],
  ['render', 'plan.json', '--format', 'html', '--locale', 'en', '-o', 'plan.en.html'],
  ['render', 'plan.json', '--report', '--format', 'markdown', '-o', 'report.md'],
  ['render', 'plan.json', '--report', '--format', 'markdown', '--locale', 'en', '-o', 'report.en.md'],
  ['render', 'plan.json', '--report', '--format', 'html', '-o', 'report.html'],
  // The region's blank forms, its profile found by the project file.
  ['template', '--format', 'docx', '-o', 'form.docx'],
  ['template', '--format', 'docx', '--locale', 'en', '-o', 'form.en.docx'],
  ['template', '--format', 'xlsx', '-o', 'form.xlsx'],
  ['template', '--format', 'xlsx', '--locale', 'en', '-o', 'form.en.xlsx'],
  // Its own Word and Excel files read back, the JSON Schema its editor completes with, a reviewer's assessment and letter.
  ['import', 'plan.docx', '-o', 'from-docx.json'],
  ['import', 'plan.xlsx', '-o', 'from-xlsx.json'],
  ['schema'],
  ['assess', 'plan.json', '--author', 'Marie Tremblay', '-o', 'evaluation.yaml'],
  ['letter', '--assessment', 'evaluation.yaml', 'plan.json', '-o', 'letter.html'],
  ['letter', '--assessment', 'evaluation.yaml', 'plan.json', '--locale', 'en', '-o', 'letter.en.html'],
]

let folder: string
const messages: Record<string, string> = {}
const standardOutputs: Record<string, string> = {}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarche-littoral-'))
  await cp(new URL('docs/examples/littoral/', repository), folder, { recursive: true })
  for (const argv of COMMANDS) {
    const result = await run('node', [bin, ...argv], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).catch((error: { code: number; stdout: string; stderr: string }) => error)
    // The schema's output is JSON, read through its titles (`schemaTitles`); its messages are what it says on stderr.
    messages[argv.join(' ')] = argv[0] === 'schema' ? result.stderr : `${result.stdout}${result.stderr}`
    standardOutputs[argv.join(' ')] = result.stdout
    if ('code' in result && result.code !== 0) throw new Error(`demarche ${argv.join(' ')} exited ${result.code}:\n${result.stderr}`)
  }
}, 240_000)

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** The text of an Office file the CLI wrote (`officeText`). */
async function officeTextOf(name: string, withAttributes: boolean): Promise<string> {
  return officeText(Object.entries(unzipSync(await readFile(join(folder, name)))), withAttributes)
}

async function outputs(withAttributes = true): Promise<Record<string, string>> {
  const read = (name: string) => readFile(join(folder, name), 'utf8')
  const texts: Record<string, string> = {
    html: await read('plan.html'),
    'html (en)': await read('plan.en.html'),
    markdown: await read('plan.md'),
    docx: await officeTextOf('plan.docx', withAttributes),
    xlsx: await officeTextOf('plan.xlsx', withAttributes),
    'blank form docx': await officeTextOf('form.docx', withAttributes),
    'blank form docx (en)': await officeTextOf('form.en.docx', withAttributes),
    'blank form xlsx': await officeTextOf('form.xlsx', withAttributes),
    'blank form xlsx (en)': await officeTextOf('form.en.xlsx', withAttributes),
    'report (fr)': await read('report.md'),
    'report (en)': await read('report.en.md'),
    'report (html)': await read('report.html'),
    // What the reviewer reads in the drafted assessment: its comments (its keys and values are identifiers).
    // JSON Pointers there (`/objectives/0`) are identifiers too.
    'assessment (yaml)': (await read('evaluation.yaml')).split('\n').filter((line) => line.trimStart().startsWith('#')).join('\n').replace(/\/[\w/-]+/g, ' '),
    letter: await read('letter.html'),
    'letter (en)': await read('letter.en.html'),
    ...messages,
    // The JSON Schema's keys are identifiers; what an editor shows of it are its titles.
    schema: schemaTitles(JSON.parse(standardOutputs.schema!)).join('\n'),
    // A JSON report is read by people through its texts in both languages; its ids ("schedule") are not words.
    'lint plan.json --format json': bilingualTexts(JSON.parse(standardOutputs['lint plan.json --format json']!)).join('\n'),
  }
  // `-raw`: the text in the order it was drawn, so that a table's cells are not interleaved line by line.
  if (hasPdftotext) texts.pdf = (await run('pdftotext', ['-raw', join(folder, 'plan.pdf'), '-'], { encoding: 'utf8' })).stdout
  return texts
}

/** The titles of a JSON Schema, where an editor shows them. */
function schemaTitles(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(schemaTitles)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => (key === 'title' && typeof inner === 'string' ? [inner] : schemaTitles(inner)))
}

/** Every text the region wrote in plan.json, in document order. */
async function writtenTexts(): Promise<string[]> {
  const plan = JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8')) as PlanDocument
  const loaded = loadProfileText(await readFile(join(folder, 'littoral.profile.json'), 'utf8'), 'littoral.profile.json')
  if (!loaded.ok) throw new Error('profile')
  return textsOf(plan, loaded.profile).map((visit) => visit.text)
}

describe('a region of another shape, through every CLI command', () => {
  it('is valid as written, with no axis, no numbers and no absent section in the file', async () => {
    expect(messages['validate plan.json']).toContain('plan.json : valide (littoral@1)')
    const plan = JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8'))
    expect(plan.axes).toEqual([])
    for (const key of ['participants', 'preparation', 'followUp', 'complementarity', 'priorityResponses']) expect(plan).not.toHaveProperty(key)
    expect(JSON.stringify(plan)).not.toMatch(/"number":/)
    // Calendar years are read as years of the plan's count (2008 is year 1 from the origin 2007), kept as written.
    expect(plan.objectives[0].rows[0].schedule[0].years).toEqual({ raw: '2008-2010', value: { years: [1, 2, 3], mode: 'all' } })
  })

  it('is evaluated with its own rule set, whose criteria are named in its words', async () => {
    const report = JSON.parse(standardOutputs['lint plan.json --format json']!) as { ruleSet: { id: string }; criteria: Array<{ id: string; label: { fr: string; en: string } }> }
    expect(report.ruleSet.id).toBe('littoral')
    const labels = Object.fromEntries(report.criteria.map((criterion) => [criterion.id, criterion.label]))
    expect(labels['plan-table']).toEqual({ fr: 'Orientations et gestes', en: 'Directions and steps' })
    expect(labels.results).toEqual({ fr: 'Changements visés', en: 'Changes aimed for' })
    // The grid lists only what the form has: no section, owner or budget criterion.
    expect(Object.keys(labels)).not.toContain('budget')
    expect(Object.keys(labels)).not.toContain('participants')
  })

  it('renders its groups, notes and period as written, without a made-up number or heading', async () => {
    const { markdown, html, docx } = await outputs()
    expect(markdown).toMatch(/\*\*Période\*\*\s:\s2008-2012/)
    expect(markdown).toContain('#### Dans les services de garde')
    expect(markdown).toContain('### Orientation — Éveiller les tout-petits à la lecture')
    expect(markdown).not.toMatch(/Orientation \d|Ligne \d|Section \d/)
    expect(markdown).toContain('- Les enfants manipulent des livres chaque semaine.¹')
    expect(markdown).toContain('¹ Selon le sondage de la Table')
    expect(html).toContain('12 à 17 ans*')
    expect(docx).toMatch(/Tableau du plan — Orientations\s:\s2 orientations, colonnes Orientations, Gestes, Changements visés, Horizon\./)
    expect(docx).toContain('Table de concertation du Littoral')
  })

  it('reads its own DOCX and XLSX back into the plan it wrote, and names the schema for its editor in its words', async () => {
    const plan = JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8'))
    for (const file of ['from-docx.json', 'from-xlsx.json']) expect(JSON.parse(await readFile(join(folder, file), 'utf8')), file).toEqual(plan)
    expect(messages['import plan.docx -o from-docx.json']).toMatch(/0 avertissement\(s\).*0 texte\(s\) non placé\(s\)/)
    expect(JSON.parse(standardOutputs.schema!).title).toBe('Plan d’action de la Table du Littoral')
    // The drafted assessment's example of a request points into this plan's shape (no axis).
    expect(await readFile(join(folder, 'evaluation.yaml'), 'utf8')).toContain('pointer: /objectives/0, text: … }')
  })

  it('keeps every text the region wrote, in order, in HTML, Markdown, DOCX and PDF', async () => {
    const written = await writtenTexts()
    expect(written.length).toBeGreaterThan(15)
    const texts = await outputs(false)
    for (const format of ['html', 'markdown', 'docx', ...(hasPdftotext ? ['pdf'] : [])]) expectInOrder(texts[format]!, written, format)
  })

  it('shows none of Lanaudière’s words in any output or message, in either language', async () => {
    if (!hasPdftotext && requireTools) throw new Error('pdftotext is required (DEMARCHE_REQUIRE_TOOLS=1)')
    const texts = await outputs()
    expect(Object.keys(texts).length).toBeGreaterThanOrEqual(hasPdftotext ? 38 : 37)
    // The blank forms name the facts around the plan in the profile's words (its `terms`).
    expect(visible(texts['blank form xlsx']!)).toContain('Organisme porteur du comité')
    for (const [name, text] of Object.entries(texts)) expect(visible(text), name).not.toMatch(LANAUDIERE_WORDS)
  })
})

/** Each text appears after the previous one (whitespace and typography aside). */
function expectInOrder(document: string, texts: readonly string[], format: string): void {
  const haystack = normalise(visible(document))
  let from = 0
  for (const text of texts) {
    const needle = normalise(text)
    const at = haystack.indexOf(needle, from)
    expect(at, `${format}: « ${text} » after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at + needle.length
  }
}

function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[’']/g, '\'').replace(/&#39;|&apos;/g, '\'').trim()
}

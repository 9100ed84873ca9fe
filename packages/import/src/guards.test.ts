import { lanaudiere2026 } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { createContext } from '@demarche/render'
import { planDocx } from '@demarche/render/docx'
import { planXlsx } from '@demarche/render/xlsx'
import fc from 'fast-check'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect.js'
import { importPlan } from './plan-import.js'
import { DEFAULT_LIMITS } from './limits.js'
import { ImportIssue } from './report.js'
import { parseXml } from './xml.js'
import { openZip } from './zip.js'

const CLOCK = () => new Date('2026-11-23T12:00:00Z')
const plan = examplePlans.crevale2026()
const realDocx = planDocx(plan, createContext(plan, { clock: CLOCK }))
const realXlsx = planXlsx(plan, createContext(plan, { clock: CLOCK }))

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

/** Every issue is a valid, bilingual ImportIssue with French typography before « : ». */
function expectLocatedIssues(issues: readonly ImportIssue[]) {
  expect(issues.length).toBeGreaterThan(0)
  for (const problem of issues) {
    expect(Value.Check(ImportIssue, problem)).toBe(true)
    expect(problem.message.fr).not.toMatch(/[^\u00a0 ]:/)
    expect(problem.message.fr).not.toMatch(/ [:;!?»]/)
  }
}

describe('format detection', () => {
  it('recognises the toolkit’s own DOCX and XLSX', async () => {
    expect(detectFormat(await realDocx)).toEqual({ format: 'docx', issues: [] })
    expect(detectFormat(await realXlsx)).toEqual({ format: 'xlsx', issues: [] })
  })

  it('refuses a zip that is not an Office document, naming the missing part', () => {
    const result = detectFormat(zipSync({ 'readme.txt': strToU8('bonjour') }))
    expect(result.format).toBe('unknown')
    expect(result.issues.map((problem) => problem.code)).toEqual(['not-an-office-file'])
    expectLocatedIssues(result.issues)
  })
})

describe('hostile archives', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const bytes = await realDocx
    const result = openZip(bytes, () => true, { ...DEFAULT_LIMITS, maxFileBytes: bytes.length - 1 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues.map((problem) => problem.code)).toEqual(['file-too-large'])
      expect(result.issues[0]!.message.fr).toMatch(/Kio/)
      expectLocatedIssues(result.issues)
    }
  })

  it('refuses a zip bomb by its ratio, naming the entry, without inflating it', () => {
    // 64 MiB of zeros deflate to about 64 KiB: a ratio near 1000.
    const bomb = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 })
    const result = openZip(bomb, () => true, { ...DEFAULT_LIMITS, maxEntryBytes: 100 * 1024 * 1024 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues.map((problem) => [problem.code, problem.place.part])).toEqual([['zip-bomb', 'word/document.xml']])
      expectLocatedIssues(result.issues)
    }
  })

  it('refuses an archive whose total uncompressed size is over the limit, and an entry over its own', () => {
    const parts = Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`media/image${index}.bin`, crypto.getRandomValues(new Uint8Array(60_000))]))
    const bytes = zipSync(parts, { level: 0 })
    const total = openZip(bytes, () => true, { ...DEFAULT_LIMITS, maxTotalBytes: 200_000 })
    expect(total.ok ? [] : total.issues.map((problem) => problem.code)).toEqual(['zip-bomb'])
    const entry = openZip(bytes, () => true, { ...DEFAULT_LIMITS, maxEntryBytes: 50_000 })
    expect(entry.ok ? [] : entry.issues.map((problem) => [problem.code, problem.place.part])).toEqual(Object.keys(parts).map((part) => ['entry-too-large', part]))
  })

  it('refuses an archive with too many entries', () => {
    const bytes = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`p${index}.xml`, strToU8('<a/>')])))
    const result = openZip(bytes, () => true, { ...DEFAULT_LIMITS, maxEntries: 20 })
    expect(result.ok ? [] : result.issues.map((problem) => problem.code)).toEqual(['too-many-entries'])
    if (!result.ok) expectLocatedIssues(result.issues)
  })

  it('refuses truncated and corrupted copies of a real DOCX with a clear error, never a throw', async () => {
    const bytes = await realDocx
    for (const cut of [10, 100, bytes.length / 2, bytes.length - 10].map(Math.floor)) {
      const result = detectFormat(bytes.slice(0, cut))
      expect(result.format).toBe('unknown')
      expect(result.issues.map((problem) => problem.code)).toEqual(['corrupted-archive'])
      expectLocatedIssues(result.issues)
    }
    const flipped = bytes.slice()
    // Scrambles the compressed data of [Content_Types].xml after its local header, leaving the directory intact.
    const name = new TextDecoder('latin1').decode(bytes).indexOf('[Content_Types].xml')
    expect(name).toBeGreaterThan(0)
    for (let index = name + 19; index < name + 80; index++) flipped[index] = flipped[index]! ^ 0x5a
    const result = detectFormat(flipped)
    expect(result.format).toBe('unknown')
    expectLocatedIssues(result.issues)
  })

  it('refuses an entry whose data no longer matches its CRC-32, naming the entry', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES) }, { level: 0 })
    // Stored (level 0): changing one character of the XML keeps it well formed and inflatable; only the CRC tells.
    const at = new TextDecoder('latin1').decode(bytes).indexOf('document.main')
    bytes[at] = 'D'.charCodeAt(0)
    const result = openZip(bytes, () => true)
    expect(result.ok ? [] : result.issues.map((problem) => [problem.code, problem.place.part])).toEqual([['corrupted-archive', '[Content_Types].xml']])
    if (!result.ok) expectLocatedIssues(result.issues)
  })

  it('refuses random bytes and random mutations of a real XLSX without throwing or hanging', async () => {
    const bytes = await realXlsx
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (random) => {
        const result = detectFormat(random)
        expect(result.format).toBe('unknown')
        expectLocatedIssues(result.issues)
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), (edits) => {
        const mutated = bytes.slice()
        for (const [at, value] of edits) mutated[at] = value
        const result = detectFormat(mutated)
        // A mutation in an unread part (or a no-op) may leave the file readable; otherwise a located issue.
        if (result.format === 'unknown') expectLocatedIssues(result.issues)
        else expect(result.issues).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})

describe('hostile XML', () => {
  const bytes = (text: string) => strToU8(text)

  it('refuses a DOCTYPE with entities (billion laughs) at its line and column', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<w:document>&lol2;</w:document>'
    const result = parseXml(bytes(laughs), 'word/document.xml')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issue).toMatchObject({ code: 'xml-doctype', place: { part: 'word/document.xml', line: 2, column: 1 } })
      expectLocatedIssues([result.issue])
    }
  })

  it('refuses a workbook whose XML declares a DTD, used or not, at its part, line and column, as a Word document', async () => {
    const parts = unzipSync(await realXlsx)
    const withDoctype = (part: string, expand: boolean) => {
      const text = strFromU8(parts[part]!)
      const declared = text.replace('?>', '?>\n<!DOCTYPE d [<!ENTITY lol "lol">]>')
      return zipSync({ ...parts, [part]: strToU8(expand ? declared.replace(/<t([ >])/, '<t$1&lol;') : declared) })
    }
    for (const [part, expand] of [['xl/sharedStrings.xml', true], ['xl/workbook.xml', false]] as const) {
      const imported = await importPlan(withDoctype(part, expand), { profile: lanaudiere2026 })
      expect(imported.plan, part).toBeUndefined()
      expect(imported.report.failed).toBe(true)
      expect(imported.report.issues.map((each) => [each.code, each.place])).toEqual([['xml-doctype', { part, line: 2, column: 1 }]])
      expectLocatedIssues(imported.report.issues)
    }
  })

  it('refuses an external entity without fetching anything', () => {
    const result = parseXml(bytes('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'), 'word/document.xml')
    expect(result.ok ? '' : result.issue.code).toBe('xml-doctype')
  })

  it('refuses malformed XML at its line, and bytes that are not UTF-8', () => {
    const malformed = parseXml(bytes('<a>\n<b>\n</a>'), 'xl/sharedStrings.xml')
    expect(malformed.ok).toBe(false)
    if (!malformed.ok) {
      expect(malformed.issue.code).toBe('malformed-xml')
      expect(malformed.issue.place.part).toBe('xl/sharedStrings.xml')
      expect(malformed.issue.place.line).toBeGreaterThanOrEqual(2)
      expectLocatedIssues([malformed.issue])
    }
    const latin1 = parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), 'word/document.xml')
    expect(latin1.ok ? '' : latin1.issue.code).toBe('invalid-encoding')
  })

  it('parses the real document part in order, entities left as written', async () => {
    const opened = openZip(await realDocx, (name) => name === 'word/document.xml')
    expect(opened.ok).toBe(true)
    if (!opened.ok) return
    const parsed = parseXml(opened.parts.get('word/document.xml')!, 'word/document.xml')
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(JSON.stringify(parsed.nodes)).toContain('w:body')
  })
})

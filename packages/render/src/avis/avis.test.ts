// The reviewer's letter (avis) on the real 2026-2028 plan: HTML, DOCX opened by LibreOffice, PDF printed by
// Chromium and laid out by pdfkit; the tests read the text each gives back.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lanaudiere2026, preparePlan } from '@demarche/domain'
import { type AssessmentContent, evaluatePlan, fingerprinter, letterFollowUp } from '@demarche/rules'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { AVIS_FORMATS, renderers } from '../registry.js'
import { context, hasTool, normalize, seeds } from '../test-support.js'
import type { AvisInput } from './view.js'

const plan = seeds.crevale2026()
const report = evaluatePlan(plan, { stage: 'submission' })
const fingerprintOf = fingerprinter(plan)
const schedule = report.findings.find((finding) => finding.pointer === '/axes/3/objectives/3/rows/0/schedule/0/years')!
const dismissed = report.findings.find((finding) => finding !== schedule)!

const assessment: AssessmentContent = {
  criteria: [
    { criterion: 'budget', status: 'to-clarify', note: 'Les montants de 2027-2028 sont à donner par ligne.' },
    { criterion: 'schedule', status: 'non-compliant', note: 'Un échéancier dépasse la période.' },
    { criterion: 'participants', status: 'compliant' },
  ],
  recommendation: 'return',
  reasons: 'Le plan est retourné pour deux précisions : le budget de l’axe 2 et l’échéancier de l’axe 4.',
  findings: [
    { fingerprint: fingerprintOf(schedule), decision: 'confirm' },
    { fingerprint: fingerprintOf(dismissed), decision: 'dismiss', reason: 'Sans conséquence pour l’analyse.' },
  ],
  requests: [
    { id: 'r1', pointer: '/axes/1/objectives/0/rows/0/budget', criterion: 'budget', text: 'Indiquez le montant prévu pour 2027-2028.' },
    { id: 'r2', pointer: '/axes/3/objectives/3/rows/0/schedule/0/years', criterion: 'schedule', text: 'Ramenez l’échéancier dans la période du plan (An 6 à An 7).' },
  ],
}
const input: AvisInput = { plan, report, assessment, version: 3, author: 'Analyste de la Table', assessedAt: '2026-11-20T15:30:00Z' }

const chromium = hasTool('chromium', ['--version']) && hasTool('pdftotext', ['-v'])
const libreoffice = hasTool('soffice', ['--version'])

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarche-avis-'))
  const file = join(dir, 'avis.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

/** What a reader of the letter must find, in order: recommendation, each element named as in the form, the grid. */
function expectLetter(text: string, french: boolean) {
  const seen = normalize(text)
  const order = french
    ? ['Avis sur le plan de travail', 'Plan retourné avec demandes de précisions', 'Le plan est retourné pour deux précisions', 'Axe 2, objectif 1 — Budget', 'Indiquez le montant prévu pour 2027-2028.', 'Axe 4, objectif 4 — Échéancier', schedule.message.fr, 'Ramenez l’échéancier', 'Grille d’analyse', 'Non conforme', 'À préciser']
    : ['Assessment of the work plan', 'Plan returned with requests', 'Le plan est retourné pour deux précisions', 'Axis 2, objective 1 — Budget', 'Indiquez le montant prévu pour 2027-2028.', schedule.message.en, 'Assessment grid', 'Non-compliant', 'To clarify']
  let from = 0
  for (const expected of order) {
    const at = seen.indexOf(normalize(expected), from)
    expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at
  }
  // A dismissed finding is not requested.
  expect(seen).not.toContain(normalize(dismissed.message[french ? 'fr' : 'en']))
}

describe('the letter (avis) on the 2026-2028 plan', () => {
  it('is offered in HTML, DOCX and PDF by the registry', () => {
    expect(AVIS_FORMATS).toEqual(['html', 'docx', 'pdf'])
  })

  it.each(['fr-CA', 'en-CA'] as const)('HTML (%s): recommendation, requests per element in form order, grid; French typography', async (locale) => {
    const html = await renderers.html.renderAvis!(input, context(plan, locale))
    expect(html).toContain(`<html lang="${locale}">`)
    expectLetter(html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), locale === 'fr-CA')
    if (locale === 'fr-CA') expect(html).toContain('deux précisions\u00a0: le budget')
    expect(html).toContain('data-pointer="/axes/1/objectives/0/rows/0/budget"')
    // The same input and context give the same bytes.
    expect(await renderers.html.renderAvis!(input, context(plan, locale))).toBe(html)
  })

  it('says so when nothing is requested (an accepted plan), and names the whole plan as "Plan"', async () => {
    const accepted = await renderers.html.renderAvis!({ ...input, assessment: { ...assessment, recommendation: 'accept', reasons: 'Le plan répond aux attentes.', findings: [], requests: [] } }, context(plan))
    expect(accepted).toContain('<strong>Plan accepté</strong>')
    expect(accepted).toContain('<p>Aucune demande.</p>')
    expect(accepted).not.toContain('<h3')
    const whole = await renderers.html.renderAvis!({ ...input, assessment: { ...assessment, findings: [], requests: [{ id: 'r1', pointer: '', text: 'Relisez le plan.' }] } }, context(plan))
    expect(whole).toContain('<h3 data-pointer="/">Plan</h3>')
  })

  it.skipIf(!hasTool('pdftotext', ['-v']))('PDF laid out by pdfkit (no Chromium): the same letter', async () => {
    expectLetter(pdfText(await renderers.pdf.renderAvis!(input, context(plan), { pdf: { engine: 'pdfkit' } })), true)
  }, 60_000)

  it.skipIf(!chromium)('PDF printed by Chromium: the same letter', async () => {
    expectLetter(pdfText(await renderers.pdf.renderAvis!(input, context(plan, 'en-CA'), { pdf: { engine: 'chromium' } })), false)
  }, 60_000)

  it.skipIf(!libreoffice)('DOCX opened by LibreOffice: the same letter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demarche-avis-lo-'))
    const file = join(dir, 'avis.docx')
    writeFileSync(file, await renderers.docx.renderAvis!(input, context(plan)))
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 })
    expect(existsSync(join(dir, 'avis.pdf'))).toBe(true)
    expectLetter(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'avis.pdf'), '-'], { encoding: 'utf8' }), true)
  }, 180_000)
})

describe('the letter after a resubmission: what became of the previous letter’s requests', () => {
  // Version 2: the chantier fixed the schedule (request r2 and the confirmed finding), not the budget (r1).
  const fixed = seeds.crevale2026()
  fixed.axes[3]!.objectives[3]!.rows[0]!.schedule![0]!.years = { raw: 'An 6-7' } as never
  const plan2 = preparePlan(fixed, lanaudiere2026)
  const report2 = evaluatePlan(plan2, { stage: 'submission' })
  const assessment2: AssessmentContent = { ...assessment, reasons: 'Le budget de l’axe 2 reste à préciser.', findings: [], requests: [assessment.requests[0]!] }
  const followUp = letterFollowUp(
    { version: 3, plan, report, assessment, assessedAt: '2026-11-20T15:30:00Z' },
    { version: 4, plan: plan2, report: report2, assessment: assessment2, assessedAt: '2026-12-04T10:00:00Z' },
    lanaudiere2026,
  )
  const second: AvisInput = { plan: plan2, report: report2, assessment: assessment2, version: 4, author: 'Analyste de la Table', assessedAt: '2026-12-04T10:00:00Z', followUp }

  /** The follow-up as a reader meets it: the heading, then each element with what was asked and what became of it, in the order of the form. */
  function expectFollowUp(text: string, french: boolean) {
    const seen = normalize(text)
    const order = french
      ? ['Suivi des demandes de l’avis précédent', 'l’avis du 20 novembre 2026 sur la version 3', 'Axe 2, objectif 1 — Budget', 'Indiquez le montant prévu pour 2027-2028.', 'Toujours à préciser', 'Axe 4, objectif 4 — Échéancier', schedule.message.fr, 'Demande traitée', 'Ramenez l’échéancier', 'Demande traitée', 'Demandes, par élément du plan']
      : ['Follow-up of the previous assessment’s requests', 'version 3', 'Axis 2, objective 1 — Budget', 'Indiquez le montant prévu pour 2027-2028.', 'Still to be clarified', 'Axis 4, objective 4 — Schedule', schedule.message.en, 'Addressed', 'Ramenez l’échéancier', 'Addressed', 'Requests, by element of the plan']
    let from = 0
    for (const expected of order) {
      const at = seen.indexOf(normalize(expected), from)
      expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at
    }
  }

  it('has no follow-up on a first letter', async () => {
    expect(await renderers.html.renderAvis!(input, context(plan))).not.toContain('Suivi des demandes')
  })

  it.each(['fr-CA', 'en-CA'] as const)('HTML (%s)', async (locale) => {
    const html = await renderers.html.renderAvis!(second, context(plan2, locale))
    expectFollowUp(html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), locale === 'fr-CA')
  })

  it.each(['fr-CA', 'en-CA'] as const)('DOCX (%s): the text of its paragraphs', async (locale) => {
    const xml = strFromU8(unzipSync(await renderers.docx.renderAvis!(second, context(plan2, locale)))['word/document.xml']!)
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join(''))
    expectFollowUp(paragraphs.join('\n'), locale === 'fr-CA')
  })

  it.skipIf(!hasTool('pdftotext', ['-v']))('PDF laid out by pdfkit (fr-CA, en-CA)', async () => {
    expectFollowUp(pdfText(await renderers.pdf.renderAvis!(second, context(plan2), { pdf: { engine: 'pdfkit' } })), true)
    expectFollowUp(pdfText(await renderers.pdf.renderAvis!(second, context(plan2, 'en-CA'), { pdf: { engine: 'pdfkit' } })), false)
  }, 60_000)

  it.skipIf(!chromium)('PDF printed by Chromium (fr-CA, en-CA)', async () => {
    expectFollowUp(pdfText(await renderers.pdf.renderAvis!(second, context(plan2), { pdf: { engine: 'chromium' } })), true)
    expectFollowUp(pdfText(await renderers.pdf.renderAvis!(second, context(plan2, 'en-CA'), { pdf: { engine: 'chromium' } })), false)
  }, 60_000)
})

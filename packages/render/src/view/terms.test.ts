// A profile's own words for the facts around a plan (`terms`): every rendered format prints them, and none of
// the words of the profile it extends.
import type { PlanDocument, Profile } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { profileOf, visibleText } from '@demarche/domain/testing'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createContext, type RenderLocale } from '../context.js'
import { planDocx } from '../docx/plan.js'
import { planHtml } from '../html/plan.js'
import { planMarkdown } from '../markdown/plan.js'
import { CLOCK, normalize } from '../test-support.js'
import { planView } from './plan-view.js'

const own: Profile = profileOf({
  id: 'littoral-table',
  version: 1,
  extends: 'lanaudiere-2021@1',
  terms: {
    group: { fr: 'Comité', en: 'Committee' },
    fiduciary: { fr: 'Organisme porteur', en: 'Lead organisation' },
    fiduciaryMark: { fr: 'porteur', en: 'lead' },
    programme: { fr: 'Table', en: 'Round table' },
    contacts: { fr: 'Personnes à joindre', en: 'People to reach' },
    row: { fr: 'Rangée', en: 'Band' },
  },
})

/** The 2021 plan (objectives of several rows without sub-headings), with every fact a profile may name stated. */
function plan(): PlanDocument {
  const plan = examplePlans.crevale2021()
  plan.metadata.chantier = { name: 'Lecture au Littoral', fiduciary: 'Bibliothèque du Littoral' }
  plan.metadata.programme = { name: 'Table du Littoral', reviewingBody: 'Conseil du Littoral' }
  const [first, ...rest] = plan.participants!.entries
  const { note: _note, raw: _raw, ...named } = first!
  plan.participants!.entries = [{ ...named, fiduciary: true }, ...rest]
  return plan
}

/** The text of each paragraph of a DOCX's body, runs joined. */
function docxParagraphs(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n')
}

async function outputs(profile: Profile, locale: RenderLocale): Promise<Record<'html' | 'markdown' | 'docx', string>> {
  const context = createContext(undefined, { profile, locale, clock: CLOCK })
  return {
    // A fact is a term and its description: read as the other formats write it, "label: value".
    html: normalize(visibleText(planHtml(plan(), context).replace(/<\/dt><dd>/g, ': ')).replace(/&amp;/g, '&')),
    markdown: normalize(planMarkdown(plan(), context)),
    docx: normalize(docxParagraphs(await planDocx(plan(), context))),
  }
}

// What each language prints with the profile's words, and the base profile's words it must no longer print
// where the toolkit writes them (a fact's label before its colon, the roster's heading and mark, a row's number).
const EXPECTED = {
  'fr-CA': {
    own: ['Comité: Lecture au Littoral', 'Organisme porteur: Bibliothèque du Littoral', 'Table: Table du Littoral', '(porteur)', 'Personnes à joindre'],
    base: ['Chantier: Lecture', 'Organisme fiduciaire: Biblio', 'Démarche: Table', '(fiduciaire)', 'Personnes ressources'],
    row: ['#### Rangée 2', '#### Ligne 2'],
  },
  'en-CA': {
    own: ['Committee: Lecture au Littoral', 'Lead organisation: Bibliothèque du Littoral', 'Round table: Table du Littoral', '(lead)', 'People to reach'],
    base: ['Chantier: Lecture', 'Fiduciary organisation: Biblio', 'Programme: Table', '(fiduciary)', 'Contact people'],
    row: ['#### Band 2', '#### Row 2'],
  },
} as const

describe.each(['fr-CA', 'en-CA'] as const)('a profile’s own terms (%s)', (locale) => {
  const expected = EXPECTED[locale]

  it('name the facts in the shared view', () => {
    const view = planView(plan(), createContext(undefined, { profile: own, locale, clock: CLOCK }))
    const labels = view.facts.map((fact) => fact.label)
    expect(labels.slice(0, 2)).toEqual(expected.own.slice(0, 2).map((fact) => fact.split(':')[0]))
    expect(labels).toContain(expected.own[2].split(':')[0])
    expect(view.labels.row).toBe(expected.row[0].split(' ')[1])
  })

  it('are printed in HTML, Markdown and DOCX text, and the base profile’s are not', async () => {
    const mine = await outputs(own, locale)
    for (const [format, text] of Object.entries(mine)) {
      for (const word of expected.own) expect(text.includes(word), `${format} shows « ${word} »`).toBe(true)
      for (const word of expected.base) expect(text.includes(word), `${format} does not show « ${word} »`).toBe(false)
    }
    expect(mine.markdown).toContain(expected.row[0])
    expect(mine.markdown).not.toContain(expected.row[1])
  })

  it('are the base profile’s words when the profile states none of its own', async () => {
    const { terms: _terms, ...base } = own
    const lanaudiere = await outputs({ ...base, terms: createContext(plan()).profile.terms! }, locale)
    for (const [format, text] of Object.entries(lanaudiere)) for (const word of expected.base) expect(text.includes(word), `${format} shows « ${word} »`).toBe(true)
    expect(lanaudiere.markdown).toContain(expected.row[1])
  })
})

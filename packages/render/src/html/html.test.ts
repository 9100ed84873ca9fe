import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { context, normalize, seeds, sourceTexts } from '../test-support.js'
import { planHtml } from './plan.js'

const golden = (name: string) => readFileSync(new URL(`../../golden/${name}`, import.meta.url), 'utf8')

describe.each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
])('the HTML of %s', (name, plan) => {
  const html = planHtml(plan(), context(plan()))

  it('matches the reviewed golden file', () => {
    expect(html).toBe(golden(`${name}.plan.html`))
  })

  it('contains every text of the plan', () => {
    const text = normalize(html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    const missing = sourceTexts(plan()).filter((source) => !text.includes(normalize(source)))
    expect(missing).toEqual([])
  })

  it('is structured for assistive technology and print', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr-CA">/)
    const axes = plan().axes.length
    expect(html.match(/<section class="axis"/g)).toHaveLength(axes)
    // Every table keeps its caption for assistive technology, hidden on screen: the heading above titles it once.
    expect(html.match(/<caption class="visually-hidden">/g)!.length).toBe(axes + 1)
    expect(html).not.toMatch(/<caption>/)
    expect(html).toContain('<th scope="col">Objectifs</th>')
    expect(html.match(/<th scope="row" id="ob-/g)).toHaveLength(plan().axes.reduce((n, axis) => n + axis.objectives.length, 0))
    expect(html).toContain('@page plan { size: letter landscape;')
    expect(html).toContain('counter(page) " de " counter(pages)')
    expect(html).toContain('thead { display: table-header-group; }')
  })
})

describe('HTML details', () => {
  const html = planHtml(seeds.crevale2026(), context(seeds.crevale2026()))

  it('keeps step numbers across schedule blocks and typesets French', () => {
    expect(html).toContain('<ol start="5"><li>Déploiement de la phase 2 et évaluation en continu.</li></ol>')
    expect(html).toContain('Contenus\u00a0:')
    expect(html).toContain('<dt>Date de dépôt</dt><dd>26\u00a0février\u00a02026</dd>')
    expect(html).toContain('Total 2026-2027\u00a0: 10\u00a0500\u00a0$ + 7\u00a0000\u00a0$')
    expect(html).toContain('<em>Guide des pratiques communes</em>')
  })

  it('draws only the columns of the profile and can be embedded as a fragment', () => {
    const plan2021 = seeds.crevale2021()
    const html2021 = planHtml(plan2021, context(plan2021))
    expect(html2021).not.toContain('>Budget</th>')
    expect(html2021).toContain('<th scope="col">Organisme(s) fiduciaire(s)</th>')
    const fragment = planHtml(plan2021, context(plan2021), { standalone: false })
    expect(fragment.startsWith('<div class="demarche" lang="fr-CA">')).toBe(true)
    expect(fragment).not.toContain('<style>')
  })

  it('renders labels in English for en-CA, the chantier’s text as written', () => {
    const en = planHtml(seeds.crevale2026(), context(seeds.crevale2026(), 'en-CA'))
    expect(en).toContain('<html lang="en-CA">')
    expect(en).toContain('<th scope="col">Responsible and fiduciary organisation(s)</th>')
    expect(en).toContain('Total 2026-2027: $10,500 + $7,000')
    expect(en).toContain('<dd>February\u00a026, 2026</dd>')
  })
})

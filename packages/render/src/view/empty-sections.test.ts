// An unanswered form section never prints as a bare heading: omitted when optional, a dash when required.
import { evaluatePlan } from '@demarche/rules'
import { describe, expect, it } from 'vitest'
import { createContext } from '../context.js'
import { planHtml } from '../html/plan.js'
import { reportHtml } from '../html/report.js'
import { planMarkdown } from '../markdown/plan.js'
import { CLOCK, context, seeds } from '../test-support.js'

describe('a plan with no follow-up mechanisms', () => {
  const plan = seeds.crevale2026()
  plan.followUp = []

  it('shows the required section with a dash, not a bare heading', () => {
    const markdown = planMarkdown(plan, context(plan))
    expect(markdown).toMatch(/## Mécanismes de suivi\n\n(\*[^\n]*\*\n\n)?—\n/)
    expect(planHtml(plan, context(plan))).toMatch(/<h2 id="suivi-titre">[^<]*<\/h2>\n(<p class="prompt">[^<]*<\/p>\n)?<p>—<\/p>/)
  })

  it('leaves the section out when the form makes it optional, and the report does not link to it', () => {
    const base = context(plan).profile
    const profile = { ...base, sections: { ...base.sections, followUp: { ...base.sections.followUp, presence: 'optional' as const } } }
    const optional = createContext(plan, { profile, clock: CLOCK })
    expect(planMarkdown(plan, optional)).not.toContain('Mécanismes de suivi')
    const html = planHtml(plan, optional)
    expect(html).not.toContain('id="suivi"')
    const report = evaluatePlan(plan)
    expect(reportHtml({ report, plan, planHref: '' }, optional)).not.toContain('href="#suivi"')
  })
})

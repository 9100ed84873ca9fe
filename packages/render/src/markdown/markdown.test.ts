import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { context, normalize, seeds, sourceTexts } from '../test-support.js'
import { planMarkdown } from './plan.js'

const golden = (name: string) => readFileSync(new URL(`../../golden/${name}`, import.meta.url), 'utf8')

describe.each([
  ['crevale-2026-2028', seeds.crevale2026],
  ['crevale-2021', seeds.crevale2021],
  ['crevale-service-offer', seeds.crevaleServiceOffer],
])('the Markdown of %s', (name, plan) => {
  const markdown = planMarkdown(plan(), context(plan()))

  it('matches the reviewed golden file', () => {
    expect(markdown).toBe(golden(`${name}.plan.md`))
  })

  it('contains every text of the plan, read as plain text', () => {
    const text = normalize(markdown.replace(/\\([\\`[\]<>_|#.+-])/g, '$1').replace(/<br>/g, ' '))
    expect(sourceTexts(plan()).filter((source) => !text.includes(normalize(source)))).toEqual([])
  })
})

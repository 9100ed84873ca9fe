import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { builtinProfiles } from './profile/registry.js'
import { planJsonSchema } from './schema.js'
import { seedPlans } from './test-support.js'

// A tool outside TypeScript (here ajv, a plain JSON Schema validator) reads the exported schema.
function compile(schema: Record<string, unknown>) {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false })
  addFormats.default(ajv)
  return ajv.compile(schema)
}

describe('the exported JSON Schema', () => {
  it('is a draft 2020-12 schema that ajv compiles, for all plans and for each profile', () => {
    expect(planJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    for (const profile of builtinProfiles) expect(() => compile(planJsonSchema(profile))).not.toThrow()
  })

  it('accepts the seed plans and rejects a corrupted one at the same place as validatePlan', () => {
    const validate = compile(planJsonSchema())
    for (const plan of Object.values(seedPlans)) expect(validate(plan())).toBe(true)
    const broken = seedPlans.crevale2026() as unknown as { axes: Array<{ title: unknown }> }
    broken.axes[2]!.title = 42
    expect(validate(broken)).toBe(false)
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(['/axes/2/title'])
  })

  it('narrows to a profile: the 2021 form has no budget column', () => {
    const validate = compile(planJsonSchema(builtinProfiles.find((profile) => profile.id === 'lanaudiere-2021')))
    const plan = seedPlans.crevale2021()
    expect(validate(plan)).toBe(true)
    plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: '0 $' }
    expect(validate(plan)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { AppError } from './errors.js'
import { assertEditable, assertReason, nextStatus, TRANSITIONS, WORKFLOW } from './workflow.js'

const errorOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

const codeOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return (error as AppError).code
  }
  return undefined
}

describe('the workflow', () => {
  it('moves a plan only from the statuses each step leaves from', () => {
    expect(nextStatus('deposit', 'draft')).toBe('deposited')
    expect(nextStatus('accept', 'under_review')).toBe('accepted')
    expect(codeOf(() => nextStatus('accept', 'draft'))).toBe('invalid-transition')
    expect(codeOf(() => nextStatus('resubmit', 'accepted'))).toBe('invalid-transition')
    for (const name of TRANSITIONS) for (const from of WORKFLOW[name].from) expect(nextStatus(name, from)).toBe(WORKFLOW[name].to)
  })

  it('keeps drafts and returned plans editable only, and asks a reason to return or refuse', () => {
    expect(codeOf(() => assertEditable('draft'))).toBeUndefined()
    expect(codeOf(() => assertEditable('returned'))).toBeUndefined()
    expect(codeOf(() => assertEditable('deposited'))).toBe('not-editable')
    expect(codeOf(() => assertReason('return', '  '))).toBe('reason-required')
    expect(codeOf(() => assertReason('refuse', undefined))).toBe('reason-required')
    expect(codeOf(() => assertReason('accept', undefined))).toBeUndefined()
  })

  it('says why a step is refused in each language’s own words, never in the codes', () => {
    const refused = errorOf(() => nextStatus('accept', 'draft'))
    expect(refused.title.fr).toBe('L’acceptation n’est pas possible : le plan est à l’état « brouillon » (états permis : « déposé », « en analyse » ou « redéposé »).')
    expect(refused.title.en).toBe('Accepting is not possible: the plan is "draft" (allowed: "deposited", "under review" or "resubmitted").')
    expect(refused.extra).toEqual({ planStatus: 'draft' })
    expect(errorOf(() => assertEditable('under_review')).title.fr).toBe('Un plan à l’état « en analyse » ne se modifie plus.')
    // No code leaks into a French sentence, for any step from any status.
    for (const name of TRANSITIONS)
      for (const status of ['draft', 'deposited', 'under_review', 'returned', 'resubmitted', 'accepted', 'refused'] as const) {
        if (WORKFLOW[name].from.includes(status)) continue
        expect(errorOf(() => nextStatus(name, status)).title.fr).not.toMatch(/_|(?<!\p{L})(draft|deposited|accepted|refused|returned|resubmitted|deposit|accept|refuse|return|resubmit)(?!\p{L})/u)
      }
  })
})

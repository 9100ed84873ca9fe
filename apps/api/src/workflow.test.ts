import { describe, expect, it } from 'vitest'
import { AppError } from './errors.js'
import { assertEditable, assertReason, nextStatus, TRANSITIONS, WORKFLOW } from './workflow.js'

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
})

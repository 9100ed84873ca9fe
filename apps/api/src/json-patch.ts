import type { PlanDocument } from '@demarche/domain'
import fastJsonPatch, { type Operation } from 'fast-json-patch'
import { AppError } from './errors.js'

/** Applies a JSON Patch (RFC 6902) to a copy of the document; `invalid-patch` when it does not apply. */
export function applyJsonPatch(document: PlanDocument, operations: readonly Operation[]): PlanDocument {
  try {
    return fastJsonPatch.applyPatch(structuredClone(document), operations as Operation[], true, false).newDocument
  } catch (error) {
    throw new AppError('invalid-patch', { fr: 'Le correctif JSON ne s’applique pas au plan.', en: 'The JSON Patch does not apply to the plan.' }, { detail: (error as Error).message.split('\n')[0] })
  }
}

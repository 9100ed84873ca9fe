import type { PlanDocument } from '@demarche/domain'
import fastJsonPatch, { type Operation } from 'fast-json-patch'
import { AppError } from './errors.js'
import { checkJson, jsonSizeWithin } from './limits.js'

type Message = { fr: string; en: string }

/** What went wrong with one operation, in words of ours (fast-json-patch's names, never its messages). */
const REASONS: Record<string, Message> = {
  OPERATION_NOT_AN_OBJECT: { fr: 'L’opération n’est pas un objet.', en: 'The operation is not an object.' },
  OPERATION_OP_INVALID: { fr: 'Opération inconnue.', en: 'Unknown operation.' },
  OPERATION_PATH_INVALID: { fr: 'Chemin (JSON Pointer) invalide.', en: 'Invalid path (JSON Pointer).' },
  OPERATION_FROM_REQUIRED: { fr: '« from » est requis.', en: '"from" is required.' },
  OPERATION_VALUE_REQUIRED: { fr: '« value » est requis.', en: '"value" is required.' },
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: { fr: '« value » contient une valeur indéfinie.', en: '"value" contains an undefined value.' },
  OPERATION_PATH_CANNOT_ADD: { fr: 'Impossible d’ajouter à ce chemin : son parent n’existe pas.', en: 'Cannot add at this path: its parent does not exist.' },
  OPERATION_PATH_UNRESOLVABLE: { fr: 'Le chemin ne désigne rien dans le plan.', en: 'The path points to nothing in the plan.' },
  OPERATION_FROM_UNRESOLVABLE: { fr: '« from » ne désigne rien dans le plan.', en: '"from" points to nothing in the plan.' },
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: { fr: 'Indice de liste invalide.', en: 'Invalid array index.' },
  OPERATION_VALUE_OUT_OF_BOUNDS: { fr: 'Indice hors de la liste.', en: 'Array index out of bounds.' },
  TEST_OPERATION_FAILED: { fr: 'L’opération « test » a échoué : la valeur diffère.', en: 'The "test" operation failed: the value differs.' },
}
const DOES_NOT_APPLY: Message = { fr: 'L’opération ne s’applique pas au plan.', en: 'The operation does not apply to the plan.' }

function invalidPatch(index: number, code: string, message: Message): AppError {
  return new AppError(
    'invalid-patch',
    { fr: `Le correctif JSON ne s’applique pas au plan (opération ${index}) : ${message.fr}`, en: `The JSON Patch does not apply to the plan (operation ${index}): ${message.en}` },
    { errors: [{ in: 'body', pointer: `/${index}`, code, message }] },
  )
}

function tooLarge(index: number, maxBytes: number): AppError {
  const message = { fr: `Le plan dépasserait ${maxBytes} octets.`, en: `The plan would exceed ${maxBytes} bytes.` }
  return new AppError(
    'patch-too-large',
    { fr: `Le correctif JSON ferait un plan plus grand que ce que le service accepte (${maxBytes} octets).`, en: `The JSON Patch would make a plan larger than the service accepts (${maxBytes} bytes).` },
    { errors: [{ in: 'body', pointer: `/${index}`, code: 'patch-too-large', message }] },
  )
}

function valueAt(document: unknown, pointer: string): unknown {
  try {
    return fastJsonPatch.getValueByPointer(document, pointer)
  } catch {
    return undefined
  }
}

/**
 * Applies a JSON Patch (RFC 6902) to a copy of the document, within bounds: the plan it makes is never
 * larger than `maxBytes` of JSON (a document one could have sent whole), and the operations together never
 * add or copy more than that. The size of what an `add`, `replace` or `copy` brings is measured before the
 * operation runs, and measuring stops at the budget, so 16 copies of `/axes` into itself (each doubling
 * the plan) stop at the first copy past the bound instead of building gigabytes. The result passes the
 * same depth, count and string bounds as any document (`checkJson`). `invalid-patch` (422) when an
 * operation does not apply, removes the whole document or replaces it with anything but an object.
 */
export function applyJsonPatch(document: PlanDocument, operations: readonly Operation[], maxBytes: number): PlanDocument {
  let current: unknown = structuredClone(document)
  let size = jsonSizeWithin(current, Number.POSITIVE_INFINITY)
  let added = 0
  operations.forEach((operation, index) => {
    const brought = operation.op === 'copy' ? valueAt(current, operation.from) : operation.op === 'add' || operation.op === 'replace' ? operation.value : undefined
    if (brought !== undefined) {
      const budget = Math.min(maxBytes - added, maxBytes - size)
      const weight = jsonSizeWithin(brought, budget)
      if (weight > budget) throw tooLarge(index, maxBytes)
      added += weight
      size += weight
    }
    if (operation.path === '' && operation.op !== 'test') {
      if (operation.op === 'remove' || operation.op === 'move') throw invalidPatch(index, 'root-removed', { fr: 'Le plan entier ne peut pas être supprimé ni déplacé.', en: 'The whole plan cannot be removed or moved.' })
      const root = operation.op === 'copy' ? brought : operation.value
      if (root === null || typeof root !== 'object' || Array.isArray(root))
        throw invalidPatch(index, 'root-not-object', { fr: 'Le plan entier ne peut être remplacé que par un objet.', en: 'The whole plan can only be replaced by an object.' })
    }
    if (operation.op === 'move' && operation.from === '') throw invalidPatch(index, 'root-removed', { fr: 'Le plan entier ne peut pas être déplacé.', en: 'The whole plan cannot be moved.' })
    // What a replace or remove takes away no longer counts towards the plan's size.
    if (operation.op === 'remove' || operation.op === 'replace') size -= Math.min(size, jsonSizeWithin(valueAt(current, operation.path), size))
    try {
      current = fastJsonPatch.applyOperation(current, operation as Operation, true, true, true, index).newDocument
    } catch (error) {
      const name = String((error as { name?: unknown }).name)
      const known = Object.hasOwn(REASONS, name) ? REASONS[name] : undefined
      throw invalidPatch(index, known ? name.toLowerCase().replace(/_/g, '-') : 'does-not-apply', known ?? DOES_NOT_APPLY)
    }
  })
  checkJson(current, 'document')
  return current as PlanDocument
}

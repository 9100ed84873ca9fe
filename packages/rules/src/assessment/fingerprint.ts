import { resolvePointer } from '@demarche/domain'
import { canonicalJson, contentHash } from '../engine/canonical.js'
import type { Finding } from '../engine/report.js'

/**
 * Names engine findings so that a reviewer's decision survives re-evaluation: the rule, its message, the
 * place, and the text of the element at that place. The same finding on an unchanged element keeps its
 * fingerprint in every later version; once the element's text changes, the finding is a new one.
 *
 * The element is hashed as canonical JSON: a plan read back from PostgreSQL's JSONB has its keys in
 * another order than the one sent, and must give the same fingerprints.
 */
export function fingerprinter(plan: unknown): (finding: Pick<Finding, 'ruleId' | 'messageId' | 'pointer'>) => string {
  // Several findings share a place (a row, the whole plan): its element is hashed once.
  const elementHashes = new Map<string, string>()
  const elementHash = (pointer: string) => {
    let hash = elementHashes.get(pointer)
    if (hash === undefined) elementHashes.set(pointer, (hash = contentHash(canonicalJson(resolvePointer(plan, pointer) ?? null))))
    return hash
  }
  return (finding) => `fp-${contentHash(JSON.stringify([finding.ruleId, finding.messageId, finding.pointer, elementHash(finding.pointer)])).slice('sha256:'.length, 'sha256:'.length + 24)}`
}

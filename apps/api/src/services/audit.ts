import { contentHash } from '@demarche/rules'
import type { Database } from '../db/client.js'
import { auditLog } from '../db/schema/index.js'
import type { Principal } from '../plugins/auth.js'

type Tx = Pick<Database, 'insert'>

/** The rules engine's content hash (SHA-256 of the JSON), or null where there is no state. */
export function hashOf(value: unknown): string | null {
  return value === undefined || value === null ? null : contentHash(value)
}

export function actorOf(principal: Principal): string {
  return principal.keyId ? `${principal.role}:${principal.keyId}` : 'anonymous'
}

/** Records a write: who, what, on which target, and the hashes of the state before and after. */
export async function audit(tx: Tx, principal: Principal, action: string, target: string, before?: unknown, after?: unknown): Promise<void> {
  await tx.insert(auditLog).values({ actor: actorOf(principal), action, target, beforeHash: hashOf(before), afterHash: hashOf(after) })
}

import { createHash } from 'node:crypto'
import type { Database } from '../db/client.js'
import { auditLog } from '../db/schema/index.js'
import type { Principal } from '../plugins/auth.js'

type Tx = Pick<Database, 'insert'>

export function hashOf(value: unknown): string | null {
  return value === undefined || value === null ? null : `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex')}`
}

export function actorOf(principal: Principal): string {
  return principal.keyId ? `${principal.role}:${principal.keyId}` : 'anonymous'
}

/** Records a write: who, what, on which target, and the hashes of the state before and after. */
export async function audit(tx: Tx, principal: Principal, action: string, target: string, before?: unknown, after?: unknown): Promise<void> {
  await tx.insert(auditLog).values({ actor: actorOf(principal), action, target, beforeHash: hashOf(before), afterHash: hashOf(after) })
}

import type { auditLog } from '../db/schema/index.js'

export function auditEntryOf(row: typeof auditLog.$inferSelect) {
  return { id: row.id, at: row.at.toISOString(), actor: row.actor, action: row.action, target: row.target, beforeHash: row.beforeHash, afterHash: row.afterHash }
}

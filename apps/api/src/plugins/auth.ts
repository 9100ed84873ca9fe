import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Database } from '../db/client.js'
import { apiKeys } from '../db/schema/index.js'
import { unauthorized } from '../errors.js'
import type { Role } from '../workflow.js'

/** Who is calling: a key's role and chantiers, or nobody (anonymous: accepted plans only). */
export interface Principal {
  keyId: string | null
  role: Role | 'anonymous'
  chantierIds: readonly string[]
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
  }
}

export const ANONYMOUS: Principal = { keyId: null, role: 'anonymous', chantierIds: [] }

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** A new key: "dmk_" and 32 random base-62 characters. */
export function newKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return `dmk_${[...randomBytes(32)].map((byte) => alphabet[byte % 62]).join('')}`
}

/** Reads `Authorization: Bearer <key>` (or `X-API-Key`) and puts the caller on `request.principal`. */
export const authPlugin = fp(
  async (app: FastifyInstance, options: { db: Database }) => {
    const cache = new Map<string, { principal: Principal; until: number }>()
    app.decorateRequest('principal', null as unknown as Principal)
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const header = request.headers.authorization
      const key = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : (request.headers['x-api-key'] as string | undefined)
      if (!key) {
        request.principal = ANONYMOUS
        return
      }
      const hash = hashKey(key)
      const cached = cache.get(hash)
      if (cached && cached.until > Date.now()) {
        request.principal = cached.principal
        return
      }
      const [row] = await options.db.select().from(apiKeys).where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt))).limit(1)
      if (!row) throw unauthorized()
      const principal: Principal = { keyId: row.id, role: row.role, chantierIds: row.chantierIds }
      // A short cache spares a query per request; a revoked key stops working within seconds.
      cache.set(hash, { principal, until: Date.now() + 5_000 })
      request.principal = principal
    })
  },
  { name: 'auth' },
)

import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Database } from '../db/client.js'
import { apiKeys } from '../db/schema/index.js'
import { AppError, unauthorized } from '../errors.js'
import type { Role } from '../workflow.js'
import type { FailureStore } from './auth-failures.js'

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

/** Probes answer whoever asks, whatever credentials they carry: never 401, never limited. */
export const PROBES = new Set(['/healthz', '/readyz'])

export interface AuthOptions {
  db: Database
  failures: FailureStore
  /** Failed authentications an address may make per window before its keyed requests are refused. */
  maxFailures: number
  windowMs?: number
}

/**
 * Reads `Authorization: Bearer <key>` (or `X-API-Key`) and puts the caller on `request.principal`. The
 * key's row is read on every request — no per-process cache — so a revoked key fails on the next request,
 * on every instance sharing the database. An address that sent too many unknown keys is refused (429,
 * Retry-After) before any lookup, until its window ends.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, { db, failures, maxFailures, windowMs = 60_000 }: AuthOptions) => {
    app.decorateRequest('principal', null as unknown as Principal)
    app.addHook('onRequest', async (request: FastifyRequest, reply) => {
      const header = request.headers.authorization
      const key = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : (request.headers['x-api-key'] as string | undefined)
      if (!key || PROBES.has(request.url.split('?')[0]!)) {
        request.principal = ANONYMOUS
        return
      }
      const wait = await failures.blockedFor(request.ip, maxFailures)
      if (wait > 0) {
        void reply.header('retry-after', String(Math.ceil(wait / 1000)))
        throw new AppError('too-many-failed-authentications', {
          fr: 'Trop de clés d’API invalides depuis cette adresse : réessayez plus tard.',
          en: 'Too many invalid API keys from this address: try again later.',
        })
      }
      const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.hash, hashKey(key)), isNull(apiKeys.revokedAt))).limit(1)
      if (!row) {
        await failures.fail(request.ip, windowMs)
        throw unauthorized()
      }
      request.principal = { keyId: row.id, role: row.role, chantierIds: row.chantierIds }
    })
  },
  { name: 'auth' },
)

import { builtinProfiles } from '@demarche/domain'
import { examplePlans } from '@demarche/domain/examples'
import { resourceOf } from './presenters/plans.js'

/**
 * A plan as `GET /v1/plans/{id}` gives it, made from the 2026-2028 plan of the Chantier régional: what the
 * service serializes once at start so that its first reader does not pay for the serializer's first use
 * (fast-json-stringify compiles the checks that choose a union's branch, with ajv, the first time it meets
 * a value of that shape, once per process).
 */
export function planSample() {
  const document = examplePlans.crevale2026()
  const at = new Date(0)
  return resourceOf({
    id: document.id,
    chantierId: 'warm-up',
    programmeId: 'warm-up',
    profileId: document.profile.id,
    status: 'accepted',
    title: document.metadata.title,
    firstYear: 6,
    lastYear: 8,
    version: 1,
    document,
    createdAt: at,
    updatedAt: at,
  } as Parameters<typeof resourceOf>[0], builtinProfiles)
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Serializes `planSample()` through the routes' plan serializer, once its routes are ready: the server
     * calls it before it listens. Returns the JSON written (undefined when no route answers with a plan).
     */
    warmUp(): string | undefined
  }
}

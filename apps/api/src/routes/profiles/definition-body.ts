import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import { LIMITS } from '../../limits.js'

/** The media types a profile or rule set file may be sent as besides JSON: YAML, as the CLI reads it. */
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml']

/**
 * The body of a registration: the same file the CLI reads (`--profile FILE`, `--rules FILE`), as JSON or
 * YAML. Any JSON is accepted here and checked by the service, so that every problem is answered as the
 * CLI tells it (422, located by JSON Pointer, and by line and column in a YAML text), not as a schema
 * mismatch of the request.
 */
export function definitionBody(what: string, schemaFile: string) {
  const description = `${what} file, as the CLI reads it; its JSON Schema is ${schemaFile}.`
  return {
    required: true,
    content: {
      'application/json': { schema: Type.Unknown({ description }) },
      'application/yaml': { schema: Type.String({ description: `${description} As YAML (also application/x-yaml, text/yaml).` }) },
    },
  }
}

/** Reads YAML bodies as text, for this plugin's routes only (encapsulated). */
export function acceptYaml(app: FastifyInstance): void {
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: LIMITS.definitionBytes }, (_request, body, done) => done(null, body))
}

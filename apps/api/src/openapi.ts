/**
 * What the OpenAPI document says about the service as a whole (servers, licence, tags), and the rules that
 * make the generated document say what the service does where `@fastify/swagger` cannot know it.
 */

type Json = Record<string, unknown>

/** The document's header: who serves it, under which licence, and what each tag groups. */
export const SERVICE_DESCRIPTION = {
  openapi: '3.1.0' as const,
  info: {
    title: 'Démarche plans API',
    version: '0.1.0',
    description:
      'Plans de travail des chantiers régionaux : dépôt, évaluation, révision et documents. / Work plans of the regional chantiers: deposit, evaluation, review and documents.\n\n' +
      'Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`; `Accept-Language: fr` gives French titles.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  // Relative: the document describes the service that serves it, wherever it is deployed.
  servers: [{ url: '/', description: 'Ce service / This service' }],
  tags: [
    { name: 'plans', description: 'Les plans de travail et leurs versions. / Work plans and their versions.' },
    { name: 'workflow', description: 'Dépôt, analyse, retour, acceptation ou refus par la Table des préfets. / Deposit, review, return, acceptance or refusal by the Table des préfets.' },
    { name: 'evaluations', description: 'Rapports de complétude et commentaires de révision. / Completeness reports and review comments.' },
    { name: 'documents', description: 'Le plan et son rapport en HTML, Markdown, DOCX, PDF ou XLSX. / The plan and its report as HTML, Markdown, DOCX, PDF or XLSX.' },
    { name: 'reference', description: 'Profils, jeux de règles, programmes, chantiers et organismes. / Profiles, rule sets, programmes, chantiers and organisations.' },
    { name: 'access', description: 'Clés d’API et journal d’audit (administration). / API keys and the audit log (administration).' },
    { name: 'system', description: 'État du processus et de la base de données. / Process and database health.' },
  ],
}

/** Whether a (component-resolved) body schema is an object that requires nothing: `{}` is a valid body. */
export function requiresNothing(schema: unknown, components: Record<string, unknown>): boolean {
  const resolved = resolve(schema, components)
  return resolved?.type === 'object' && !(Array.isArray(resolved.required) && resolved.required.length > 0)
}

function resolve(schema: unknown, components: Record<string, unknown>): Json | undefined {
  if (schema === null || typeof schema !== 'object') return undefined
  const reference = (schema as { $ref?: unknown }).$ref
  if (typeof reference !== 'string') return schema as Json
  const name = reference.replace(/^#\/components\/schemas\//, '').replace(/#$/, '')
  return resolve(components[name], components)
}

/**
 * The generated document, made true to the service:
 * - a body that requires nothing may be left out (the service reads a missing body as `{}`), so it is not
 *   `required` — `@fastify/swagger` marks every body required;
 * - a query parameter with a default is not required;
 * - components no operation reaches are left out.
 */
export function tidyDocument<Document extends object>(generated: Document): Document {
  const document = generated as Json
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, unknown>
  for (const item of Object.values((document.paths ?? {}) as Record<string, Record<string, Json>>))
    for (const operation of Object.values(item)) {
      for (const parameter of (operation.parameters ?? []) as Json[])
        if (parameter.in === 'query' && (parameter.schema as Json | undefined)?.default !== undefined) parameter.required = false
      const body = operation.requestBody as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined
      if (body?.content && Object.values(body.content).every((media) => requiresNothing(media.schema, components))) body.required = false
    }
  pruneComponents(document, components)
  return generated
}

function pruneComponents(document: Json, components: Record<string, unknown>): void {
  const reached = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
        const name = item.slice('#/components/schemas/'.length)
        if (!reached.has(name)) {
          reached.add(name)
          visit(components[name])
        }
      } else visit(item)
    }
  }
  visit(document.paths)
  for (const name of Object.keys(components)) if (!reached.has(name)) delete components[name]
}

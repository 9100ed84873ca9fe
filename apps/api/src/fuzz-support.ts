// Requests for the fuzz test, made from the served OpenAPI document: for each operation, path and query
// parameters, headers, content types and bodies drawn from its documented schemas — and, as often, from
// outside them (wrong types, missing and extra fields, hostile text, mutated plans, bytes that are not JSON).
import fc from 'fast-check'

export interface Schema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  maxItems?: number
}

export interface OpenApiOperation {
  operationId: string
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; schema: Schema }>
  requestBody?: { content: Record<string, { schema: Schema }> }
  responses: Record<string, unknown>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, Schema> }
}

export interface FuzzRequest {
  operationId: string
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
}

/** Placeholders the test fills in at send time: a test key by role, and the current ETag of the plan. */
export const KEY = (role: string) => `<<key:${role}>>`
export const CURRENT_ETAG = '<<etag>>'
/** …and the id of the plan the request is about, so that a whole document sent to it can be its own. */
export const TARGET_PLAN_ID = '<<plan-id>>'
/** …and the plan created last, a draft most of the time: a path id the writes can succeed on. */
export const LATEST_PLAN = '<<latest-plan>>'

/** Text that has broken services before: control and invisible characters, escapes, injection, sizes. */
const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\uffff',
  '\ufffe',
  '\u202e',
  '\r\n',
  '../../etc/passwd',
  "'; drop table plans; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '# Titre\n---\n| a |',
  '%',
  '%zz',
  '%00',
  '{{7*7}}',
  '${x}',
  'NaN',
  'Infinity',
  '1e309',
  '-1',
  '0',
  '2147483648',
  '9007199254740993',
  'x'.repeat(300),
  'é'.repeat(70),
)

const anyText = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 24 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 2, arbitrary: hostileText })
const anyJson = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: hostileText })

/** Pointers into a plan, real and not, for JSON Patch paths and comment anchors. */
const pointers = fc.oneof(
  fc.constantFrom('', '/', '/id', '/metadata/title', '/metadata', '/axes', '/axes/0', '/axes/-', '/axes/0/objectives/0', '/axes/0/objectives/0/rows/0/budget', '/profile/id', '/nope/deep/0', '/axes/99999', '/axes/-1', '/~2', '/axes/01'),
  anyText,
)

/** Values of fields that name something of the demo data. */
const KNOWN: Record<string, string[]> = {
  chantierId: ['reussite-educative', 'another-chantier'],
  programmeId: ['demarche-lanaudoise'],
  ruleSet: ['lanaudiere-2026', 'no-such-set', 'lanaudiere-2026@1', 'lanaudiere-2026@999'],
}

/** A valid value of `schema` most of the time, with the seed plans for plan documents. */
export function fromSchema(schema: Schema, document: OpenApiDocument, plans: fc.Arbitrary<unknown>, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const component = schema.$ref.replace('#/components/schemas/', '')
    if (component === 'PlanDocument') return plans
    return fromSchema(document.components.schemas[component] ?? {}, document, plans, name, depth)
  }
  if (depth > 6) return anyJson
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices) return fc.oneof(...choices.map((choice) => fromSchema(choice, document, plans, name, depth + 1)))
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type }, document, plans, name, depth + 1)))
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {}
      const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value, document, plans, key, depth + 1)]))
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) as never })
    }
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, document, plans, name, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) })
    case 'string':
      if (['path', 'from', 'pointer'].includes(name)) return pointers
      // References to what exists, so that a request can get past "unknown …" to the work behind it.
      if (name in KNOWN) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN[name]!) }, { weight: 1, arbitrary: anyText })
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 40)) })
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1_000_000, -2_147_483_648), max: Math.min(schema.maximum ?? 1_000_000, 2_147_483_647) })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true })
    case 'boolean':
      return fc.boolean()
    default:
      // No type: any JSON (the body of POST /v1/evaluate is "a plan document, or anything").
      return fc.oneof(plans, anyJson)
  }
}

/** The places of a value (JSON Pointer segments), containers first. */
function places(value: unknown, at: string[] = [], into: string[][] = []): string[][] {
  into.push(at)
  if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) places(child, [...at, key], into)
  return into
}

/** A seed plan, often changed at a few places: a value replaced, a field removed, a field added. */
export function mutatedPlans(seeds: ReadonlyArray<() => object>): fc.Arbitrary<unknown> {
  const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'remove', 'add'), value: anyJson, key: anyText })
  // A third of them unchanged: a valid plan gets past validation to the writes behind it.
  const changes = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }) })
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), changes).map(([seed, changes]) => {
    const plan = seeds[seed]!() as Record<string, unknown>
    for (const { at, kind, value, key } of changes) {
      const all = places(plan)
      const path = all[at % all.length]!
      if (path.length === 0) continue
      const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, segment) => node[segment] as Record<string, unknown>, plan)
      const last = path.at(-1)!
      if (kind === 'replace') parent[last] = value
      else if (kind === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last]
      else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>)[key] = value
    }
    return plan
  })
}

const CONTENT_TYPES = ['application/json', 'application/json-patch+json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', '*/*', 'application/problem+json', ';;', 'application/json, text/plain']

export interface FuzzContext {
  document: OpenApiDocument
  ids: { plans: readonly string[]; profiles: readonly string[] }
  /** Plan documents, often mutated: for requests of every kind. */
  plans: fc.Arbitrary<unknown>
  /** Valid plan documents: for the requests meant to get through. */
  validPlans: fc.Arbitrary<unknown>
}

/**
 * One request to one operation. Two in three are wild: documented parameters and bodies mostly, anything
 * else as well. One in three is tame — a key that may act, the documented content type, the plan's current
 * ETag, a valid plan — so that writes get through and the state they leave is checked as well.
 */
export function requestFor(path: string, method: string, operation: OpenApiOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 2, arbitrary: requestOfKind(path, method, operation, context, false) }, { weight: 1, arbitrary: requestOfKind(path, method, operation, context, true) })
}

function requestOfKind(path: string, method: string, operation: OpenApiOperation, { document, ids, plans: wildPlans, validPlans }: FuzzContext, tame: boolean): fc.Arbitrary<FuzzRequest> {
  const plans = tame ? validPlans : wildPlans
  const wild = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) => (tame ? [] : [{ weight, arbitrary }])
  const parameters = operation.parameters ?? []
  const pathValue = (name: string, schema: Schema) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(name === 'planId' ? ids.plans : name === 'profileId' ? ids.profiles : ['1', '2'])) },
      ...wild(fromSchema(schema, document, plans).map(String), 2),
      ...wild(anyText, 2),
    )
  const pathParameters = fc.record(Object.fromEntries(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => [parameter.name, pathValue(parameter.name, parameter.schema)])))
  const queryValue = (name: string, schema: Schema) => fc.oneof({ weight: 3, arbitrary: fromSchema(schema, document, plans, name).map(String) }, ...wild(anyText, 2))
  const query = fc.record(Object.fromEntries(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, queryValue(parameter.name, parameter.schema)])), { requiredKeys: [] })
  // An undocumented query parameter now and then.
  const extraQuery = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, ...wild(fc.tuple(anyText, anyText)))
  const documented = Object.entries(operation.requestBody?.content ?? {})
  const body = documented.length > 0 ? fromSchema(documented[0]![1].schema, document, plans) : tame ? plans : anyJson
  const payload = fc.oneof(
    { weight: 6, arbitrary: body.map((value) => JSON.stringify(value)) },
    ...wild(anyJson.map((value) => JSON.stringify(value))),
    ...wild(anyText),
    ...wild(body.map((value) => JSON.stringify(value).slice(0, -1))),
  )
  const contentType = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(documented.length > 0 ? documented.map(([type]) => type) : ['application/json'])) }, ...wild(fc.constantFrom(...CONTENT_TYPES), 2), ...wild(anyText))
  const roles = tame ? ['admin', 'coordinator', 'reviewer'] : ['admin', 'reviewer', 'coordinator', 'otherCoordinator']
  const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...roles).map((role) => `Bearer ${KEY(role)}`) }, ...wild(fc.constant(undefined), 2), ...wild(fc.constantFrom('Bearer dmk_wrong', 'Bearer ', 'Basic YTpi', 'bearer', 'Bearer \u00e9')))
  const etag = fc.oneof({ weight: 4, arbitrary: fc.constant(CURRENT_ETAG) }, ...wild(anyText), ...wild(fc.constant('*')))
  const headers = fc.record(
    {
      authorization: key,
      'content-type': contentType,
      accept: tame ? fc.constant('*/*') : fc.constantFrom('*/*', 'application/json', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown;q=0.5, */*;q=0.1', 'image/png', ''),
      'accept-language': fc.constantFrom('fr-CA', 'en-CA', 'en', 'de', '*', 'fr;q=0', ''),
      'if-match': etag,
      'if-none-match': tame ? fc.constant('"none"') : etag,
      'x-request-id': fc.oneof(fc.uuid(), ...wild(anyText)),
    },
    { requiredKeys: tame ? ['authorization', 'content-type', 'if-match'] : ['authorization'] },
  )
  const hasBody = method !== 'get'
  const withPayload = tame ? (hasBody ? payload : fc.constant(null)) : fc.oneof({ weight: hasBody ? 1 : 8, arbitrary: fc.constant(null) }, { weight: hasBody ? 8 : 1, arbitrary: payload })
  return fc.record({ pathParameters, query, extraQuery, headers, payload: withPayload }).map(({ pathParameters, query, extraQuery, headers, payload }) => {
    let url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(String((pathParameters as Record<string, unknown>)[name])))
    const search = new URLSearchParams(Object.entries(query as Record<string, string>))
    if (extraQuery) search.append(...extraQuery)
    if ([...search].length > 0) url += `?${search}`
    const sent: Record<string, string> = {}
    for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') sent[name] = value
    return { operationId: operation.operationId, method: method.toUpperCase(), url, headers: sent, ...(payload !== null && { payload }) }
  })
}

/** A path segment as a client would send it; a lone surrogate, which has no UTF-8, as its WTF-8 bytes. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return value.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9_.~-]/g, (character) => encodeURIComponent(character))
  }
}

/** Every operation of the document, each as likely as the others. */
export function anyRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const operations = Object.entries(context.document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => requestFor(path, method, operation, context)))
  // And what the document does not have: other methods on its paths, paths it does not know.
  const paths = Object.keys(context.document.paths).map((path) => path.replace(/\{\w+\}/g, 'crevale-2021'))
  const elsewhere = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
      url: fc.oneof(fc.constantFrom(...paths), fc.tuple(fc.constantFrom(...paths), anyText).map(([path, tail]) => `${path}/${encodeSegment(tail)}`), anyText.map((text) => `/${encodeSegment(text)}`)),
      payload: fc.option(anyJson.map((value) => JSON.stringify(value))),
    })
    .map(({ method, url, payload }): FuzzRequest => ({ operationId: '(not in the document)', method, url, headers: { 'content-type': 'application/json' }, ...(payload !== null && { payload }) }))
  return fc.oneof({ weight: operations.length, arbitrary: fc.oneof(...operations) }, { weight: 2, arbitrary: elsewhere })
}

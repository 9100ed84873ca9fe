import { availableParallelism } from 'node:os'
import Type, { type Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'

/** The service's configuration, read from the environment through this one schema. */
export const Config = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DATA_DIR: Type.String({ default: './.data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  LOG_LEVEL: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' }),
  ADMIN_API_KEY: Type.Optional(Type.String({ minLength: 24 })),
  /** Origins allowed to call the API from a browser (comma-separated); none by default. */
  CORS_ORIGINS: Type.String({ default: '' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  /** Unknown API keys an address may send per minute; past it, its keyed requests get 429 until the minute ends. */
  AUTH_FAILURES_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 5 * 1024 * 1024 }),
  /** Load the seed plans as demo data when the database is empty. */
  DEMO_DATA: Type.Boolean({ default: true }),
  /** Worker threads for evaluations and renders (one per core by default); 0 runs them on the event loop. */
  WORKER_THREADS: Type.Integer({ minimum: 0, maximum: 64, default: availableParallelism() }),
  /** Heavy tasks that may wait for a thread before new ones are refused with 503 `busy`. */
  WORKER_QUEUE: Type.Integer({ minimum: 0, default: 64 }),
})
export type Config = Static<typeof Config>

const check = Compile(Config)

/**
 * Reads and checks the environment: defaults, then TypeBox's conversion of the strings (integers,
 * booleans: `true`/`false`/`1`/`0`), then the schema. Throws one error naming each bad variable.
 */
export function readConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(Config.properties)) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  const value = Value.Convert(Config, Value.Default(Config, { ...raw })) as Record<string, unknown>
  const problems = [...check.Errors(value)].map((error) => `${error.instancePath.slice(1) || '(config)'}: ${error.message}${error.instancePath ? ` (got ${JSON.stringify(raw[error.instancePath.slice(1)])})` : ''}`)
  // Conversion truncates "8.5" to 8: a number that does not read back as its text is refused, not rounded.
  for (const [key, text] of Object.entries(raw))
    if (typeof value[key] === 'number' && String(value[key]) !== text.trim()) problems.push(`${key}: must be integer (got ${JSON.stringify(text)})`)
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`)
  return value as Config
}

import Type, { type Static } from 'typebox'
import { Compile } from 'typebox/compile'

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
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 5 * 1024 * 1024 }),
  /** Load the seed plans as demo data when the database is empty. */
  DEMO_DATA: Type.Boolean({ default: true }),
})
export type Config = Static<typeof Config>

const check = Compile(Config)

/** Reads and checks the environment; throws an error naming each bad variable. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(Config.properties)) {
    const value = env[key]
    if (value === undefined || value === '') {
      if ('default' in schema) raw[key] = schema.default
      continue
    }
    const type = (schema as { type?: string }).type
    raw[key] = type === 'integer' ? Number(value) : type === 'boolean' ? value === 'true' || value === '1' : value
  }
  if (!check.Check(raw)) {
    const problems = [...check.Errors(raw)].map((error) => `${error.instancePath.slice(1) || '(config)'}: ${error.message}`)
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`)
  }
  return raw as Config
}

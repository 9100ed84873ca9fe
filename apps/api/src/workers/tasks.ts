// The heavy work of the service, as plain-data tasks: what a worker thread of the pool runs (this module's
// default export) and what the service runs on its own thread when the pool is off (WORKER_THREADS=0).
// Both paths run this one function, so a result cannot depend on where it was made.
import { findProfile, type PlanDocument } from '@demarche/domain'
import { declaredProfile, type PlanImport } from '@demarche/import'
import { type AvisInput, createContext, type RenderFormat, renderers } from '@demarche/render'
import { createRulesEngine, type Engine, type FindingDecision, type SpellChecker, withoutDismissed } from '@demarche/rules'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import { Piscina } from 'piscina'
import secureJson from 'secure-json-parse'
import { checkJson } from '../limits.js'
import { problemOf, type ProblemInput } from '../plugins/problem.js'
import { importWithProfile } from '../routes/imports/import-problem.js'
import { byReference, Report, SHARED_SCHEMAS } from '../schemas.js'
import type { Definitions } from '../services/registry.js'

export interface EvaluateOptions {
  ruleSet?: string
  stage?: 'draft' | 'submission'
}

/** The locales a document is rendered in. */
export type Locale = 'fr-CA' | 'en-CA'

/**
 * Plans travel as JSON text, not as objects: a large plan's structured clone, paid on each side, costs
 * more than one stringify and one parse (docs/performance.md), and a string crosses to the worker as one
 * flat copy.
 */
export type Task = (
  /** POST /v1/evaluate: the body's bytes (transferred), parsed, bounded and evaluated; the report's JSON bytes back. */
  | { kind: 'evaluate-body'; body: Uint8Array; options: EvaluateOptions; ask?: boolean }
  /**
   * A plan evaluated (stored evaluations, submissions, assessments): the report itself back. `spelling` runs the
   * French spelling rule with this thread's dictionary (see `spellCheckerOf`).
   */
  | { kind: 'evaluate-plan'; plan: string; options: EvaluateOptions; spelling?: boolean }
  /** A plan rendered; `clock` is the instant written as "produced on" (ms since the epoch). */
  | { kind: 'render-plan'; plan: string; format: RenderFormat; locale: Locale; clock: number }
  /**
   * A plan's submission-stage report (with `ruleSet`, the plan's programme's) rendered, spelling included, as
   * its stored evaluations make it.
   */
  | { kind: 'render-report'; plan: string; format: RenderFormat; locale: Locale; clock: number; planHref: string; ruleSet?: string; decisions?: FindingDecision[] }
  /** The reviewer's letter (avis): its input (the assessed plan, its report, the assessment) as JSON text. */
  | { kind: 'render-avis'; input: string; format: RenderFormat; locale: Locale; clock: number }
  /** An Office file (DOCX or XLSX) read into a plan of the profile, with its import report and the plan's draft evaluation. */
  | { kind: 'import-plan'; body: Uint8Array; profile?: string; ask?: boolean }
) & {
  /**
   * The registered profiles and rule sets the task reads (`Definitions` as JSON text, from the service's
   * registry): a worker knows only the built-in ones, and never looks a registered one up by itself.
   */
  definitions?: string
}

/**
 * What a task whose profile is known only once its body is read (`ask`) answers when that profile is
 * neither built in nor among the definitions it was sent: the reference the body names, for the service to
 * send the task again with that profile's definitions (`Registry.forPlan`) — so a task never carries every
 * registered definition.
 */
export interface Needs {
  needs: { id: string; version?: number }
  /** The body of `evaluate-body`, which moved to the worker, back for the second run. */
  body?: Uint8Array
}

/** What each task gives: a report, or bytes (text encoded as UTF-8) whose buffer is transferred back. */
export interface TaskOutputs {
  'evaluate-body': Uint8Array | Needs
  'evaluate-plan': Report
  'render-plan': Uint8Array
  'render-report': Uint8Array
  'render-avis': Uint8Array
  'import-plan': { imported: PlanImport & { plan: PlanDocument }; evaluation: Report } | Needs
}

/**
 * A task's outcome as plain data. Errors do not survive a thread boundary (a structured clone keeps an
 * Error's message, not its class, code or issues), so a refusal crosses as the problem the service would
 * send for it, made by the service's one table (`problemOf`); anything else is thrown and stays a 500.
 */
export type TaskResult<Output> = { ok: Output } | { problem: ProblemInput | { status: number; code: 'client-error'; title: { fr: string; en: string } } }

/**
 * The JSON parser Fastify uses for bodies (secure-json-parse, prototype and constructor poisoning refused),
 * with its answers: an empty or malformed body is a bad request (400).
 */
function parseBody(body: Uint8Array): unknown {
  const error = (message: string) => Object.assign(new Error(message), { statusCode: 400 })
  if (body.byteLength === 0) throw error('Body cannot be empty when content-type is set to application/json')
  try {
    return secureJson.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch {
    throw error('Body is not valid JSON')
  }
}

/**
 * The report's bytes as POST /v1/evaluate's response serializer writes them: the same compiler, over the
 * same named schemas, as `app.ts` gives the route — so a report made here is byte for byte the one the
 * route would have serialized (a test compares them).
 */
let serializer: ((report: Report) => string) | undefined
function serializeReport(report: Report): string {
  serializer ??= SerializerSelector()(Object.fromEntries(SHARED_SCHEMAS.map((schema) => [(schema as { $id: string }).$id, byReference(schema, true)])), {})({
    schema: byReference({ report: Report }).report,
    method: 'POST',
    url: '/v1/evaluate',
    httpStatus: '200',
  }) as (report: Report) => string
  return serializer(report)
}

const encoder = new TextEncoder()
const bytesOf = (output: string | Uint8Array) => (typeof output === 'string' ? encoder.encode(output) : output)
const ruleOptions = (options: EvaluateOptions, spellChecker?: SpellChecker) => ({
  ...(options.ruleSet && { ruleSet: options.ruleSet }),
  ...(options.stage && { stage: options.stage }),
  ...(spellChecker && { spellChecker }),
})

/**
 * The French spelling checker, loaded by the first task of this thread that asks for it and kept for the
 * thread's life: the dictionary takes a noticeable moment and memory to load (docs/performance.md), so a
 * thread that only renders or answers `POST /v1/evaluate` never loads it, and the others load it once. Its
 * answers and Hunspell's suggestions are cached with it (bounded); the rule asks Hunspell for a few
 * suggestions per evaluation at most. Imported on demand: the module reads the dictionary's files.
 */
async function spellCheckerOf(wanted: boolean | undefined): Promise<SpellChecker | undefined> {
  if (!wanted) return undefined
  const { loadFrenchSpelling } = await import('@demarche/rules/spelling')
  return loadFrenchSpelling()
}

/**
 * Engines by the definitions they were made with (the same text, the same engine): an engine keeps the
 * rule sets it resolved and each profile's compiled plan schema, which a task would otherwise make again.
 * Registered definitions never change, so an engine is never stale; a few are kept, the oldest dropped.
 */
const engines = new Map<string, Engine>()
const KEPT_ENGINES = 16
let builtinEngine: Engine | undefined

function engineFor(definitions: string | undefined): Engine {
  if (definitions === undefined) return (builtinEngine ??= createRulesEngine())
  let engine = engines.get(definitions)
  if (engine === undefined) {
    const { profiles, ruleSets } = JSON.parse(definitions) as Definitions
    engine = createRulesEngine({ profiles, ruleSets })
    if (engines.size >= KEPT_ENGINES) engines.delete(engines.keys().next().value!)
    engines.set(definitions, engine)
  }
  return engine
}

/** The render context of a plan, its profile found among the task's (a registered one included). */
function contextOf(plan: unknown, task: { locale: Locale; clock: number }, engine: Engine) {
  return createContext(plan as Parameters<typeof createContext>[0], { locale: task.locale, clock: () => new Date(task.clock), profiles: engine.profiles })
}

async function perform(task: Task): Promise<TaskOutputs[Task['kind']]> {
  const engine = engineFor(task.definitions)
  switch (task.kind) {
    case 'evaluate-body': {
      const document = parseBody(task.body)
      // The bounds of any document, before anything recursive reads it.
      checkJson(document, 'body')
      const named = task.ask ? unknownProfile((document as { profile?: unknown } | null)?.profile, engine) : undefined
      if (named) return { needs: named, body: task.body }
      return encoder.encode(serializeReport(engine.evaluate(document, ruleOptions(task.options))))
    }
    case 'evaluate-plan':
      return engine.evaluate(JSON.parse(task.plan), ruleOptions(task.options, await spellCheckerOf(task.spelling)))
    case 'render-plan': {
      const plan = JSON.parse(task.plan)
      const context = contextOf(plan, task, engine)
      // A PDF made here is pdfkit's: Chromium prints on the service's thread (see routes/documents/formats.ts).
      return bytesOf(await renderers[task.format].renderPlan(plan, context, task.format === 'pdf' ? { pdf: { engine: 'pdfkit' } } : {}))
    }
    case 'render-report': {
      const plan = JSON.parse(task.plan)
      const context = contextOf(plan, task, engine)
      const evaluated = engine.evaluate(plan, ruleOptions(task.ruleSet ? { ruleSet: task.ruleSet } : {}, await spellCheckerOf(true)))
      // The reviewer's dismissals in force, for a caller who may read the assessment: those findings are left out.
      const report = task.decisions ? withoutDismissed(evaluated, plan, task.decisions).report : evaluated
      const input = { report, plan, planHref: task.planHref }
      const render = renderers[task.format].renderReport
      if (!render) throw new Error(`No report layout in ${task.format}`)
      return bytesOf(await render(input, context, task.format === 'pdf' ? { pdf: { engine: 'pdfkit' } } : {}))
    }
    case 'import-plan': {
      // The hostile-file guards run first, inside importPlan; a plan read is evaluated where it was read.
      let asked = task.profile
      if (task.ask && asked === undefined) {
        const declared = await declaredProfile(task.body)
        const named = unknownProfile(declared, engine)
        if (named) return { needs: named }
        if (declared) asked = declared.version === undefined ? declared.id : `${declared.id}@${declared.version}`
      }
      const imported = await importWithProfile(asked, task.body, engine.profiles)
      return { imported, evaluation: engine.evaluate(imported.plan, { stage: 'draft' }) }
    }
    case 'render-avis': {
      const input = JSON.parse(task.input) as AvisInput
      const context = contextOf(input.plan, task, engine)
      const render = renderers[task.format].renderAvis
      if (!render) throw new Error(`No letter layout in ${task.format}`)
      return bytesOf(await render(input, context, task.format === 'pdf' ? { pdf: { engine: 'pdfkit' } } : {}))
    }
  }
}

/** The profile `ref` names (`{ id, version? }`) when this engine does not know it; undefined otherwise. */
function unknownProfile(ref: unknown, engine: Engine): Needs['needs'] | undefined {
  const { id, version } = (ref ?? {}) as { id?: unknown; version?: unknown }
  if (typeof id !== 'string') return undefined
  const numbered = typeof version === 'number' ? version : undefined
  return findProfile(id, numbered, engine.profiles) ? undefined : { id, ...(numbered !== undefined && { version: numbered }) }
}

/** Runs a task; a refusal is returned as its problem, anything unexpected is thrown. */
export async function runTask(task: Task): Promise<TaskResult<TaskOutputs[Task['kind']]>> {
  try {
    return { ok: await perform(task) }
  } catch (error) {
    const problem = problemOf(error as never)
    if (problem.code === 'internal-error') throw error
    return { problem }
  }
}

/**
 * The worker thread's entry (piscina calls the default export). Bytes go back by transfer: the buffer
 * moves to the service's thread instead of being copied.
 */
export default async function workerTask(task: Task): Promise<unknown> {
  const result = await runTask(task)
  if (!('ok' in result) || !(result.ok instanceof Uint8Array)) return result
  const bytes = ownBytes(result.ok)
  return Piscina.move({ [Piscina.transferableSymbol]: bytes.buffer, [Piscina.valueSymbol]: { ok: bytes } } as never)
}

/** Bytes whose buffer may be transferred: their own, whole (a pooled Buffer shares its slab with others). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)
}

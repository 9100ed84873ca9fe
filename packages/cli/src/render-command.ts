import { basename } from 'node:path'
import { type Locale, validatePlan } from '@demarche/domain'
import { createContext, isRenderFormat, RENDER_FORMATS, RenderError, type RenderOptions as RendererOptions, renderers } from '@demarche/render'
import type { Io } from './io.js'
import type { Stage } from './messages.js'
import type { Project } from './project.js'
import { spellCheckerFor } from './spelling.js'
import { StatusLine } from './status.js'
import { formatIssue, readJson } from './validate-command.js'

export { RENDER_FORMATS }

export interface RenderOptions {
  file: string
  format: string
  report: boolean
  locale: Locale
  project: Project
  template?: string
  output?: string
  /** A report checks French spelling, as `lint`, `letter` and the service do, unless --no-spelling. */
  spelling: boolean
}

/** `demarche render <plan.json> --format … [--report] -o <file>`; `-o -` writes to standard output. */
export async function renderCommand(options: RenderOptions, io: Io & { writeBytes(path: string, bytes: Uint8Array): Promise<void> }): Promise<number> {
  const fr = options.locale === 'fr'
  if (!isRenderFormat(options.format)) return usage(io, `--format : ${RENDER_FORMATS.join(' | ')}`)
  const renderer = renderers[options.format]
  if (options.report && !renderer.renderReport) return usage(io, fr ? `le rapport ne se rend pas en ${options.format.toUpperCase()}` : `reports are not rendered as ${options.format.toUpperCase()}`)
  if (!options.output) {
    const example = `${basename(options.file).replace(/(\.plan)?\.json$/, '')}${options.report ? '.report' : ''}.${renderer.extension}`
    return usage(io, fr ? `-o <fichier> est requis (-o ${example}, ou -o - pour la sortie standard)` : `-o <file> is required (-o ${example}, or -o - for standard output)`)
  }
  const parsed = await readJson(options.file, io)
  if (!parsed.ok) {
    io.stderr(`${options.file}: ${parsed.message[options.locale]}\n`)
    return 1
  }
  const status = StatusLine.for(io, options.file, parsed.source.length, options.locale)
  status.enter('validate')
  const validation = validatePlan(parsed.value, { profiles: options.project.profiles })
  if (!validation.ok) {
    status.end()
    io.stderr(`${options.file}: ${fr ? 'plan invalide' : 'invalid plan'}\n`)
    for (const issue of validation.issues) io.stderr(formatIssue(issue, options.locale))
    return 1
  }
  const plan = validation.plan
  const rendererOptions: RendererOptions = options.template ? { template: await readBytes(options.template) } : {}
  let output: string | Uint8Array
  const laying = `render-${options.format}` as Stage
  try {
    const context = createContext(plan, { locale: options.locale === 'en' ? 'en-CA' : 'fr-CA', profile: validation.profile })
    // The plan is evaluated only for a report: rendering a plan never runs the rules.
    if (options.report) {
      status.enter('evaluate')
      const evaluateOptions = { stage: 'submission' as const, ...(options.project.ruleSet && { ruleSet: options.project.ruleSet }) }
      const spellChecker = options.spelling ? await spellCheckerFor(options.project.engine, plan, evaluateOptions) : undefined
      const report = options.project.engine.evaluate(plan, { ...evaluateOptions, ...(spellChecker && { spellChecker }) })
      status.enter(laying)
      output = await renderer.renderReport!({ report, plan }, context, rendererOptions)
    } else {
      status.enter(laying)
      output = await renderer.renderPlan(plan, context, rendererOptions)
    }
  } catch (error) {
    status.end()
    // What the person running the command can fix (CHROMIUM_PATH leading nowhere, say) is a usage failure.
    if (error instanceof RenderError) return usage(io, error.text[options.locale])
    throw error
  }
  status.enter('write')
  try {
    if (options.output === '-') {
      if (typeof output === 'string') io.stdout(output)
      else await io.writeBytes('-', output)
    } else if (typeof output === 'string') await io.writeFile(options.output, output)
    else await io.writeBytes(options.output, output)
  } finally {
    status.end()
  }
  return 0
}

async function readBytes(path: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises')
  return new Uint8Array(await readFile(path))
}

function usage(io: Io, message: string): number {
  io.stderr(`demarche render: ${message}\n`)
  return 2
}

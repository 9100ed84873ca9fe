import { type Locale, type PlanDocument, validatePlan } from '@demarche/domain'
import { createContext, planHtml, planMarkdown, reportHtml, reportMarkdown } from '@demarche/render'
import { evaluatePlan } from '@demarche/rules'
import type { Io } from './io.js'
import { formatIssue, readJson } from './validate-command.js'

export const RENDER_FORMATS = ['html', 'markdown', 'docx', 'pdf', 'xlsx'] as const
type RenderFormat = (typeof RENDER_FORMATS)[number]

export interface RenderOptions {
  file: string
  format: string
  report: boolean
  locale: Locale
  template?: string
  output?: string
}

/** `demarche render <plan.json> --format … [--report] -o <file>`; `-o -` writes to standard output. */
export async function renderCommand(options: RenderOptions, io: Io & { writeBytes(path: string, bytes: Uint8Array): Promise<void> }): Promise<number> {
  const fr = options.locale === 'fr'
  if (!(RENDER_FORMATS as readonly string[]).includes(options.format)) return usage(io, `--format : ${RENDER_FORMATS.join(' | ')}`)
  if (options.report && options.format === 'xlsx') return usage(io, fr ? 'le rapport ne se rend pas en XLSX' : 'reports are not rendered as XLSX')
  if (!options.output) return usage(io, fr ? '-o <fichier> est requis (-o - pour la sortie standard)' : '-o <file> is required (-o - for standard output)')
  const parsed = await readJson(options.file, io)
  if (!parsed.ok) {
    io.stderr(`${options.file}: ${parsed.message[options.locale]}\n`)
    return 1
  }
  const validation = validatePlan(parsed.value)
  if (!validation.ok) {
    io.stderr(`${options.file}: ${fr ? 'plan invalide' : 'invalid plan'}\n`)
    for (const issue of validation.issues) io.stderr(formatIssue(issue, options.locale))
    return 1
  }
  const plan = validation.plan
  const context = createContext(plan, { locale: options.locale === 'en' ? 'en-CA' : 'fr-CA' })
  const format = options.format as RenderFormat
  const output = await render(plan, format, options, context)
  if (options.output === '-') {
    if (typeof output === 'string') io.stdout(output)
    else await io.writeBytes('-', output)
  } else if (typeof output === 'string') await io.writeFile(options.output, output)
  else await io.writeBytes(options.output, output)
  return 0
}

async function render(plan: PlanDocument, format: RenderFormat, options: RenderOptions, context: ReturnType<typeof createContext>): Promise<string | Uint8Array> {
  const input = { report: evaluatePlan(plan), plan }
  switch (format) {
    case 'html':
      return options.report ? reportHtml(input, context) : planHtml(plan, context)
    case 'markdown':
      return options.report ? reportMarkdown(input, context) : planMarkdown(plan, context)
    case 'docx': {
      const { planDocx, reportDocx } = await import('@demarche/render/docx')
      if (options.report) return reportDocx(input, context)
      const template = options.template ? await readBytes(options.template) : undefined
      return planDocx(plan, context, template ? { template } : {})
    }
    case 'pdf': {
      const { planPdf, reportPdf } = await import('@demarche/render/pdf')
      return options.report ? reportPdf(input, context) : planPdf(plan, context)
    }
    case 'xlsx': {
      const { planXlsx } = await import('@demarche/render/xlsx')
      return planXlsx(plan, context)
    }
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises')
  return new Uint8Array(await readFile(path))
}

function usage(io: Io, message: string): number {
  io.stderr(`demarche render: ${message}\n`)
  return 2
}

import { parseArgs } from 'node:util'
import { isLocale, type Locale } from '@demarche/domain'
import type { Io } from './io.js'
import { expandGlobs } from './globs.js'
import { assessCommand } from './assess-command.js'
import { letterCommand } from './letter-command.js'
import { importCommand } from './import-command.js'
import { lintCommand } from './lint-command.js'
import { CliFailure, EXIT, type Message, messages } from './messages.js'
import { prepareCommand } from './prepare-command.js'
import { loadProject } from './project.js'
import { renderCommand } from './render-command.js'
import { schemaCommand } from './schema-command.js'
import { templateCommand } from './template-command.js'
import { validateCommand } from './validate-command.js'

const USAGE = `Usage: demarche <command> [options]

Commands:
  validate <plan.json…>            Validate plans against their profile (exit 1 on errors)
  prepare <plan.json…> [--write]   Assign ids and recompute parsed values from raw text
  schema [profile|rule-set|assessment|config] [--profile <id|file>]
                                   Print the JSON Schema of plans (of one profile), or of profile,
                                   rule set, assessment or demarche.config.json files
  lint <files or globs…>           Evaluate plans against their rule set and print the report
      [--ruleset id@version] [--stage draft|submission]
      [--format stylish|json|markdown|sarif|junit] [--fail-on error|warning] [--explain]
      [--no-spelling]                Skip the French spelling check (its dictionary loads once)
  render <plan.json> --format html|markdown|docx|pdf|xlsx -o <file|->
      [--report] [--template org.docx] [--no-spelling]
                                   Render the plan, or its evaluation report (spelling checked)
  assess <plan.json> --author <name> -o <assessment.yaml|json>
      [--no-spelling]              Draft the reviewer's assessment file from the plan's report: the grid
                                   with the engine's statuses, each finding's fingerprint to confirm or
                                   dismiss, its place and message beside it; never replaces a file
  letter --assessment <assessment.json> <plan.json> [-f html|docx|pdf] -o <file>
      [--no-spelling]              Write the reviewer's letter (avis) from an assessment file; the
                                   format is the -o file's extension unless -f says otherwise
  template [--profile <id[@version]|file>] --format docx|xlsx -o <file|->
                                   Write the profile's blank form (in the --locale language); with no id,
                                   the one region profile the project or a --profile file loads
  import <file.xlsx|file.docx> [--profile <id[@version]>] [-o <plan.json|->] [--format stylish|json|markdown|sarif|junit]
                                   Read a plan from a filled form (Excel or Word) or the toolkit’s own file,
                                   write it as JSON and print the located import report

Options:
  --profile <file>                 Load a profile file (JSON or YAML); repeatable
  --rules <file>                   Load a rule set file (JSON or YAML); repeatable
  --locale fr|en                   Language of messages (default fr)
  -h, --help                       Show this help

A demarche.config.json found in the current folder or above lists the project's profile and rule set
files ("profiles", "ruleSets") and its default rule set ("ruleSet").

Exit codes:
  0  done; no finding at --fail-on
  1  findings at --fail-on, invalid plans, files that are not JSON
  2  bad usage, or a file that cannot be read or written
`

const COMMANDS = ['validate', 'prepare', 'schema', 'lint', 'render', 'assess', 'letter', 'template', 'import'] as const

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error
    io.stderr(`${error.text[localeOf(argv)]}\n`)
    return EXIT.failure
  }
}

function localeOf(argv: readonly string[]): Locale {
  const at = argv.indexOf('--locale')
  const value = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length)
  return value !== undefined && isLocale(value) ? value : 'fr'
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        locale: { type: 'string', default: 'fr' },
        write: { type: 'boolean', default: false },
        profile: { type: 'string', multiple: true, default: [] },
        rules: { type: 'string', multiple: true, default: [] },
        ruleset: { type: 'string' },
        stage: { type: 'string', default: 'submission' },
        format: { type: 'string', short: 'f' },
        assessment: { type: 'string' },
        author: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        explain: { type: 'boolean', default: false },
        'no-spelling': { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        template: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return usage(io, messages.badArguments((error as Error).message), localeOf(argv))
  }
  const { values, positionals } = parsed
  const [command, ...files] = positionals
  if (values.help || command === undefined) {
    ;(values.help ? io.stdout : io.stderr)(USAGE)
    return values.help ? 0 : 2
  }
  if (!isLocale(values.locale)) return usage(io, messages.badLocale(), 'fr')
  const locale: Locale = values.locale
  if (!(COMMANDS as readonly string[]).includes(command)) return usage(io, messages.unknownCommand(command), locale)
  const profileFiles = values.profile.filter(isFileName)
  const profileIds = values.profile.filter((value) => !isFileName(value))
  if (profileIds.length > 0 && command !== 'schema' && command !== 'template' && command !== 'import') return usage(io, messages.profileIsFile(profileIds[0]!), locale)
  const project = await loadProject({ profileFiles, ruleFiles: values.rules, cwd: io.cwd ?? process.cwd() }, locale, io)
  if (command === 'schema') return schemaCommand({ kind: files[0], profile: profileIds.at(-1), project }, locale, io)
  if (command === 'template')
    return templateCommand({ format: values.format ?? '', locale, project, ...(profileIds.length > 0 && { profile: profileIds.at(-1)! }), ...(values.output !== undefined && { output: values.output }) }, io)
  if (command === 'import') {
    if (files.length !== 1) return usage(io, messages.noFile(command), locale)
    return importCommand({ file: files[0]!, format: values.format ?? 'stylish', locale, project, ...(profileIds.length > 0 && { profile: profileIds.at(-1)! }), ...(values.output !== undefined && { output: values.output }) }, io)
  }
  if (command === 'lint')
    return lintCommand(
      {
        files: await expandGlobs(files),
        ...((values.ruleset ?? project.ruleSet) !== undefined && { ruleSet: (values.ruleset ?? project.ruleSet)! }),
        project,
        stage: values.stage,
        format: values.format ?? 'stylish',
        locale,
        failOn: values['fail-on'],
        explain: values.explain,
        spelling: !values['no-spelling'],
      },
      io,
    )
  if (command === 'assess') {
    if (files.length > 1) return usage(io, messages.assessUsage(), locale)
    return assessCommand({ file: files[0], author: values.author, locale, project, output: values.output, spelling: !values['no-spelling'] }, io)
  }
  if (command === 'letter') {
    if (files.length > 1) return usage(io, messages.letterUsage(), locale)
    return letterCommand(
      {
        file: files[0],
        assessment: values.assessment,
        format: values.format,
        locale,
        project,
        output: values.output,
        spelling: !values['no-spelling'],
      },
      io,
    )
  }
  if (command === 'render') {
    if (files.length !== 1) return usage(io, messages.onePlanOnly(), locale)
    return renderCommand(
      {
        file: files[0]!,
        format: values.format ?? '',
        report: values.report,
        locale,
        project,
        spelling: !values['no-spelling'],
        ...(values.template !== undefined && { template: values.template }),
        ...(values.output !== undefined && { output: values.output }),
      },
      io,
    )
  }
  if (files.length === 0) return usage(io, messages.noFile(command), locale)
  return command === 'validate' ? validateCommand(files, project, locale, io) : prepareCommand(files, values.write, project, locale, io)
}

/** A --profile value that names a file rather than a profile id. */
function isFileName(value: string): boolean {
  return /\.(json|ya?ml)$/i.test(value) || value.includes('/') || value.includes('\\')
}

function usage(io: Io, message: Message, locale: Locale): number {
  io.stderr(`${message[locale]}\n\n${USAGE}`)
  return EXIT.failure
}

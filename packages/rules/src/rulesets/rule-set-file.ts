import { type Issue, type LocatedIssue, locatedIn, pointerOf, readSourceText } from '@demarche/domain'
import Type, { type Static } from 'typebox'
import { fileShapeChecker } from '../engine/file-shape.js'
import type { AnyRule } from '../engine/rule.js'
import { RuleSetDefinition, RuleSetError, resolveRuleSet, ruleSetKey } from '../engine/ruleset.js'

/**
 * A rule set as a file: the published `RuleSetDefinition` (rules by id from the catalogue, with severity,
 * draft severity and options; criteria by id), with an optional `$schema` for editors. `extends`
 * ("generic@1", "lanaudiere-2026@1") lets a region state only the rules and criteria it changes: entries
 * merge over the extended set's, a rule is turned off with `"off"`.
 */
export const RuleSetFile = Type.Object(
  { $schema: Type.Optional(Type.String()), ...RuleSetDefinition.properties },
  {
    additionalProperties: false,
    $id: 'https://demarche.example/schemas/rule-set.schema.json',
    title: 'Jeu de règles Démarche / Démarche rule set',
  },
)
export type RuleSetFile = Static<typeof RuleSetFile>

export type RuleSetLoad = { ok: true; ruleSet: RuleSetDefinition } | { ok: false; issues: LocatedIssue[] }

const shapeIssues = fileShapeChecker(RuleSetFile, 'invalid-rule-set')

/**
 * Reads a rule set file's text (JSON or YAML), checks its shape, then resolves it against the known rule
 * sets and rules so that an unknown rule, a bad option or a missing criterion is told now, located in the
 * file (JSON Pointer, line and column), rather than when a plan is evaluated.
 */
export function loadRuleSetText(text: string, file: string, known: readonly RuleSetDefinition[], rules: readonly AnyRule[]): RuleSetLoad {
  const read = readSourceText(text, file)
  if (!read.ok) return read
  const located = (issues: readonly Issue[]): LocatedIssue[] => locatedIn(read, file, issues)
  const shape = shapeIssues(read.value)
  if (shape.length > 0) return { ok: false, issues: located(shape) }
  const { $schema: _schema, ...definition } = read.value as RuleSetFile
  // Reports name id@version: a second definition of one would change what an existing report means.
  if (known.some((candidate) => ruleSetKey(candidate) === ruleSetKey(definition)))
    return {
      ok: false,
      issues: located([
        {
          code: 'rule-set-exists',
          pointer: '/version',
          message: {
            fr: `Le jeu de règles « ${ruleSetKey(definition)} » existe déjà : une autre définition demande une nouvelle version.`,
            en: `Rule set "${ruleSetKey(definition)}" already exists: another definition needs a new version.`,
          },
        },
      ]),
    }
  try {
    resolveRuleSet(ruleSetKey(definition), [...known, definition], rules)
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error
    const names = rules.map((rule) => rule.id)
    return {
      ok: false,
      issues: located(
        error.problems.map((problem) => {
          const unknownRule = problem.subject !== undefined && !names.includes(problem.subject)
          return {
            code: 'invalid-rule-set',
            pointer: problem.subject !== undefined && Object.hasOwn(definition.rules, problem.subject) ? pointerOf('rules', problem.subject) : problem.message.en.startsWith('Rule set not found') ? '/extends' : '',
            message: unknownRule
              ? { fr: `${problem.message.fr} Règles connues : voir « demarche lint --explain » ou le catalogue des règles.`, en: `${problem.message.en} Known rules: see "demarche lint --explain" or the rules catalogue.` }
              : { fr: problem.message.fr, en: problem.message.en },
          }
        }),
      ),
    }
  }
  return { ok: true, ruleSet: definition }
}

/** The published JSON Schema of rule set files, for editors. */
export function ruleSetFileJsonSchema(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...RuleSetFile })) as Record<string, unknown>
}

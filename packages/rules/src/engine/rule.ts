import type { LocalizedText, NameIndex, PlanDocument, Profile, RowVisit, TextVisit } from '@demarche/domain'
import type { TSchema } from 'typebox'
import type { Severity, Stage } from './severity.js'

export type Bilingual = Required<LocalizedText>

/** A piece of free text of the plan, where it is and what it is: the domain walker's text visit. */
export type TextField = TextVisit

export interface RuleMeta<MessageId extends string = string, Options = unknown> {
  /** The criterion of the reviewers' grid the rule belongs to. */
  criterion: string
  /** What the rule checks. */
  docs: Bilingual
  /** The form question or coherence concern the rule serves. */
  serves: Bilingual
  /** Message templates; `{name}` placeholders are filled from the report's data. */
  messages: Record<MessageId, Bilingual>
  /** TypeBox schema of the options; rule sets are checked against it when they load. */
  options?: TSchema
  defaultOptions?: Options
  defaultSeverity: Severity
  /** The highest severity a rule set may give the rule (indicators stay informative). */
  maxSeverity?: Severity
}

export interface ReportDescriptor {
  /** JSON Pointer of the place the finding is about; it resolves in the plan. */
  pointer: string
  /** For missing content: where it should go (its parent resolves). */
  expected?: string
  /** Values for the message's `{placeholders}`; a bilingual value fills each language with its own text. */
  data?: Readonly<Record<string, string | number | Bilingual>>
  suggestion?: Bilingual
  /** The subject this finding counts against, when it is not the pointer itself. */
  subject?: string
}

/** Checks French words: the `spelling` rule's dictionary, given by the caller (see EvaluateOptions). */
export interface SpellChecker {
  /** True when the dictionary knows the word as written (a capitalised dictionary word is known). */
  correct(word: string): boolean
  /** The dictionary's nearest words, best first; may be slow (the rule calls it for a few words per plan). */
  suggest(word: string): string[]
}

export interface RuleContext<MessageId extends string = string, Options = unknown> {
  readonly plan: PlanDocument
  readonly profile: Profile
  readonly options: Options
  readonly stage: Stage
  /** Names of the roster and of the profile's partner groups. */
  readonly names: NameIndex
  /** The caller's spelling checker, if any (rules that need one are inactive without it). */
  readonly spellChecker?: SpellChecker | undefined
  /** Every row of the plan table (computed once per evaluation, shared by the rules). */
  readonly rows: readonly RowVisit[]
  /** Every text the chantier wrote, with its pointer (computed once per evaluation). */
  readonly texts: readonly TextField[]
  /**
   * Counts one subject the rule examined (a row, a step…), for the criterion's applicable count. Contract:
   * each subject is examined once, before any report on it (RuleTester checks both).
   */
  examine(subject: string): void
  /** Reports a finding on an examined subject (`descriptor.subject`, or `descriptor.pointer` by default). */
  report(messageId: MessageId, descriptor: ReportDescriptor): void
}

interface RuleHead<MessageId extends string, Options> {
  readonly id: string
  readonly meta: RuleMeta<MessageId, Options>
}

/** What a rule about rows or texts does at each one; the engine calls them during its single walk of the plan. */
export interface RuleVisitors {
  /** Each row of the plan table, in document order. */
  row?(visit: RowVisit): void
  /** Each text of the plan, in document order (a row's texts come right after the row). */
  text?(field: TextField): void
  /** After the last row and text, for what the rule gathered along the way. */
  end?(): void
}

/**
 * A rule either reads the plan as a whole (`check`, run once), or, in the manner of ESLint's `create`,
 * sets itself up once and returns visitors for rows and texts. All rules' visitors share one walk: a large
 * plan is then read from memory once, rather than once per rule (each pass over a plan larger than the
 * processor's cache costs a memory access per node).
 */
export type Rule<MessageId extends string = string, Options = unknown> = RuleHead<MessageId, Options> &
  (
    | { check(context: RuleContext<MessageId, Options>): void; create?: never }
    | { create(context: RuleContext<MessageId, Options>): RuleVisitors; check?: never }
  )

/** Declares a rule; the identity function that gives rule modules their types. */
export function defineRule<MessageId extends string, Options = Record<string, never>>(
  rule: Rule<MessageId, Options>,
): Rule<MessageId, Options> {
  return rule
}

export type AnyRule = Rule<string, any>

import type { Locale } from '@demarche/domain'
import type { RuleMeta } from '../engine/rule.js'

/** What a report format needs of a rule to describe it (SARIF's rule descriptors); any rule is one. */
export interface RuleDescription {
  id: string
  meta: Pick<RuleMeta, 'criterion' | 'docs' | 'serves'>
}

export interface FormatOptions {
  locale?: Locale
  /** The file each report is about, as the user named it. */
  file?: string
  /** ANSI colours in the terminal format. */
  color?: boolean
  /**
   * Rules the reports' findings may come from besides the built-in ones (an engine's `rules`, third-party
   * rules included), so that SARIF describes them; one of the same id as a built-in rule replaces it.
   */
  rules?: readonly RuleDescription[]
}

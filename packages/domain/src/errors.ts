import type { LocalizedText } from './common.js'

/** A problem found in a document, located by a JSON Pointer and told in French and English. */
export interface Issue {
  /** Stable machine code, e.g. "required", "unknown-profile". */
  code: string
  /** RFC 6901 pointer into the document; "" is the whole document. */
  pointer: string
  message: Required<LocalizedText>
}

/** Thrown by the package's functions that cannot return a result; carries located, bilingual issues. */
export class DomainError extends Error {
  readonly code: string
  readonly issues: readonly Issue[]

  constructor(code: string, issues: readonly Issue[]) {
    super(issues.map((issue) => `${issue.pointer || '/'}: ${issue.message.en}`).join('\n') || code)
    this.name = 'DomainError'
    this.code = code
    this.issues = issues
  }
}

import type { LocalizedText } from '@demarche/domain'

export type RenderErrorCode = 'unknown-profile' | 'chromium-not-found' | 'chromium-unavailable'

/**
 * A render that cannot be made for a reason the caller can fix (a plan's profile this context does not know, a
 * Chromium path that leads nowhere). Carries the reason in French and English, so a command or a service can
 * say it in its user's language; `message` holds both, for a developer reading a stack.
 */
export class RenderError extends Error {
  readonly code: RenderErrorCode
  readonly text: Required<LocalizedText>

  constructor(code: RenderErrorCode, text: Required<LocalizedText>) {
    super(`${text.fr}\n${text.en}`)
    this.name = 'RenderError'
    this.code = code
    this.text = text
  }
}

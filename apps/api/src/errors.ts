import type { ProblemCode } from './plugins/problem.js'

/**
 * An error with a stable code. Services throw these and never choose an HTTP status: the problem plugin
 * maps each code to its status (one table) and the error to an application/problem+json body.
 */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly title: { fr: string; en: string },
    readonly extra: Record<string, unknown> = {},
  ) {
    super(title.en)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('not-found', { fr: `${what} introuvable.`, en: `${what} not found.` })
export const forbidden = () => new AppError('forbidden', { fr: 'Accès refusé.', en: 'Access denied.' })
export const unauthorized = () => new AppError('unauthorized', { fr: 'Clé d’API absente ou invalide.', en: 'Missing or invalid API key.' })

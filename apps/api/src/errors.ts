/** An error with a stable code that the HTTP layer maps to a status and a problem+json body. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: { fr: string; en: string },
    readonly extra: Record<string, unknown> = {},
  ) {
    super(title.en)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError(404, 'not-found', { fr: `${what} introuvable.`, en: `${what} not found.` })
export const forbidden = () => new AppError(403, 'forbidden', { fr: 'Accès refusé.', en: 'Access denied.' })
export const unauthorized = () => new AppError(401, 'unauthorized', { fr: 'Clé d’API absente ou invalide.', en: 'Missing or invalid API key.' })

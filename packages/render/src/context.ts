import { findProfile, type Locale, type PlanDocument, type Profile } from '@demarche/domain'
import { RenderError } from './errors.js'

export type RenderLocale = 'fr-CA' | 'en-CA'

export interface Theme {
  /** Headings, table headers and rules; must keep a 4.5:1 contrast with white. */
  primary: string
  /** Light background of table headers; text on it uses `primary`. */
  tint: string
  text: string
  /** Shown on the cover and in page headers. */
  organisation?: string
  logo?: { dataUri: string; alt: string }
}

export interface Typography {
  /** Space before ";", "!" and "?" in French: none (Québec usage) or a narrow no-break space. */
  highPunctuation: 'none' | 'narrow'
}

/** Everything a renderer needs besides its input: same input and same context give the same bytes. */
export interface RenderContext {
  locale: RenderLocale
  /** The plan's form edition: level names, columns, vocabularies. */
  profile: Profile
  theme: Theme
  typography: Typography
  /** The time written as "produced on"; renderers never read the system clock. */
  clock: () => Date
}

export const DEFAULT_THEME: Theme = { primary: '#1f4e79', tint: '#e8eef5', text: '#1a1a1a' }

export interface ContextOptions {
  locale?: RenderLocale
  profile?: Profile
  profiles?: readonly Profile[]
  theme?: Partial<Theme>
  typography?: Partial<Typography>
  clock?: () => Date
}

/** A context for rendering `plan`: its own profile unless one is given, fr-CA, the default theme. */
export function createContext(plan: Pick<PlanDocument, 'profile'> | undefined, options: ContextOptions = {}): RenderContext {
  const profile = options.profile ?? (plan && findProfile(plan.profile.id, plan.profile.version, options.profiles))
  if (!profile) {
    const id = plan ? `${plan.profile.id}@${plan.profile.version}` : '—'
    throw new RenderError('unknown-profile', { fr: `Profil inconnu : « ${id} ».`, en: `Unknown profile: "${id}".` })
  }
  return {
    locale: options.locale ?? 'fr-CA',
    profile,
    theme: { ...DEFAULT_THEME, ...options.theme },
    typography: { highPunctuation: 'none', ...options.typography },
    clock: options.clock ?? (() => new Date()),
  }
}

export function languageOf(context: Pick<RenderContext, 'locale'>): Locale {
  return context.locale === 'en-CA' ? 'en' : 'fr'
}


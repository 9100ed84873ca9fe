/**
 * Helpers for the tests of the packages and the service that check other regions' documents (issue 11): one
 * list of Lanaudière's words, shared by the CLI's and the API's tests. A subpath of its own
 * (`@demarche/domain/testing`), never reached from the package's main entry.
 */
import type { Profile } from './profile/profile.js'
import { resolveProfileFile } from './profile/profile-file.js'
import { builtinProfiles } from './profile/registry.js'

/** Names of Lanaudière's form and bodies: no document of another region may show them, whatever its shape. */
export const LANAUDIERE_NAMES = /Lanaudi[èe]re|lanaudoise|CREVALE|préfets|Chantier régional|Axe d’intervention|Axe d'intervention|Moyens \/ Actions/i

/**
 * Those names and the words of Lanaudière's levels, sections and columns, in both languages: what a document
 * of a region of another shape (docs/examples/littoral/: no axes, objectives, owners, budget or form
 * sections, calendar years) must never show.
 */
export const LANAUDIERE_WORDS = new RegExp(
  [
    LANAUDIERE_NAMES.source,
    'Démarche',
    'chantiers?\\b',
    '\\bAxes?\\b',
    '\\baxis\\b',
    'intervention',
    'objectifs?\\b',
    'objectives?\\b',
    '\\bmoyens?\\b',
    '\\bmeans\\b',
    'Échéancier',
    '\\bschedule\\b',
    'Budget',
    'montage',
    'fiduciaire',
    'fiduciary',
    'Responsables?',
    'Partenaires?',
    'Participants',
    'Personnes ressources',
    'Étapes réalisées',
    'Mécanismes de suivi',
    'Complémentarité',
    'Priorités transversales',
    'transversal',
    'Ligne \\d',
    'An \\d',
    // The Document sheet's year fields in Lanaudière's numbering (« Première année (An) »).
    '\\(An\\)',
  ].join('|'),
  'i',
)

/** A profile file's definition resolved (its `extends` chain among `known`), or the test fails with its located issues. */
export function profileOf(file: unknown, known: readonly Profile[] = builtinProfiles): Profile {
  const resolved = resolveProfileFile(file, known)
  if (!resolved.ok) throw new Error(`the test's profile does not resolve: ${JSON.stringify(resolved.issues)}`)
  return resolved.profile
}

/** What a reader sees of an HTML or XML text: styles and markup left out. */
export function visibleText(text: string): string {
  return text.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
}

/** Every French and English text of a JSON value (its `{ fr, en }` pairs), where people read them. */
export function bilingualTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(bilingualTexts)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => ((key === 'fr' || key === 'en') && typeof inner === 'string' ? [inner] : bilingualTexts(inner)))
}

/**
 * The text of an Office file from its parts (path → bytes, as an unzip gives them): every text of its XML parts
 * and, with `withAttributes`, every attribute value (a table's alternative text, a sheet's name) but addresses.
 * customXml/ holds the plan itself as data (its JSON keys are identifiers, never shown): not the document's words.
 */
export function officeText(parts: Iterable<readonly [string, Uint8Array]>, withAttributes: boolean): string {
  const decoder = new TextDecoder()
  const attributes = (tag: string) => (withAttributes ? [...tag.matchAll(/\s[\w:]+="([^"]*)"/g)].map((match) => match[1]!).filter((value) => !value.startsWith('http')).join(' ') : '')
  return [...parts]
    .filter(([path]) => path.endsWith('.xml') && !path.startsWith('customXml/'))
    .map(([, bytes]) =>
      decoder
        .decode(bytes)
        .replace(/<[^>]+>/g, (tag) => ` ${attributes(tag)} `)
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, '\''),
    )
    .join('\n')
}

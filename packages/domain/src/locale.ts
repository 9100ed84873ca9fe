import type { LocalizedText } from './common.js'

export type Locale = 'fr' | 'en'

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en'
}

/** The text in the wanted language, falling back to French, the reference language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? (text.en ?? text.fr) : text.fr
}

const PLACEHOLDER = /\{(\w+)\}/g

/**
 * Fills `{name}` placeholders; a value given in both languages is read in `locale`. Unknown names stay
 * visible so a missing value is noticed.
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number | LocalizedText>>, locale: Locale = 'fr'): string {
  if (!template.includes('{')) return template
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(data, name)) return whole
    const value = data[name]!
    return typeof value === 'object' ? localize(value, locale) : String(value)
  })
}

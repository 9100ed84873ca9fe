import type { LocalizedText } from './common.js'

export type Locale = 'fr' | 'en'

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en'
}

/** The text in the wanted language, falling back to French, the reference language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? (text.en ?? text.fr) : text.fr
}

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function interpolate(template: string, data: Readonly<Record<string, string | number>>): string {
  if (!template.includes('{')) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole))
}

import type { Locale } from '@demarche/domain'
import { colon, formatScore, REPORT_WORDS, type ReportWords, SEVERITY_WORDS, STAGE_WORDS, STATUS_WORDS, summaryLine } from '@demarche/rules/format'
import type { RenderLocale } from './context.js'

type Severity = keyof (typeof SEVERITY_WORDS)['fr']

/**
 * The words renderers print, by locale: one catalogue. A report's words are the rules package's (its text
 * formats print the same ones); the words of rendered pages are here.
 */
export interface RenderWords {
  locale: RenderLocale
  lang: Locale
  /** Before a colon: a no-break space in French (OQLF), none in English. Includes the colon and the space after. */
  colon: string
  /** A score, a weight or points: "78,4" in French. */
  number(value: number): string
  report: ReportWords & {
    severity: Record<Severity, string>
    status: (typeof STATUS_WORDS)['fr']
    stages: (typeof STAGE_WORDS)['fr']
    summary(counts: { errors: number; warnings: number; infos: number }): string
  }
  /** "Page 3 de 12": the words around the numbers, for print CSS and page footers. */
  page: { page: string; of: string }
  pageOf(page: number | string, pages: number | string): string
  skipToContent: string
  /**
   * The toolkit's words of a rendered plan around what the chantier wrote; the words for the facts a profile
   * names in its own words (its group, fiduciary, programme, contacts, rows) are the profile's (`planTerms`).
   */
  plan: {
    organisation: string
    submittedTo: string
    period: string
    depositDate: string
    producedOn: string
    contents: string
    planTable: string
    /** Joins names of which any one will do: "CREVALE ou CSS des Samares". */
    or: string
  }
}

function words(locale: RenderLocale): RenderWords {
  const lang: Locale = locale === 'en-CA' ? 'en' : 'fr'
  const page = lang === 'fr' ? { page: 'Page', of: 'de' } : { page: 'Page', of: 'of' }
  const capitalised = Object.fromEntries(Object.entries(SEVERITY_WORDS[lang]).map(([key, word]) => [key, word.charAt(0).toUpperCase() + word.slice(1)])) as Record<Severity, string>
  return {
    locale,
    lang,
    colon: colon(lang),
    number: (value) => formatScore(value, lang),
    report: {
      ...REPORT_WORDS[lang],
      severity: capitalised,
      status: STATUS_WORDS[lang],
      stages: STAGE_WORDS[lang],
      summary: (counts) => summaryLine(counts, lang),
    },
    page,
    pageOf: (n, pages) => `${page.page} ${n} ${page.of} ${pages}`,
    skipToContent: lang === 'fr' ? 'Aller au contenu' : 'Skip to content',
    plan: lang === 'fr'
      ? {
          organisation: 'Organisme', submittedTo: 'Déposé auprès de', period: 'Période', depositDate: 'Date de dépôt',
          producedOn: 'Document produit le', contents: 'Table des matières', planTable: 'Tableau du plan', or: 'ou',
        }
      : {
          organisation: 'Organisation', submittedTo: 'Submitted to', period: 'Period', depositDate: 'Deposit date',
          producedOn: 'Document produced on', contents: 'Contents', planTable: 'Plan table', or: 'or',
        },
  }
}

const CATALOGUE: Record<RenderLocale, RenderWords> = { 'fr-CA': words('fr-CA'), 'en-CA': words('en-CA') }

export function wordsOf(context: { locale: RenderLocale }): RenderWords {
  return CATALOGUE[context.locale]
}

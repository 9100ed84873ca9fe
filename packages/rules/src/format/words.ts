import type { Locale } from '@demarche/domain'
import type { CriterionStatus } from '../engine/report.js'
import type { FindingSeverity, Stage } from '../engine/severity.js'

/**
 * The words every report format prints, by locale: this file is the one catalogue of a report's words (the
 * render package reads it too). French says "information" (formal, countable); English keeps the level's
 * name, "info", and counts "infos" ("information" is uncountable in English, "informations" is not a word).
 */
export const SEVERITY_WORDS: Record<Locale, Record<FindingSeverity, string>> = {
  fr: { error: 'erreur', warning: 'avertissement', info: 'information' },
  en: { error: 'error', warning: 'warning', info: 'info' },
}

export const STATUS_WORDS: Record<Locale, Record<CriterionStatus, string>> = {
  fr: { complete: 'complet', partial: 'partiel', missing: 'manquant', not_applicable: 'sans objet' },
  en: { complete: 'complete', partial: 'partial', missing: 'missing', not_applicable: 'not applicable' },
}

export const STAGE_WORDS: Record<Locale, Record<Stage, string>> = {
  fr: { draft: 'brouillon', submission: 'dépôt' },
  en: { draft: 'draft', submission: 'submission' },
}

export interface ReportWords {
  title: string
  ruleSet: string
  profile: string
  stage: string
  hash: string
  score: string
  criteriaHeadings: readonly [string, string, string, string, string, string]
  criteriaCaption: string
  criteriaDescription: string
  findings: string
  noFindings: string
  suggestion: string
  produced: string
  /** The technical appendix: what a tool needs (fingerprint, rule ids, JSON Pointers), out of the reading line. */
  appendix: string
  appendixColumns: readonly [place: string, rule: string, pointer: string]
}

export const REPORT_WORDS: Record<Locale, ReportWords> = {
  fr: {
    title: 'Rapport d’évaluation',
    ruleSet: 'Jeu de règles',
    profile: 'Profil',
    stage: 'Étape',
    hash: 'Empreinte',
    score: 'Score de complétude',
    criteriaHeadings: ['Critère', 'Statut', 'Vérifiés', 'Conformes', 'Poids', 'Points'],
    criteriaCaption: 'Critères de la grille d’analyse',
    criteriaDescription: 'Statut, sujets vérifiés et conformes, poids et points de chaque critère.',
    findings: 'Constats',
    noFindings: 'Aucun constat.',
    suggestion: 'Suggestion',
    produced: 'Rapport produit le',
    appendix: 'Annexe technique',
    appendixColumns: ['Endroit', 'Règle', 'Pointeur JSON'],
  },
  en: {
    title: 'Evaluation report',
    ruleSet: 'Rule set',
    profile: 'Profile',
    stage: 'Stage',
    hash: 'Hash',
    score: 'Completeness score',
    criteriaHeadings: ['Criterion', 'Status', 'Checked', 'Passed', 'Weight', 'Points'],
    criteriaCaption: 'Review grid criteria',
    criteriaDescription: 'Status, checked and passed subjects, weight and points of each criterion.',
    findings: 'Findings',
    noFindings: 'No findings.',
    suggestion: 'Suggestion',
    produced: 'Report produced on',
    appendix: 'Technical appendix',
    appendixColumns: ['Place', 'Rule', 'JSON Pointer'],
  },
}

/** "78,4" in French, "78.4" in English. */
export function formatScore(score: number, locale: Locale): string {
  const text = Number.isInteger(score) ? String(score) : score.toFixed(1)
  return locale === 'fr' ? text.replace('.', ',') : text
}

/** French takes the singular for 0 and 1; English only for 1. */
export function plural(count: number, one: string, many: string, locale: Locale = 'fr'): string {
  const singular = locale === 'fr' ? count <= 1 : count === 1
  return `${count} ${singular ? one : many}`
}

export function summaryLine(counts: { errors: number; warnings: number; infos: number }, locale: Locale): string {
  return locale === 'fr'
    ? `${plural(counts.errors, 'erreur', 'erreurs')}, ${plural(counts.warnings, 'avertissement', 'avertissements')}, ${plural(counts.infos, 'information', 'informations')}`
    : `${plural(counts.errors, 'error', 'errors', 'en')}, ${plural(counts.warnings, 'warning', 'warnings', 'en')}, ${plural(counts.infos, 'info', 'infos', 'en')}`
}

/** The separator before a colon: a non-breaking space in French (OQLF), none in English. */
export function colon(locale: Locale): string {
  return locale === 'fr' ? '\u00a0: ' : ': '
}

import type { RuleSetDefinition } from '../engine/ruleset.js'
import { LANAUDIERE_CRITERIA } from './criteria.js'

/** Words of the region the French dictionary lacks: the gentilé of Lanaudière. */
const LANAUDIERE_KNOWN_WORDS = ['lanaudois', 'lanaudoise', 'lanaudoises']

/**
 * What the Table des préfets checks in a 2026-2028 plan. At the draft stage, missing content is a warning
 * and the deposit-related checks are informative (the plan is not deposited yet).
 */
export const lanaudiere2026RuleSet: RuleSetDefinition = {
  id: 'lanaudiere-2026',
  version: 1,
  title: { fr: 'Grille d’analyse des plans de travail 2026-2028', en: '2026-2028 work plan review grid' },
  profiles: ['lanaudiere-2026'],
  criteria: LANAUDIERE_CRITERIA,
  rules: {
    'valid-document': 'error',
    'participants-named': { severity: 'error', draft: 'warning' },
    'fiduciary-among-participants': { severity: 'error', draft: 'warning' },
    'preparation-steps-presented': { severity: 'error', draft: 'warning' },
    'preparation-chronological': 'warning',
    'preparation-ends-with-deposit': { severity: 'error', draft: 'info' },
    'approval-before-deposit': { severity: 'error', draft: 'info', options: { requireBoardResolution: true } },
    'follow-up-explained': { severity: 'error', draft: 'warning' },
    'follow-up-detail': { severity: 'warning', options: { minWords: 25 } },
    'complementarity-described': { severity: 'error', draft: 'warning' },
    'complementarity-local-and-regional': 'warning',
    'transversal-priorities-answered': { severity: 'error', draft: 'warning' },
    'axes-have-objectives': { severity: 'error', draft: 'warning' },
    'objectives-have-means': { severity: 'error', draft: 'warning' },
    'level-numbering': 'info',
    'row-has-responsible': { severity: 'error', draft: 'warning' },
    'row-has-partners': 'warning',
    'names-resolve': 'warning',
    'no-placeholder-names': 'warning',
    'row-has-results': { severity: 'error', draft: 'warning' },
    'results-relate-to-effects': 'info',
    'indicators-optional': 'info',
    'row-has-schedule': { severity: 'error', draft: 'warning' },
    'schedule-blocks-complete': 'warning',
    'schedule-years-readable': 'warning',
    'schedule-within-period': 'warning',
    'step-numbering': 'warning',
    'row-has-budget': { severity: 'error', draft: 'warning' },
    'budget-lines-resolve': { severity: 'error', draft: 'warning' },
    'budget-amount-per-year': 'warning',
    'amounts-have-currency-and-year': 'warning',
    'budget-reconciles': { severity: 'error', draft: 'warning' },
    'cross-references-resolve': 'warning',
    'no-placeholder-text': 'warning',
    'no-repeated-words': 'warning',
    spelling: { severity: 'warning', options: { knownWords: LANAUDIERE_KNOWN_WORDS } },
    'no-mixed-scripts': 'warning',
    'no-stray-markup': 'warning',
    'punctuation-spacing': 'info',
    'no-empty-text': 'warning',
  },
}

import type { RuleSetDefinition } from '../engine/ruleset.js'
import { LANAUDIERE_CRITERIA } from './criteria.js'

/** For plans of a profile with no rule set of its own: structure, cells the profile requires, text hygiene. */
export const genericRuleSet: RuleSetDefinition = {
  id: 'generic',
  version: 1,
  title: { fr: 'Vérifications générales', en: 'General checks' },
  profiles: ['generic', 'crevale-service-offer'],
  criteria: LANAUDIERE_CRITERIA,
  rules: {
    'valid-document': 'error',
    'participants-named': 'warning',
    'axes-have-objectives': 'error',
    'objectives-have-means': 'error',
    'level-numbering': 'info',
    'row-has-responsible': 'warning',
    'row-has-partners': 'warning',
    'names-resolve': 'warning',
    'no-placeholder-names': 'warning',
    'row-has-results': 'warning',
    'row-has-schedule': 'warning',
    'schedule-blocks-complete': 'warning',
    'schedule-years-readable': 'warning',
    'schedule-within-period': 'warning',
    'step-numbering': 'warning',
    'row-has-budget': 'warning',
    'budget-amount-per-year': 'info',
    'amounts-have-currency-and-year': 'warning',
    'budget-reconciles': 'error',
    'cross-references-resolve': 'warning',
    'no-placeholder-text': 'warning',
    'no-repeated-words': 'warning',
    'no-mixed-scripts': 'warning',
    'no-stray-markup': 'warning',
    'punctuation-spacing': 'info',
    'no-empty-text': 'warning',
  },
}

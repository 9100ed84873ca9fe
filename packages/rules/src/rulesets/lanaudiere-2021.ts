import type { RuleSetDefinition } from '../engine/ruleset.js'

/**
 * The 2021 form asked less: no fiduciary flag in the roster (each row had its own fiduciary), no board
 * resolution among the steps, complementarity "dans le milieu" without the local/regional split, no
 * budget column. Everything else is judged as in 2026.
 */
export const lanaudiere2021RuleSet: RuleSetDefinition = {
  id: 'lanaudiere-2021',
  version: 1,
  title: { fr: 'Grille d’analyse des plans de travail 2021', en: '2021 work plan review grid' },
  extends: 'lanaudiere-2026@1',
  profiles: ['lanaudiere-2021'],
  rules: {
    // The 2021 roster had no fiduciary flag (each row named its own): "no participant is the fiduciary" was always true.
    'fiduciary-among-participants': { severity: 'off', draft: 'off' },
    // The 2021 form asked for the steps "menant au dépôt": the deposit itself need not be listed.
    'preparation-ends-with-deposit': { severity: 'off', draft: 'off' },
    'approval-before-deposit': { options: { requireBoardResolution: false } },
    'complementarity-local-and-regional': 'off',
  },
}

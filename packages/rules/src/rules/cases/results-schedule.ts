import type { Cases } from './support.js'
import { edited, onlyAxes, row0, seed2026 } from './support.js'

export const resultsAndScheduleCases: Record<string, Cases> = {
  'row-has-results': {
    valid: [{ name: 'results on every row', plan: seed2026() }],
    invalid: [
      { name: 'a row with no result', plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.results = [])), findings: [{ messageId: 'missing', pointer: row0, expected: `${row0}/results` }] },
    ],
  },
  'results-relate-to-effects': {
    valid: [
      { name: 'axis 1 restates the collaboration effect', plan: edited(seed2026, onlyAxes(0)) },
      // "Augmentation des connaissances…" and "Des pratiques plus harmonieuses…" relate to shared knowledge by its key terms.
      { name: 'axis 2 relates to shared knowledge in other words', plan: edited(seed2026, onlyAxes(1)) },
      { name: '"Une collaboration optimisée…" relates to collaboration practices', plan: edited(seed2026, onlyAxes(3)) },
    ],
    invalid: [
      {
        name: 'results that speak of no effect, in any form',
        plan: edited(seed2026, (plan) => {
          onlyAxes(1)(plan)
          plan.axes[0]!.objectives[0]!.rows[0]!.results = [{ text: 'Un site Web mis à jour chaque mois.' }]
        }),
        findings: [{ messageId: 'no-effect', pointer: `${row0}/results`, severity: 'info', message: { fr: 'Aucun résultat de cette ligne ne se rattache à un effet recherché du cadre régional.' } }],
      },
    ],
  },
  'indicators-optional': {
    valid: [
      { name: 'an indicator on every row', plan: edited(seed2026, (plan) => plan.axes.forEach((axis) => axis.objectives.forEach((o) => o.rows.forEach((row) => (row.indicators = [{ text: 'Nombre de rencontres' }]))))) },
      { name: 'no indicator at submission: an optional column left empty is no finding', plan: seed2026() },
    ],
    invalid: [
      {
        name: 'no indicator in a draft: one note for the plan',
        plan: seed2026(),
        stage: 'draft',
        findings: [{ messageId: 'none-in-draft', pointer: '/axes', severity: 'info', message: { fr: 'Colonne optionnelle : 8 lignes sur 8 sans indice de progression.' } }],
      },
    ],
  },
  'row-has-schedule': {
    valid: [{ name: 'a schedule on every row', plan: seed2026() }],
    invalid: [{ name: 'no schedule', plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.schedule = [])), findings: [{ messageId: 'missing', pointer: row0, expected: `${row0}/schedule` }] }],
  },
  'schedule-blocks-complete': {
    valid: [{ name: 'years and steps everywhere', plan: seed2026() }],
    invalid: [
      {
        name: 'a block without years and another without steps',
        plan: edited(seed2026, (plan) => {
          const row = plan.axes[1]!.objectives[1]!.rows[0]!
          row.schedule![0]!.years = { raw: '' }
          row.schedule![1]!.steps = []
        }),
        findings: [
          { messageId: 'no-years', pointer: '/axes/1/objectives/1/rows/0/schedule/0/years' },
          { messageId: 'no-steps', pointer: '/axes/1/objectives/1/rows/0/schedule/1', expected: '/axes/1/objectives/1/rows/0/schedule/1/steps' },
        ],
      },
    ],
  },
  'schedule-years-readable': {
    valid: [{ name: '"An 6", "An 6 et 7", "An 6-7 et 8"', plan: seed2026() }],
    invalid: [
      {
        name: 'a season and an alternative',
        plan: edited(seed2026, (plan) => {
          plan.axes[1]!.objectives[1]!.rows[0]!.schedule![0]!.years = { raw: 'printemps' }
          plan.axes[1]!.objectives[1]!.rows[0]!.schedule![1]!.years = { raw: 'An 7 ou 8' }
        }),
        findings: [
          { messageId: 'unreadable', pointer: '/axes/1/objectives/1/rows/0/schedule/0/years' },
          { messageId: 'alternative', pointer: '/axes/1/objectives/1/rows/0/schedule/1/years', message: { fr: '« An 7 ou 8 » laisse le choix de l’année : l’échéance n’est pas fixée.' } },
        ],
      },
    ],
  },
  'schedule-within-period': {
    valid: [{ name: 'all within An 6-7', plan: edited(seed2026, (plan) => (plan.axes[3]!.objectives[3]!.rows[0]!.schedule![0]!.years = { raw: 'An 6-7' })) }],
    invalid: [
      {
        name: 'An 8 in a 2026-2028 plan',
        plan: seed2026(),
        findings: [
          {
            messageId: 'outside',
            pointer: '/axes/3/objectives/3/rows/0/schedule/0/years',
            message: { fr: 'An 8 hors de la période du plan (An 6 à An 7).', en: 'Year 8 outside the plan period (Year 6 to Year 7).' },
          },
        ],
      },
    ],
  },
  'step-numbering': {
    valid: [{ name: 'steps 1 to 5 across An 6 and An 7', plan: seed2026() }],
    invalid: [
      {
        name: 'a gap and an unnumbered step',
        plan: edited(seed2026, (plan) => {
          plan.axes[1]!.objectives[1]!.rows[0]!.schedule![1]!.steps[0]!.number = 6
          delete plan.axes[0]!.objectives[0]!.rows[0]!.schedule![0]!.steps[1]!.number
        }),
        findings: [
          { messageId: 'unnumbered', pointer: `${row0}/schedule/0/steps/1` },
          { messageId: 'sequence', pointer: '/axes/1/objectives/1/rows/0/schedule/1/steps/0/number', message: { en: 'Step numbered 6, 5 expected.' } },
        ],
      },
    ],
  },
}

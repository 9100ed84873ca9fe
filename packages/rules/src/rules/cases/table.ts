import type { Cases } from './support.js'
import { edited, onlyAxes, row0, seed2021, seed2026 } from './support.js'

export const tableCases: Record<string, Cases> = {
  'axes-have-objectives': {
    valid: [{ name: 'four titled axes with objectives', plan: seed2026() }],
    invalid: [
      { name: 'no axis', plan: edited(seed2026, (plan) => (plan.axes = [])), findings: [{ messageId: 'no-axis', pointer: '/axes', expected: '/axes', message: { fr: 'Le plan n’a aucun axe.' } }] },
      {
        name: 'an untitled axis and an axis without objectives',
        plan: edited(seed2026, (plan) => {
          plan.axes[1]!.title = ''
          plan.axes[2]!.objectives = []
        }),
        findings: [
          { messageId: 'untitled', pointer: '/axes/1/title' },
          { messageId: 'no-objective', pointer: '/axes/2', expected: '/axes/2/objectives' },
        ],
      },
    ],
  },
  'objectives-have-means': {
    valid: [
      { name: 'every row has means', plan: seed2026() },
      { name: 'the 2021 rows that only carry a schedule continue the means above them (a merged cell)', plan: seed2021() },
    ],
    invalid: [
      {
        name: 'an objective whose first rows name no means',
        plan: edited(seed2021, (plan) => {
          const rows = plan.axes[0]!.objectives[1]!.rows
          for (const row of rows.slice(0, 5)) row.actions = []
          rows.splice(8)
        }),
        findings: [0, 1, 2, 3, 4, 5, 6, 7].map((r) => ({
          messageId: 'no-means',
          pointer: `/axes/0/objectives/1/rows/${r}`,
          expected: `/axes/0/objectives/1/rows/${r}/actions`,
        })),
      },
      {
        name: 'an objective with no row',
        plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows = [])),
        findings: [{ messageId: 'no-row', pointer: '/axes/0/objectives/0', expected: '/axes/0/objectives/0/rows' }],
      },
    ],
  },
  'level-numbering': {
    valid: [{ name: '2021: objectives numbered across the plan', plan: seed2021() }],
    invalid: [
      { name: 'the first 2026 axis has no number', plan: seed2026(), findings: [{ messageId: 'unnumbered', pointer: '/axes/0', expected: '/axes/0/number', severity: 'info' }] },
      {
        name: 'an objective numbered out of sequence',
        plan: edited(seed2026, (plan) => {
          plan.axes[0]!.number = 1
          plan.axes[3]!.objectives[2]!.number = 4
        }),
        findings: [{ messageId: 'out-of-sequence', pointer: '/axes/3/objectives/2/number', severity: 'info', message: { en: 'Number 4 found, 3 expected (Objective).' } }],
      },
    ],
  },
  'row-has-responsible': {
    valid: [{ name: 'CREVALE on every row', plan: seed2026() }],
    invalid: [
      {
        name: 'the first row of a 2021 objective with an empty fiduciary cell (rows below continue it)',
        plan: edited(seed2021, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.responsible = { raw: '' })),
        // Rows 2 and 3 were empty under row 1: with row 1 empty too, nothing is continued.
        findings: [0, 1, 2].map((r) => ({
          messageId: 'missing',
          pointer: `/axes/0/objectives/0/rows/${r}`,
          expected: `/axes/0/objectives/0/rows/${r}/responsible`,
          message: { fr: 'La colonne « Organisme(s) fiduciaire(s) » est vide.' },
        })),
      },
    ],
  },
  'row-has-partners': {
    valid: [{ name: 'partners on every row', plan: seed2026() }],
    invalid: [
      {
        name: 'the first row of an objective with no partner',
        plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.partners = { raw: '' })),
        findings: [{ messageId: 'missing', pointer: row0, expected: `${row0}/partners`, message: { en: 'The "Partner organisation(s)" column is empty.' } }],
      },
    ],
  },
  'names-resolve': {
    valid: [{ name: 'every 2026 name resolves, including run-together cells', plan: seed2026() }],
    invalid: [
      {
        name: 'a partner absent from the roster, and a near miss',
        plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.partners = { raw: 'Membres du Chantier\nFondation Chagnon\nCentraide' })),
        findings: [
          { messageId: 'unknown', pointer: `${row0}/partners`, message: { en: /"Centraide"/ } },
          { messageId: 'unknown', pointer: `${row0}/partners`, message: { fr: '« Fondation Chagnon » ne figure ni parmi les participants ni parmi les groupes partenaires déclarés.' } },
        ],
      },
      {
        name: 'only the unknown words of a run-together cell are reported',
        plan: edited(seed2021, onlyAxes(0)),
        findings: [
          { messageId: 'unknown', pointer: '/axes/0/objectives/0/rows/1/partners', message: { fr: /« Centres de services scolaires CSSWL Cégep »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/0/rows/1/partners', message: { fr: /« autres universités/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/1/rows/0/partners', message: { fr: /« CJE du nord de Lanaudière »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/1/rows/0/partners', message: { fr: /« CSSS CMS »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/1/rows/1/partners', message: { fr: /« Cégep CERESO »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/2/rows/0/responsible', message: { fr: /« Éducation Lanaudière »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/2/rows/1/responsible', message: { fr: /« Éducation Lanaudière »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/2/rows/1/partners', message: { fr: /« CJE Groupes en alphabétisation »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/2/rows/1/partners', message: { fr: /« CRÉDIL »/ } },
          { messageId: 'unknown', pointer: '/axes/0/objectives/2/rows/1/partners', message: { fr: /« SAFIMA »/ } },
        ],
      },
    ],
  },
  'no-placeholder-names': {
    valid: [{ name: 'named organisations only', plan: seed2026() }],
    invalid: [
      {
        name: 'an alternative with AUTRE and an open list',
        plan: edited(seed2026, (plan) => {
          const row = plan.axes[0]!.objectives[0]!.rows[0]!
          row.responsible = { raw: 'CREVALE ou AUTRE' }
          row.partners = { raw: 'Membres du Chantier, etc.' }
        }),
        findings: [
          { messageId: 'placeholder', pointer: `${row0}/responsible`, message: { fr: '« AUTRE » tient la place d’un organisme à nommer (Organisme(s) responsable(s) et fiduciaire(s)).' } },
          { messageId: 'open-list', pointer: `${row0}/partners` },
        ],
      },
    ],
  },
}

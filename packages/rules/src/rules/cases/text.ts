import type { Cases } from './support.js'
import { edited, row0, seed2021, seed2026 } from './support.js'

export const textCases: Record<string, Cases> = {
  'cross-references-resolve': {
    valid: [
      { name: '"(P2, action 1)" and "(P4, action 4)" resolve', plan: edited(seed2026, (plan) => (plan.axes[1]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Voir l’onglet P1, action 1.')) },
      { name: '"P1, action 2" is the second means of axis 1’s single row', plan: edited(seed2026, (plan) => (plan.axes[1]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Voir l’onglet P1, action 2.')) },
    ],
    invalid: [
      {
        name: '"onglet P1, action 3": axis 1 has one row and two means (A and B)',
        plan: seed2026(),
        findings: [
          {
            messageId: 'no-action',
            pointer: '/axes/1/objectives/0/rows/0/actions/0/text',
            message: { fr: 'Le renvoi « l\'onglet P1, action 3 » désigne l’action 3 de l’axe 1, qui ne compte que 1 ligne et 2 moyens.', en: 'Reference "l\'onglet P1, action 3" points to action 3 of axis 1, which has only 1 row and 2 means.' },
          },
        ],
      },
      {
        name: 'an axis that does not exist',
        plan: edited(seed2026, (plan) => (plan.complementarity.points[1]!.text = 'Voir P9, action 1.')),
        findings: [
          { messageId: 'no-axis', pointer: '/complementarity/points/1/text' },
          { messageId: 'no-action', pointer: '/axes/1/objectives/0/rows/0/actions/0/text' },
        ],
      },
    ],
  },
  'no-placeholder-text': {
    valid: [{ name: 'no provisional text in 2026', plan: seed2026() }],
    invalid: [
      {
        name: '"À déterminer selon la recherche" in 2021',
        plan: seed2021(),
        findings: [5, 7].map((r) => ({ messageId: 'placeholder', pointer: `/axes/0/objectives/1/rows/${r}/schedule/0/steps/0/text` })),
      },
    ],
  },
  'no-repeated-words': {
    valid: [
      {
        name: '"le local, local vers le régional" is a figure of speech, not a slip',
        plan: edited(seed2026, (plan) => (plan.axes[3]!.objectives[1]!.rows[0]!.results![1]!.text = 'Des pratiques de collaboration développées (efficience, efficacité et portée des actions améliorées)')),
      },
    ],
    invalid: [
      {
        name: '"efficacité, efficacité et portée" and "le le"',
        plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Assurer le le partage.')),
        findings: [
          { messageId: 'repeated', pointer: `${row0}/actions/0/text`, message: { fr: 'Mot répété : « le le ».' } },
          { messageId: 'repeated', pointer: '/axes/3/objectives/1/rows/0/results/1/text', message: { fr: 'Mot répété : « efficacité, efficacité ».' } },
        ],
      },
    ],
  },
  'no-mixed-scripts': {
    valid: [{ name: 'Latin letters only', plan: edited(seed2026, (plan) => (plan.participants.entries[29]!.contacts = { raw: 'Maude Pelletier / Anne-Marie Hétu' })) }],
    invalid: [
      {
        name: 'Cyrillic letters in "Héту"',
        plan: seed2026(),
        findings: [
          {
            messageId: 'mixed',
            pointer: '/participants/entries/29/contacts/raw',
            message: { en: 'The word "Hé\u0442\u0443" mixes alphabets: "\u0442" (U+0442, Cyrillic), "\u0443" (U+0443, Cyrillic).' },
          },
        ],
      },
    ],
  },
  'no-stray-markup': {
    valid: [{ name: 'balanced emphasis only', plan: seed2026() }],
    invalid: [
      {
        name: 'an HTML tag, an escape and an unclosed bold',
        plan: edited(seed2026, (plan) => {
          const row = plan.axes[0]!.objectives[0]!.rows[0]!
          row.actions[0]!.text = '<p>Assurer le partage</p>'
          row.results![0]!.text = 'Total 5 000\\$'
          row.actions[1]!.text = '**Favoriser les arrimages'
        }),
        findings: [
          { messageId: 'markup', pointer: `${row0}/actions/0/text`, message: { fr: /« <p> »/ } },
          { messageId: 'unbalanced', pointer: `${row0}/actions/1/text` },
          { messageId: 'markup', pointer: `${row0}/results/0/text` },
        ],
      },
    ],
  },
  'punctuation-spacing': {
    valid: [
      {
        name: 'no space before commas',
        plan: edited(seed2026, (plan) => {
          plan.axes[2]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Poursuivre les travaux du comité Parcours atypiques, en collaboration avec les partenaires du milieu.'
          plan.axes[3]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Poursuivre les travaux de définition de la gouvernance, veiller à sa compréhension commune et à son application.'
        }),
      },
    ],
    invalid: [
      {
        name: '"atypiques ," and "gouvernance ,"',
        plan: seed2026(),
        findings: [
          { messageId: 'space-before', pointer: '/axes/2/objectives/0/rows/0/actions/0/text', severity: 'info', message: { fr: 'Espace avant « , » après « atypiques ».' } },
          { messageId: 'space-before', pointer: '/axes/3/objectives/0/rows/0/actions/0/text', severity: 'info' },
        ],
      },
    ],
  },
  'no-empty-text': {
    valid: [{ name: 'every text says something', plan: seed2026() }],
    invalid: [
      { name: 'an empty result', plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.results![0]!.text = '')), findings: [{ messageId: 'empty', pointer: `${row0}/results/0/text` }] },
    ],
  },
  'valid-document': {
    valid: [{ name: 'a valid plan examines the document once and passes', plan: seed2026() }],
    // Invalid documents never reach the rules: see engine.test.ts.
    invalid: [],
  },
}

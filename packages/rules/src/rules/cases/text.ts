import { loadFrenchSpelling } from '../../spelling.js'
import type { Cases } from './support.js'
import { edited, onlyAxes, row0, seed2021, seed2026, serviceOffer } from './support.js'

// The real dictionary (Hunspell with dictionary-fr): loaded once for every case.
const spellChecker = await loadFrenchSpelling()

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
        plan: edited(seed2026, (plan) => (plan.complementarity!.points[1]!.text = 'Voir P9, action 1.')),
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
  spelling: {
    valid: [
      { name: 'no checker given: the rule is inactive', plan: seed2021() },
      { name: 'proper nouns, acronyms, addresses, "oeuvre", "postsecondaires" and compounds of the service offer', plan: serviceOffer(), spellChecker },
      {
        name: 'plural determiners before plural nouns, and "les" as a pronoun',
        plan: edited(seed2026, (plan) => {
          onlyAxes(0)(plan)
          const actions = plan.axes[0]!.objectives[0]!.rows[0]!.actions
          actions[0]!.text = 'Favoriser leur appropriation des outils; nous les partageons avec les membres.'
          actions[1]!.text = 'Favoriser l’arrimage avec les concertations locales et régionales.'
        }),
        spellChecker,
      },
    ],
    invalid: [
      {
        name: '"lanadoise" and "Lanaudaise" in 2021, each near a word the plan knows',
        plan: seed2021(),
        spellChecker,
        findings: [
          { messageId: 'unknown', pointer: '/regionalPriority', message: { fr: 'Mot inconnu du dictionnaire : « lanadoise ».', en: 'Word not in the dictionary: "lanadoise".' } },
          { messageId: 'unknown', pointer: '/axes/0/title', message: { fr: 'Mot inconnu du dictionnaire : « Lanaudaise ».' } },
        ],
      },
      {
        name: '"l\'arrimages" and "leurs appropriation" in 2026',
        plan: seed2026(),
        spellChecker,
        findings: [
          { messageId: 'singular-article', pointer: '/axes/0/objectives/0/rows/0/actions/1/text', message: { fr: 'Accord : « l\'arrimages » — l’article « l’ » appelle un nom au singulier.' } },
          { messageId: 'plural-determiner', pointer: '/axes/1/objectives/0/rows/0/actions/0/text', message: { en: 'Agreement: "leurs appropriation" — the plural determiner "leurs" calls for a plural noun.' } },
        ],
      },
      {
        name: 'a lower-case word far from any word of the plan gets the dictionary’s suggestion',
        plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.actions[0]!.text = 'Assurer la circulaton de l’information.')),
        spellChecker,
        findings: [
          { messageId: 'unknown', pointer: `${row0}/actions/0/text`, message: { fr: 'Mot inconnu du dictionnaire : « circulaton ».' } },
          { messageId: 'singular-article', pointer: '/axes/0/objectives/0/rows/0/actions/1/text' },
          { messageId: 'plural-determiner', pointer: '/axes/1/objectives/0/rows/0/actions/0/text' },
        ],
      },
    ],
  },
  'no-mixed-scripts': {
    valid: [{ name: 'Latin letters only', plan: edited(seed2026, (plan) => (plan.participants!.entries[29]!.contacts = { raw: 'Maude Pelletier / Anne-Marie Hétu' })) }],
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

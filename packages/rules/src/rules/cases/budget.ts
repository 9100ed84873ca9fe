import type { FinancialPlan } from '@demarche/domain'
import type { Cases } from './support.js'
import { edited, onlyAxes, row0, seed2021, seed2026 } from './support.js'

const year = (fiscalYear: string, cents: number) => ({ fiscalYear, cents })

/** A montage that matches the seed's table: line 12 carries 5 000 + 17 500 + 10 500 $ in 2026-2027. */
function montage(line12In2026: number): FinancialPlan {
  return {
    fiscalYears: ['2026-2027', '2027-2028'],
    lines: [
      { line: 12, label: "Déploiement d'actions", amounts: [year('2026-2027', line12In2026), year('2027-2028', 3_000_000)] },
      { line: 13, label: 'Honoraires professionnels', amounts: [year('2026-2027', 1_000_000), year('2027-2028', 1_000_000)] },
    ],
    sources: [{ name: 'Alliance pour la solidarité (FQIS)', amounts: [year('2026-2027', 3_800_000), year('2027-2028', 3_500_000)] }],
    inKind: [{ organisation: 'CREVALE', description: 'Locaux', amounts: [year('2026-2027', 500_000), year('2027-2028', 500_000)] }],
  }
}

export const budgetCases: Record<string, Cases> = {
  'row-has-budget': {
    valid: [
      { name: 'a budget cell on every row', plan: seed2026() },
      { name: 'the 2021 form has no budget column', plan: seed2021() },
    ],
    invalid: [{ name: 'an empty budget cell', plan: edited(seed2026, (plan) => (plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: ' ' })), findings: [{ messageId: 'missing', pointer: row0, expected: `${row0}/budget` }] }],
  },
  'budget-lines-resolve': {
    valid: [{ name: 'lines 12 and 13 as the montage names them', plan: seed2026() }],
    invalid: [
      {
        name: 'an unknown line and a renamed one',
        plan: edited(seed2026, (plan) => {
          plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: 'Voir onglet Budget ligne 14 - frais de déplacement' }
          plan.axes[1]!.objectives[1]!.rows[0]!.budget = { raw: 'Voir onglet Budget ligne 12 - frais de déplacement' }
        }),
        findings: [
          { messageId: 'unknown-line', pointer: `${row0}/budget`, message: { fr: 'La ligne 14 n’existe pas dans le montage financier.' } },
          { messageId: 'label-mismatch', pointer: '/axes/1/objectives/1/rows/0/budget' },
        ],
      },
    ],
  },
  'budget-amount-per-year': {
    valid: [
      {
        name: 'both years given',
        plan: edited(seed2026, (plan) => {
          onlyAxes(0)(plan)
          plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: "Voir onglet Budget ligne 12 - déploiement d'actions\nTotal 26-27 5 000$\nTotal 27-28 5 000$" }
        }),
      },
      { name: 'the montage referred to has 2027-2028 on lines 12 and 13', plan: edited(seed2026, (plan) => (plan.financialPlan = montage(3_300_000))) },
    ],
    invalid: [
      {
        name: 'only 2026-2027 and no reference to the montage',
        plan: edited(seed2026, (plan) => {
          onlyAxes(0)(plan)
          plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: 'Total 26-27 5 000$' }
        }),
        findings: [{ messageId: 'missing-year', pointer: `${row0}/budget`, message: { fr: 'Aucun montant pour 2027-2028 : la cellule ne donne que 2026-2027.' } }],
      },
      {
        name: 'references to a montage not attached: one note for the plan',
        plan: seed2026(),
        findings: [
          {
            messageId: 'montage-not-attached',
            pointer: '/axes',
            message: { fr: '6 cellules Budget renvoient au montage financier pour 2026-2027 et 2027-2028; le montage n’est pas joint au plan : ces montants se vérifient avec lui.' },
          },
        ],
      },
      {
        name: 'the montage has no 2027-2028 on line 13',
        plan: edited(seed2026, (plan) => {
          onlyAxes(3)(plan)
          const attached = montage(3_300_000)
          attached.lines[1]!.amounts = attached.lines[1]!.amounts.filter((amount) => amount.fiscalYear !== '2027-2028')
          plan.financialPlan = attached
        }),
        findings: [
          { messageId: 'missing-in-montage', pointer: `${row0}/budget`, message: { fr: 'Aucun montant pour 2027-2028 : la cellule renvoie à la ligne 13 du montage financier, qui n’en prévoit pas.' } },
          { messageId: 'missing-in-montage', pointer: '/axes/0/objectives/3/rows/0/budget' },
        ],
      },
    ],
  },
  'amounts-have-currency-and-year': {
    valid: [{ name: '"Total 26-27 5 000$"', plan: edited(seed2026, onlyAxes(0)) }],
    invalid: [
      {
        name: '"135 493" (and "0 $", which needs no year)',
        plan: edited(seed2026, onlyAxes(3)),
        findings: [
          { messageId: 'no-currency', pointer: '/axes/0/objectives/2/rows/0/budget' },
          { messageId: 'no-year', pointer: '/axes/0/objectives/2/rows/0/budget' },
        ],
      },
      {
        name: 'a cell that reads as nothing',
        plan: edited(seed2026, (plan) => {
          onlyAxes(0)(plan)
          plan.axes[0]!.objectives[0]!.rows[0]!.budget = { raw: 'à venir' }
        }),
        findings: [{ messageId: 'unreadable', pointer: `${row0}/budget` }],
      },
    ],
  },
  'budget-reconciles': {
    valid: [
      { name: 'no montage given: nothing to reconcile', plan: seed2026() },
      { name: 'a balanced montage matching the table', plan: edited(seed2026, (plan) => (plan.financialPlan = montage(3_300_000))) },
    ],
    invalid: [
      {
        name: 'line 12 differs from the table and the montage is not balanced',
        plan: edited(seed2026, (plan) => (plan.financialPlan = montage(3_000_000))),
        findings: [
          { messageId: 'unbalanced', pointer: '/financialPlan', message: { fr: 'En 2026-2027, les ressources (43\u00a0000\u00a0$) ne couvrent pas exactement les dépenses (40\u00a0000\u00a0$).' } },
          { messageId: 'line-mismatch', pointer: '/financialPlan/lines/0', message: { en: 'Line 12, 2026-2027: the plan table adds up to $33,000, the financial plan has $30,000.' } },
        ],
      },
    ],
  },
}

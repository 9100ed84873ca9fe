import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'budget-in-montage-only',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Signale pour information les cellules Budget qui renvoient au montage financier sans montant : l’exigence d’un montant par année ne se vérifie alors qu’avec le montage.',
      en: 'Points out, for information, Budget cells that refer to the financial plan with no amount: the amount-per-year requirement can then only be checked against the financial plan.',
    },
    serves: { fr: 'Cohérence : un montant pour chaque année du plan.', en: 'Coherence: an amount for every plan year.' },
    messages: {
      'montage-only': {
        fr: 'La cellule renvoie au montage financier sans montant : le montant par année ne se vérifie qu’avec le montage.',
        en: 'The cell refers to the financial plan with no amount: the amount per year can only be checked against it.',
      },
    },
    defaultSeverity: 'info',
  },
  create({ profile, examine, report }) {
    if (profile.columns.budget.presence === 'absent') return {}
    return {
      row({ row, pointer }) {
        const parts = row.budget?.value?.parts
        if (!parts?.some((part) => part.kind === 'line-ref')) return
        const at = `${pointer}/budget`
        examine(at)
        if (!parts.some((part) => part.kind === 'amount')) report('montage-only', { pointer: at })
      },
    }
  },
})

import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'amounts-have-currency-and-year',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Chaque montant écrit dans une cellule Budget porte sa devise ($) et, sauf s’il est nul, l’année financière à laquelle il s’applique.',
      en: 'Each amount written in a Budget cell carries its currency ($) and, unless it is zero, the fiscal year it applies to.',
    },
    serves: { fr: 'Cohérence : les montants portent une devise et une année.', en: 'Coherence: amounts carry a currency and a year.' },
    messages: {
      'no-currency': { fr: 'Le montant « {raw} » n’indique pas de devise.', en: 'Amount "{raw}" has no currency.' },
      'no-year': { fr: 'Le montant « {raw} » ne dit pas à quelle année financière il s’applique.', en: 'Amount "{raw}" does not say which fiscal year it applies to.' },
      unreadable: { fr: 'La cellule Budget « {raw} » ne se lit ni comme un montant ni comme un renvoi au montage.', en: 'Budget cell "{raw}" reads neither as an amount nor as a reference to the financial plan.' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      row({ row, pointer }) {
        const budget = row.budget
        if (!budget || budget.raw.trim() === '') return
        const at = `${pointer}/budget`
        if (budget.unparsed) {
          examine(at)
          report('unreadable', { pointer: at, data: { raw: budget.raw } })
          return
        }
        for (const [index, part] of (budget.value?.parts ?? []).entries()) {
          if (part.kind !== 'amount') continue
          const subject = `${at}#${index}`
          examine(subject)
          if (!part.amount.hasCurrency) report('no-currency', { pointer: at, subject, data: { raw: part.raw } })
          // Zero is zero in any year: "0 $" needs no fiscal year.
          if (!part.amount.fiscalYear && part.amount.total !== 0) report('no-year', { pointer: at, subject, data: { raw: part.raw } })
        }
      },
    }
  },
})

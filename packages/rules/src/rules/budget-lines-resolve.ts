import { foldText, localize } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'budget-lines-resolve',
  meta: {
    criterion: 'budget',
    docs: {
      fr: 'Chaque renvoi à une ligne du montage financier (« onglet Budget ligne 12 ») désigne une ligne qui existe, sous le nom qu’elle porte.',
      en: 'Each reference to a line of the financial plan ("onglet Budget ligne 12") points to a line that exists, under its own name.',
    },
    serves: { fr: 'Cohérence : les renvois budgétaires se rattachent au montage financier.', en: 'Coherence: budget references resolve to the financial plan.' },
    messages: {
      'unknown-line': { fr: 'La ligne {line} n’existe pas dans le montage financier.', en: 'Line {line} does not exist in the financial plan.' },
      'label-mismatch': {
        fr: 'La ligne {line} est appelée « {written} » ici, mais « {expected} » dans le montage.',
        en: 'Line {line} is called "{written}" here but "{expected}" in the financial plan.',
      },
    },
    defaultSeverity: 'error',
  },
  create({ plan, profile, examine, report }) {
    const lines = new Map<number, string>()
    for (const line of profile.budgetLines) lines.set(line.line, localize(line.label, 'fr'))
    for (const line of plan.financialPlan?.lines ?? []) lines.set(line.line, line.label)
    if (lines.size === 0) return {}
    return {
      row({ row, pointer }) {
        for (const part of row.budget?.value?.parts ?? []) {
          if (part.kind !== 'line-ref') continue
          const at = `${pointer}/budget`
          examine(`${at}#${part.line}`)
          const expected = lines.get(part.line)
          if (expected === undefined) report('unknown-line', { pointer: at, subject: `${at}#${part.line}`, data: { line: part.line } })
          else if (part.label && foldText(part.label) !== foldText(expected))
            report('label-mismatch', { pointer: at, subject: `${at}#${part.line}`, data: { line: part.line, written: part.label, expected } })
        }
      },
    }
  },
})

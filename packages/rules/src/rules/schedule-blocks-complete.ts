import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'schedule-blocks-complete',
  meta: {
    criterion: 'schedule',
    docs: { fr: 'Chaque bloc d’échéancier donne ses années et au moins une étape.', en: 'Each schedule block gives its years and at least one step.' },
    serves: { fr: 'Tableau du plan : « Échéancier — Date / Étapes ».', en: 'Plan table: "Schedule — Date / Steps".' },
    messages: {
      'no-years': { fr: 'Ce bloc d’échéancier ne dit pas en quelle année.', en: 'This schedule block does not say in which year.' },
      'no-steps': { fr: 'Le bloc « {years} » n’a aucune étape.', en: 'Block "{years}" has no step.' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      row({ row, pointer }) {
        for (const [b, block] of (row.schedule ?? []).entries()) {
          const blockPointer = `${pointer}/schedule/${b}`
          examine(blockPointer)
          if (block.years.raw.trim() === '') report('no-years', { pointer: `${blockPointer}/years`, subject: blockPointer })
          if (block.steps.every((step) => step.text.trim() === ''))
            report('no-steps', { pointer: blockPointer, expected: `${blockPointer}/steps`, data: { years: block.years.raw } })
        }
      },
    }
  },
})

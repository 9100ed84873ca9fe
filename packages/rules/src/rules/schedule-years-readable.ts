import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'schedule-years-readable',
  meta: {
    criterion: 'schedule',
    docs: {
      fr: 'Les années d’échéancier se lisent (« An 6 », « An 6-7 et 8 ») et ne laissent pas le choix entre deux années (« 1 ou 2 »).',
      en: 'Schedule years can be read ("An 6", "An 6-7 et 8") and do not leave a choice between two years ("1 ou 2").',
    },
    serves: { fr: 'Tableau du plan : « Échéancier — Date ».', en: 'Plan table: "Schedule — Date".' },
    messages: {
      unreadable: { fr: '« {raw} » ne se lit pas comme une ou des années du plan.', en: '"{raw}" cannot be read as plan years.' },
      alternative: { fr: '« {raw} » laisse le choix de l’année : l’échéance n’est pas fixée.', en: '"{raw}" leaves the year open: the deadline is not set.' },
    },
    defaultSeverity: 'warning',
  },
  create({ examine, report }) {
    return {
      row({ row, pointer }) {
        for (const [b, block] of (row.schedule ?? []).entries()) {
          if (block.years.raw.trim() === '') continue
          const years = `${pointer}/schedule/${b}/years`
          examine(years)
          if (block.years.unparsed) report('unreadable', { pointer: years, data: { raw: block.years.raw } })
          else if (block.years.value?.mode === 'any') report('alternative', { pointer: years, data: { raw: block.years.raw } })
        }
      },
    }
  },
})

import { defineRule } from '../engine/rule.js'

const REFERENCE = /\b(?:(?:l['’])?onglet\s+)?P(\d{1,2})\s*,\s*action\s+(\d{1,3})\b/gi

export default defineRule({
  id: 'cross-references-resolve',
  meta: {
    criterion: 'cross-references',
    docs: {
      fr: 'Les renvois explicites à un autre onglet du plan (« onglet P2, action 1 ») désignent une action qui existe : Pn est l’axe n, « action k » la k-ième ligne de son tableau.',
      en: 'Explicit references to another sheet of the plan ("onglet P2, action 1") point to an action that exists: Pn is axis n, "action k" the k-th row of its table.',
    },
    serves: { fr: 'Cohérence : les renvois explicites se résolvent.', en: 'Coherence: explicit cross-references resolve.' },
    messages: {
      'no-axis': { fr: 'Le renvoi « {ref} » désigne l’axe {axis}, qui n’existe pas.', en: 'Reference "{ref}" points to axis {axis}, which does not exist.' },
      'no-action': {
        fr: 'Le renvoi « {ref} » désigne l’action {action} de l’axe {axis}, qui n’en compte que {count}.',
        en: 'Reference "{ref}" points to action {action} of axis {axis}, which has only {count}.',
      },
    },
    defaultSeverity: 'warning',
  },
  check({ texts, plan, examine, report }) {
    for (const { pointer, text } of texts) {
      if (!text.includes('ction')) continue
      for (const match of text.matchAll(REFERENCE)) {
        const axisNumber = Number(match[1])
        const actionNumber = Number(match[2])
        const subject = `${pointer}#${match.index}`
        examine(subject)
        const axis = plan.axes.find((candidate, index) => (candidate.number ?? index + 1) === axisNumber)
        if (!axis) {
          report('no-axis', { pointer, subject, data: { ref: match[0], axis: axisNumber } })
          continue
        }
        const count = axis.objectives.reduce((total, objective) => total + objective.rows.length, 0)
        if (actionNumber < 1 || actionNumber > count)
          report('no-action', { pointer, subject, data: { ref: match[0], axis: axisNumber, action: actionNumber, count } })
      }
    }
  },
})

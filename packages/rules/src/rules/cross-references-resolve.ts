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
  create({ plan, examine, report }) {
    // Rows per axis number (the first axis bearing it), made at the first reference: a lookup per reference stays constant-time.
    let rowsPerAxis: Map<number, number> | undefined
    const actionCount = (axisNumber: number) => {
      if (!rowsPerAxis) {
        rowsPerAxis = new Map()
        for (const [index, axis] of plan.axes.entries()) {
          const number = axis.number ?? index + 1
          if (!rowsPerAxis.has(number)) rowsPerAxis.set(number, axis.objectives.reduce((total, objective) => total + objective.rows.length, 0))
        }
      }
      return rowsPerAxis.get(axisNumber)
    }
    return {
      text({ pointer, text }) {
        if (!text.includes('ction')) return
        for (const match of text.matchAll(REFERENCE)) {
          const axisNumber = Number(match[1])
          const actionNumber = Number(match[2])
          const subject = `${pointer}#${match.index}`
          examine(subject)
          const count = actionCount(axisNumber)
          if (count === undefined) {
            report('no-axis', { pointer, subject, data: { ref: match[0], axis: axisNumber } })
            continue
          }
          if (actionNumber < 1 || actionNumber > count)
            report('no-action', { pointer, subject, data: { ref: match[0], axis: axisNumber, action: actionNumber, count } })
        }
      },
    }
  },
})

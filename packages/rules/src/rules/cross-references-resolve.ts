import { levelWords } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

const REFERENCE = /\b(?:(?:l['’])?onglet\s+)?P(\d{1,2})\s*,\s*action\s+(\d{1,3})\b/gi

export default defineRule({
  id: 'cross-references-resolve',
  meta: {
    criterion: 'cross-references',
    docs: {
      fr: 'Les renvois explicites à un autre onglet du plan (« onglet P2, action 1 ») désignent une action qui existe : Pn est l’axe n, « action k » la k-ième ligne de son tableau ou son k-ième moyen (une ligne peut en compter plusieurs, A et B); le message dit ce qui a été compté.',
      en: 'Explicit references to another sheet of the plan ("onglet P2, action 1") point to an action that exists: Pn is axis n, "action k" the k-th row of its table or its k-th means (a row may hold several, A and B); the message says what was counted.',
    },
    serves: { fr: 'Cohérence : les renvois explicites se résolvent.', en: 'Coherence: explicit cross-references resolve.' },
    messages: {
      'no-axis': { fr: 'Le renvoi « {ref} » désigne {theAxis} {axis}, qui n’existe pas.', en: 'Reference "{ref}" points to {theAxis} {axis}, which does not exist.' },
      'no-action': {
        fr: 'Le renvoi « {ref} » désigne {theAction} {action} {ofAxis} {axis}, qui ne compte que {rows} et {means}.',
        en: 'Reference "{ref}" points to {theAction} {action} {ofAxis} {axis}, which has only {rows} and {means}.',
      },
    },
    defaultSeverity: 'warning',
  },
  create({ plan, profile, examine, report }) {
    const axisWords = levelWords(profile.levels.axis)
    const actionWords = levelWords(profile.levels.action)
    // Before a number English names the level bare ("action 3 of axis 1"), French with its article ("l’action 3 de l’axe 1").
    const words = {
      theAxis: { fr: axisWords.the.fr, en: axisWords.name.en },
      ofAxis: { fr: axisWords.of.fr, en: `of ${axisWords.name.en}` },
      theAction: { fr: actionWords.the.fr, en: actionWords.name.en },
    }
    // Rows and means per axis number (the first axis bearing it), made at the first reference: a lookup per reference stays constant-time.
    let countsPerAxis: Map<number, { rows: number; means: number }> | undefined
    const actionCount = (axisNumber: number) => {
      if (!countsPerAxis) {
        countsPerAxis = new Map()
        for (const [index, axis] of plan.axes.entries()) {
          const number = axis.number ?? index + 1
          if (countsPerAxis.has(number)) continue
          const rows = axis.objectives.flatMap((objective) => objective.rows)
          countsPerAxis.set(number, { rows: rows.length, means: rows.reduce((total, row) => total + row.actions.length, 0) })
        }
      }
      return countsPerAxis.get(axisNumber)
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
            report('no-axis', { pointer, subject, data: { ...words, ref: match[0], axis: axisNumber } })
            continue
          }
          if (actionNumber < 1 || actionNumber > Math.max(count.rows, count.means))
            report('no-action', { pointer, subject, data: { ...words, ref: match[0], axis: axisNumber, action: actionNumber, rows: counted(count.rows, 'ligne', 'row'), means: counted(count.means, 'moyen', 'means') } })
        }
      },
    }
  },
})

function counted(count: number, fr: string, en: string) {
  return { fr: `${count} ${fr}${count > 1 ? 's' : ''}`, en: `${count} ${en}${count > 1 && en !== 'means' ? 's' : ''}` }
}

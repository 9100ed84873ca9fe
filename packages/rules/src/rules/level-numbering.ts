import { levelWords, localize, type Numbering } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'level-numbering',
  meta: {
    criterion: 'plan-table',
    docs: {
      fr: 'Axes et objectifs portent les numéros attendus par le profil (par parent ou sur tout le plan), sans trou ni doublon.',
      en: 'Axes and objectives carry the numbers the profile expects (per parent or across the plan), with no gap or repeat.',
    },
    serves: { fr: 'Cohérence : numérotation du tableau.', en: 'Coherence: numbering of the table.' },
    messages: {
      unnumbered: { fr: '{this} n’a pas de numéro; on attend {expected}.', en: '{this} has no number; {expected} is expected.' },
      'out-of-sequence': { fr: 'Numéro {found} trouvé, {expected} attendu ({level}).', en: 'Number {found} found, {expected} expected ({level}).' },
    },
    defaultSeverity: 'info',
  },
  check({ plan, profile, examine, report }) {
    const check = (numbering: Numbering, levelKey: 'axis' | 'objective', pointer: string, found: number | undefined, expected: number) => {
      if (numbering === 'none') return
      const level = { fr: localize(profile.levels[levelKey].label, 'fr'), en: localize(profile.levels[levelKey].label, 'en') }
      examine(pointer)
      if (found === undefined) report('unnumbered', { pointer, expected: `${pointer}/number`, data: { this: levelWords(profile.levels[levelKey]).this, expected } })
      else if (found !== expected) report('out-of-sequence', { pointer: `${pointer}/number`, subject: pointer, data: { level, found, expected } })
    }
    let planWide = 0
    for (const [o, objective] of (plan.objectives ?? []).entries()) check(profile.levels.objective.numbering, 'objective', `/objectives/${o}`, objective.number, o + 1)
    for (const [a, axis] of plan.axes.entries()) {
      check(profile.levels.axis.numbering, 'axis', `/axes/${a}`, axis.number, a + 1)
      for (const [o, objective] of axis.objectives.entries()) {
        planWide++
        const numbering = profile.levels.objective.numbering
        check(numbering, 'objective', `/axes/${a}/objectives/${o}`, objective.number, numbering === 'plan-wide' ? planWide : o + 1)
      }
    }
  },
})

import { localize } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'axes-have-objectives',
  meta: {
    criterion: 'plan-table',
    docs: { fr: 'Le plan a au moins un axe; chaque axe a un titre et au moins un objectif.', en: 'The plan has at least one axis; each axis has a title and at least one objective.' },
    serves: { fr: 'Tableau du plan : axes d’intervention et objectifs.', en: 'Plan table: intervention axes and objectives.' },
    messages: {
      'no-axis': { fr: 'Le plan n’a aucun {level}.', en: 'The plan has no {level}.' },
      untitled: { fr: 'Cet élément n’a pas de titre.', en: 'This item has no title.' },
      'no-objective': { fr: 'Cet élément n’a aucun {level}.', en: 'This item has no {level}.' },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    const axisLevel = { fr: localize(profile.levels.axis.label, 'fr').toLowerCase(), en: localize(profile.levels.axis.label, 'en').toLowerCase() }
    const objectiveLevel = { fr: localize(profile.levels.objective.label, 'fr').toLowerCase(), en: localize(profile.levels.objective.label, 'en').toLowerCase() }
    examine('/axes')
    if (plan.axes.length === 0) report('no-axis', { pointer: '/axes', expected: '/axes', data: { level: axisLevel } })
    for (const [a, axis] of plan.axes.entries()) {
      const pointer = `/axes/${a}`
      examine(pointer)
      if (axis.title.trim() === '') report('untitled', { pointer: `${pointer}/title`, subject: pointer })
      if (profile.levels.objective.presence !== 'absent' && axis.objectives.length === 0)
        report('no-objective', { pointer, expected: `${pointer}/objectives`, data: { level: objectiveLevel } })
    }
  },
})

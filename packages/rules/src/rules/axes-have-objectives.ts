import { levelWords } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'axes-have-objectives',
  meta: {
    criterion: 'plan-table',
    docs: {
      fr: 'Le plan a au moins un axe (ou, sans niveau d’axe, au moins un objectif); chaque axe a un titre et au moins un objectif. Les niveaux sont nommés dans les mots du profil.',
      en: 'The plan has at least one axis (or, without an axis level, at least one objective); each axis has a title and at least one objective. Levels are named in the profile’s words.',
    },
    serves: { fr: 'Tableau du plan : niveaux du tableau.', en: 'Plan table: its levels.' },
    messages: {
      'no-axis': { fr: 'Le plan n’a {none}.', en: 'The plan has {none}.' },
      untitled: { fr: '{this} n’a pas de titre.', en: '{this} has no title.' },
      'no-objective': { fr: '{this} n’a {none}.', en: '{this} has {none}.' },
    },
    defaultSeverity: 'error',
  },
  check({ plan, profile, examine, report }) {
    const axisWords = levelWords(profile.levels.axis)
    const objectiveWords = levelWords(profile.levels.objective)
    // A form without an axis level: the plan is a list of objectives, and it needs at least one.
    if (profile.levels.axis.presence === 'absent') {
      examine('/objectives')
      if ((plan.objectives ?? []).length === 0) report('no-axis', { pointer: plan.objectives ? '/objectives' : '', expected: '/objectives', subject: '/objectives', data: { none: objectiveWords.none } })
      return
    }
    examine('/axes')
    if (plan.axes.length === 0) report('no-axis', { pointer: '/axes', expected: '/axes', data: { none: axisWords.none } })
    for (const [a, axis] of plan.axes.entries()) {
      const pointer = `/axes/${a}`
      examine(pointer)
      if (axis.title.trim() === '') report('untitled', { pointer: `${pointer}/title`, subject: pointer, data: { this: axisWords.this } })
      if (profile.levels.objective.presence !== 'absent' && axis.objectives.length === 0)
        report('no-objective', { pointer, expected: `${pointer}/objectives`, data: { this: axisWords.this, none: objectiveWords.none } })
    }
  },
})

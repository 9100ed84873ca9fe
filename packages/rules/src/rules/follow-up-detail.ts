import Type from 'typebox'
import { defineRule } from '../engine/rule.js'
import { wordCount } from './kit.js'

export default defineRule<'too-short', { minWords: number }>({
  id: 'follow-up-detail',
  meta: {
    criterion: 'follow-up',
    docs: {
      fr: 'Les mécanismes de suivi sont décrits avec assez de détail pour dire qui suit quoi (un minimum de mots, réglable).',
      en: 'The follow-up mechanisms are described in enough detail to say who follows what up (a minimum number of words, configurable).',
    },
    serves: { fr: 'Question du formulaire : mécanismes de suivi.', en: 'Form question: follow-up mechanisms.' },
    messages: {
      'too-short': {
        fr: 'Les mécanismes de suivi tiennent en {words} mots (minimum attendu : {min}) : précisez qui assure le suivi, comment et à quelle fréquence.',
        en: 'The follow-up mechanisms take {words} words (expected at least {min}): say who follows up, how and how often.',
      },
    },
    options: Type.Object({ minWords: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    defaultOptions: { minWords: 25 },
    defaultSeverity: 'warning',
  },
  check({ plan, profile, options, examine, report }) {
    if (profile.sections.followUp.presence === 'absent' || (plan.followUp ?? []).length === 0) return
    examine('/followUp')
    const words = (plan.followUp ?? []).reduce((sum, item) => sum + wordCount(item.text), 0)
    if (words > 0 && words < options.minWords) report('too-short', { pointer: '/followUp', data: { words, min: options.minWords } })
  },
})
